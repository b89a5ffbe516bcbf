namespace TicketTriage.Api.Triage;

/// <summary>The rule that routed the ticket (null on fallback) and the terms of it found in the text.</summary>
/// <remarks>
/// The terms are a list rather than an interface because System.Text.Json writes a collection typed as an
/// interface through a boxed enumerator: one allocation per ticket on every page of tickets.
/// </remarks>
public sealed record RoutingResponse(string? RuleId, string AssignmentGroup, List<string> MatchedTerms, bool Fallback);
