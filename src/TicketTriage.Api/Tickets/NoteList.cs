namespace TicketTriage.Api.Tickets;

/// <summary>A page of a ticket's notes, oldest first; nextCursor is null on the last page.</summary>
public sealed record NoteList(IReadOnlyList<NoteResponse> Items, string? NextCursor);
