namespace TicketTriage.Api.Triage;

/// <summary>The rule that routed the ticket (null on fallback) and the terms of it found in the text.</summary>
public sealed record RoutingResponse(string? RuleId, string AssignmentGroup, IReadOnlyList<string> MatchedTerms, bool Fallback);
