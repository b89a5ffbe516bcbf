namespace TicketTriage.Core.Tickets;

/// <summary>Where a ticket stands in its lifecycle.</summary>
public enum TicketStatus
{
    New,
    InProgress,
    OnHold,
    Resolved,
    Closed,
    Cancelled,
}
