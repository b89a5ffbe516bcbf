namespace TicketTriage.Api.Tickets;

/// <summary>A ticket's whole history, in the order it happened.</summary>
public sealed record HistoryList(IReadOnlyList<HistoryEntryResponse> Items);
