namespace TicketTriage.Core.Tickets;

/// <summary>The kinds of entry in a ticket's history, as they travel in JSON.</summary>
public static class TicketEventType
{
    public const string Created = "created";
    public const string FieldChanged = "fieldChanged";
    public const string StatusChanged = "statusChanged";
    public const string NoteAdded = "noteAdded";
    public const string AutoClosed = "autoClosed";
    public const string SlaWarning = "slaWarning";
    public const string SlaBreached = "slaBreached";
}
