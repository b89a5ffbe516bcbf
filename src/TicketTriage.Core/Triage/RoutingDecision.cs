namespace TicketTriage.Core.Triage;

/// <summary>
/// Where a ticket was routed and why: the rule that fired and the terms of that rule found in the
/// ticket, or no rule when none matched and the default group was used.
/// </summary>
public sealed record RoutingDecision(string? RuleId, string AssignmentGroup, IReadOnlyList<string> MatchedTerms)
{
    public bool IsFallback => RuleId is null;
}
