using TicketTriage.Core.Tickets;

namespace TicketTriage.Api.Tickets;

/// <summary>A work note as stored.</summary>
public sealed record NoteResponse(long Id, string Body, string Visibility, string Author, DateTimeOffset CreatedAt)
{
    internal static NoteResponse From(TicketNote note) =>
        new(note.Id, note.Body, NoteVisibilityName.Of(note.Visibility), note.Author, note.CreatedAt);
}
