namespace TicketTriage.Core.Sla;

/// <summary>A stretch of time that does not count towards an SLA target, such as time On Hold; the period is [Start, End).</summary>
/// <param name="Start">When the clock paused.</param>
/// <param name="End">When the clock resumed, or null while it is still paused.</param>
public sealed record PausePeriod(DateTimeOffset Start, DateTimeOffset? End);
