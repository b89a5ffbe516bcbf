using TicketTriage.Core.Sla;

namespace TicketTriage.Core.Tickets;

/// <summary>One entry of a ticket's append-only history.</summary>
public sealed class TicketEvent
{
    private TicketEvent()
    {
    }

    public long Id { get; private set; }

    public long TicketId { get; private set; }

    public string Type { get; private set; } = string.Empty;

    public DateTimeOffset At { get; private set; }

    public string Actor { get; private set; } = string.Empty;

    public string? Field { get; private set; }

    public string? OldValue { get; private set; }

    public string? NewValue { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>Structured detail as JSON: for <see cref="TicketEventType.Created"/>, the ticket as opened and its triage.</summary>
    public string? Details { get; private set; }

    public static TicketEvent Created(Ticket ticket, string actor, string details) => new()
    {
        TicketId = ticket.Id,
        Type = TicketEventType.Created,
        At = ticket.CreatedAt,
        Actor = actor,
        Details = details,
    };

    /// <summary>One entry per changed field; the status change of an automatic close is marked as such.</summary>
    public static IEnumerable<TicketEvent> Changed(Ticket ticket, IEnumerable<FieldChange> changes, string actor, DateTimeOffset at, bool automatic = false) =>
        changes.Select(change => new TicketEvent
        {
            TicketId = ticket.Id,
            Type = change.Field != TicketField.Status ? TicketEventType.FieldChanged
                : automatic ? TicketEventType.AutoClosed
                : TicketEventType.StatusChanged,
            At = at,
            Actor = actor,
            Field = change.Field,
            OldValue = change.OldValue,
            NewValue = change.NewValue,
            Reason = change.Reason,
        });

    /// <summary>An SLA threshold passed: the field names the clock, the value the instant it was passed.</summary>
    public static TicketEvent SlaCrossed(Ticket ticket, SlaCrossing crossing) => new()
    {
        TicketId = ticket.Id,
        Type = crossing.Breach ? TicketEventType.SlaBreached : TicketEventType.SlaWarning,
        At = crossing.At,
        Actor = Actors.System,
        Field = crossing.Clock == SlaClockKind.Response ? "sla.response" : "sla.resolution",
        NewValue = HistoryValue.Of(crossing.At),
    };

    public static TicketEvent NoteAdded(Ticket ticket, TicketNote note) => new()
    {
        TicketId = ticket.Id,
        Type = TicketEventType.NoteAdded,
        At = note.CreatedAt,
        Actor = note.Author,
        NewValue = NoteVisibilityName.Of(note.Visibility),
        Details = note.Body,
    };
}
