namespace TicketTriage.Core.Sla;

/// <summary>The two SLA clocks of a ticket.</summary>
public enum SlaClockKind
{
    Response,
    Resolution,
}
