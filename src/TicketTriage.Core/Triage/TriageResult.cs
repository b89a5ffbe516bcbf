namespace TicketTriage.Core.Triage;

/// <summary>The outcome of triage with everything needed to explain it.</summary>
public sealed record TriageResult(MatrixCell Cell, RoutingDecision Routing)
{
    public Priority Priority => Cell.Priority;

    public string AssignmentGroup => Routing.AssignmentGroup;

    /// <summary>One sentence a person can read to see why the ticket got its priority and group.</summary>
    public string Explanation
    {
        get
        {
            var priority = $"Impact {Cell.Impact} and urgency {Cell.Urgency} give {Cell.Priority} in the priority matrix.";
            var routing = Routing.IsFallback
                ? $"No routing rule matched, so the ticket goes to the default group {Routing.AssignmentGroup}."
                : $"Rule '{Routing.RuleId}' matched {string.Join(", ", Routing.MatchedTerms.Select(term => $"'{term}'"))}, so the ticket goes to {Routing.AssignmentGroup}.";
            return $"{priority} {routing}";
        }
    }
}
