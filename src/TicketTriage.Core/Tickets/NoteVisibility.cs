namespace TicketTriage.Core.Tickets;

/// <summary>Who may read a note: internal notes are for the service desk, public ones for the caller too.</summary>
public enum NoteVisibility
{
    Internal,
    Public,
}
