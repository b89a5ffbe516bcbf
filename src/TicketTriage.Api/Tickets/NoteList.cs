namespace TicketTriage.Api.Tickets;

/// <summary>A ticket's notes, oldest first.</summary>
public sealed record NoteList(IReadOnlyList<NoteResponse> Items);
