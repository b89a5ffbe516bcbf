namespace TicketTriage.Api.Tickets;

/// <summary>A page of a ticket's history, in the order it happened; nextCursor is null on the last page.</summary>
public sealed record HistoryList(IReadOnlyList<HistoryEntryResponse> Items, string? NextCursor);
