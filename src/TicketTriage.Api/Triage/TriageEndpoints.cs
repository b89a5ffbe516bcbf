using Microsoft.AspNetCore.Http.HttpResults;
using TicketTriage.Api.Auth;
using TicketTriage.Api.Telemetry;
using TicketTriage.Api.Tickets;
using TicketTriage.Core.Triage;

namespace TicketTriage.Api.Triage;

internal static class TriageEndpoints
{
    public static RouteGroupBuilder MapTriageEndpoints(this IEndpointRouteBuilder app)
    {
        var triage = app.MapGroup("/api/v1/triage").WithTags("Triage").RequireAuthorization(Policies.Ingest);

        triage.MapPost("/", TriageIncident)
            .WithName("TriageIncident")
            .WithSummary("Compute priority and assignment group for an incident without storing anything")
            .Accepts<CreateTicketRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        return triage;
    }

    private static Ok<TriageResponse> TriageIncident(CreateTicketRequest request, TriageEngine engine, TriageMetrics metrics) =>
        TypedResults.Ok(TriageResponse.From(metrics.Triage(engine, request.Title, request.Description, request.Impact!.Value, request.Urgency!.Value)));
}
