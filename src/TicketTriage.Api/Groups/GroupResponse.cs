namespace TicketTriage.Api.Groups;

/// <summary>An assignment group, the rules that route to it, and whether it takes unmatched tickets.</summary>
public sealed record GroupResponse(string Name, IReadOnlyList<string> RuleIds, bool IsDefault);
