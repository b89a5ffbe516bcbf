namespace TicketTriage.Core.Tickets;

/// <summary>A work note on a ticket. Notes are never edited; a correction is a new note.</summary>
public sealed class TicketNote
{
    public const int BodyMaxLength = 10_000;

    private TicketNote()
    {
    }

    public long Id { get; private set; }

    public long TicketId { get; private set; }

    public string Body { get; private set; } = string.Empty;

    public NoteVisibility Visibility { get; private set; }

    public string Author { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public static TicketNote Write(long ticketId, string body, NoteVisibility visibility, string author, DateTimeOffset now) => new()
    {
        TicketId = ticketId,
        Body = UnicodeText.Composed(body),
        Visibility = visibility,
        Author = author,
        CreatedAt = now,
    };
}
