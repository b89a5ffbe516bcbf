using Microsoft.AspNetCore.Http.HttpResults;
using TicketTriage.Api.Auth;
using TicketTriage.Core.Triage;

namespace TicketTriage.Api.Groups;

internal static class GroupEndpoints
{
    public static RouteGroupBuilder MapGroupEndpoints(this IEndpointRouteBuilder app)
    {
        var groups = app.MapGroup("/api/v1/groups").WithTags("Groups").RequireAuthorization(Policies.Reader);
        groups.MapGet("/", ListGroups)
            .WithName("ListGroups")
            .WithSummary("List the assignment groups known to the triage rules");
        return groups;
    }

    private static Ok<GroupList> ListGroups(TriageEngine engine)
    {
        var rules = engine.Router.Rules;
        var items = engine.Groups
            .Select(group => new GroupResponse(
                group,
                [.. rules.Where(rule => rule.Group == group).Select(rule => rule.Id)],
                group == engine.Router.DefaultGroup))
            .ToList();
        return TypedResults.Ok(new GroupList(items));
    }
}
