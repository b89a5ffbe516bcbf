namespace TicketTriage.Core.Sla;

/// <summary>One SLA clock as shown on a ticket at a given instant.</summary>
/// <param name="Target">The working time allowed by the policy.</param>
/// <param name="DueAt">When the target is (or was) reached; null once the clock has stopped.</param>
/// <param name="Elapsed">Working time counted so far, pauses excluded.</param>
/// <param name="Remaining">Working time left before the target, never negative.</param>
/// <param name="State">Running, Paused, Met or Breached.</param>
/// <param name="PercentElapsed">Elapsed as a percentage of the target, rounded to one decimal; above 100 once breached.</param>
public sealed record SlaMeasure(TimeSpan Target, DateTimeOffset? DueAt, TimeSpan Elapsed, TimeSpan Remaining, SlaState State, double PercentElapsed);
