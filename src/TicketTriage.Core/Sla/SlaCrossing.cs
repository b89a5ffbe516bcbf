namespace TicketTriage.Core.Sla;

/// <summary>A threshold a ticket's SLA clock passed: the warning share or the whole target, and when.</summary>
public sealed record SlaCrossing(SlaClockKind Clock, bool Breach, DateTimeOffset At);
