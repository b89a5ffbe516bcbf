namespace TicketTriage.Core.Tickets;

/// <summary>Who may read a note: internal notes are for the service desk, public ones for the caller too.</summary>
public enum NoteVisibility
{
    Internal,
    Public,
}

/// <summary>Visibility as it travels in JSON and in the history.</summary>
public static class NoteVisibilityName
{
    public static string Of(NoteVisibility visibility) => visibility == NoteVisibility.Public ? "public" : "internal";
}
