namespace TicketTriage.Core.Sla;

/// <summary>Where one SLA clock (response or resolution) stands at a given instant.</summary>
public enum SlaState
{
    /// <summary>The clock is counting and the target is not reached yet.</summary>
    Running,

    /// <summary>The clock is paused (the ticket is on hold) and the target is not reached yet.</summary>
    Paused,

    /// <summary>The clock stopped at or before the target.</summary>
    Met,

    /// <summary>The target was reached before the clock stopped: elapsed time is at or past the target.</summary>
    Breached,
}
