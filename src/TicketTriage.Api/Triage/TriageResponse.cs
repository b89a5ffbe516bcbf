using TicketTriage.Core.Triage;

namespace TicketTriage.Api.Triage;

/// <summary>A triage decision and why it was made.</summary>
public sealed record TriageResponse(
    Priority Priority,
    string AssignmentGroup,
    MatrixCellResponse Matrix,
    RoutingResponse Routing,
    string Explanation)
{
    internal static TriageResponse From(TriageResult result) => new(
        result.Priority,
        result.AssignmentGroup,
        new MatrixCellResponse(result.Cell.Impact, result.Cell.Urgency, result.Cell.Priority),
        new RoutingResponse(result.Routing.RuleId, result.Routing.AssignmentGroup, result.Routing.MatchedTerms as List<string> ?? [.. result.Routing.MatchedTerms], result.Routing.IsFallback),
        result.Explanation);
}
