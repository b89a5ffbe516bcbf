namespace TicketTriage.Api.Tickets;

/// <summary>One page of tickets; pass <c>nextCursor</c> as <c>cursor</c> for the next, null at the end.</summary>
public sealed record TicketPage(IReadOnlyList<TicketResponse> Items, string? NextCursor);
