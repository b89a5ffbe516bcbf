using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TicketTriage.Api.Infrastructure;
using TicketTriage.Api.Persistence;
using TicketTriage.Core.Tickets;
using TicketTriage.Core.Triage;

namespace TicketTriage.Api.Tickets;

internal static class TicketEndpoints
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static RouteGroupBuilder MapTicketEndpoints(this IEndpointRouteBuilder app)
    {
        var tickets = app.MapGroup("/api/v1/tickets").WithTags("Tickets");

        tickets.MapPost("/", CreateTicketAsync)
            .WithName("CreateTicket")
            .WithSummary("Triage an incident and store it as a ticket")
            .Accepts<CreateTicketRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        tickets.MapGet("/{id:long}", GetTicketAsync)
            .WithName("GetTicket")
            .WithSummary("Get one ticket by id")
            .ProducesProblem(StatusCodes.Status404NotFound);

        tickets.MapGet("/", ListTicketsAsync)
            .WithName("ListTickets")
            .WithSummary("List tickets newest first, filtered, one keyset page at a time");

        return tickets;
    }

    private static async Task<Created<TicketResponse>> CreateTicketAsync(
        CreateTicketRequest request,
        TriageEngine engine,
        TriageDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var triage = engine.Triage(request.Title, request.Description, request.Impact!.Value, request.Urgency!.Value);
        var ticket = Ticket.Open(request.Title!, request.Description, request.Caller, triage, StoredInstant.Now(time));
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/tickets/{ticket.Id.ToString(CultureInfo.InvariantCulture)}", TicketResponse.From(ticket));
    }

    private static async Task<Results<Ok<TicketResponse>, ProblemHttpResult>> GetTicketAsync(
        long id,
        TriageDbContext db,
        CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        return ticket is null
            ? TicketNotFound(id)
            : TypedResults.Ok(TicketResponse.From(ticket));
    }

    private static async Task<Results<Ok<TicketPage>, ValidationProblem>> ListTicketsAsync(
        [AsParameters] TicketFilterParameters filters,
        [FromQuery] string? limit,
        [FromQuery] string? cursor,
        TriageDbContext db,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = TicketFilter.Parse(filters, errors);
        var pageSize = DefaultPageSize;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            errors["limit"] = [$"limit must be a whole number from 1 to {MaxPageSize}."];
        }

        TicketCursor after = default;
        if (cursor is not null && !TicketCursor.TryDecode(cursor, out after))
        {
            errors["cursor"] = ["cursor is not one this API issued; pass the nextCursor of the previous page unchanged."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, type: Problems.Validation, title: "The query string is not valid");
        }

        var query = filter.Apply(db.Tickets.AsNoTracking());
        if (cursor is not null)
        {
            query = query.Where(t => t.CreatedAt < after.CreatedAt || (t.CreatedAt == after.CreatedAt && t.Id < after.Id));
        }

        var rows = await query
            .OrderByDescending(t => t.CreatedAt)
            .ThenByDescending(t => t.Id)
            .Take(pageSize + 1)
            .ToListAsync(cancellationToken);

        var items = rows.Take(pageSize).Select(TicketResponse.From).ToList();
        var next = rows.Count > pageSize ? new TicketCursor(rows[pageSize - 1].CreatedAt, rows[pageSize - 1].Id).Encode() : null;
        return TypedResults.Ok(new TicketPage(items, next));
    }

    internal static ProblemHttpResult TicketNotFound(long id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        type: Problems.NotFound,
        title: "Ticket not found",
        detail: $"No ticket has id {id.ToString(CultureInfo.InvariantCulture)}.");
}
