namespace TicketTriage.Core.Triage;

/// <summary>A routing rule: when any of its terms appears in a ticket, the ticket goes to its group.</summary>
public sealed record RoutingRule(string Id, string Group, IReadOnlyList<string> Terms);
