namespace TicketTriage.Api.Tickets;

/// <summary>The SLA situations the list and the CSV filter on with <c>slaState</c>; a ticket matches when either clock is in it.</summary>
internal enum SlaStateFilter
{
    /// <summary>A clock's state is breached: it reached its target, or stopped after it.</summary>
    Breached,

    /// <summary>A clock is running and has passed the warning share of its target, without breaching yet.</summary>
    AtRisk,

    /// <summary>A clock's state is paused: the ticket is On Hold and its resolution clock has not breached.</summary>
    Paused,
}
