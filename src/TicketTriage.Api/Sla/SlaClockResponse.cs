using TicketTriage.Core.Sla;

namespace TicketTriage.Api.Sla;

/// <summary>One SLA clock as the API shows it; durations as "d.hh:mm:ss", state running, paused, met or breached.</summary>
public sealed record SlaClockResponse(TimeSpan Target, DateTimeOffset? DueAt, TimeSpan Elapsed, TimeSpan Remaining, string State, double PercentElapsed)
{
    internal static SlaClockResponse From(SlaMeasure measure) => new(
        measure.Target,
        measure.DueAt,
        TimeSpan.FromSeconds(Math.Floor(measure.Elapsed.TotalSeconds)),
        TimeSpan.FromSeconds(Math.Ceiling(measure.Remaining.TotalSeconds)),
        StateName(measure.State),
        measure.PercentElapsed);

    private static string StateName(SlaState state) => state switch
    {
        SlaState.Running => "running",
        SlaState.Paused => "paused",
        SlaState.Met => "met",
        SlaState.Breached => "breached",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown SLA state."),
    };
}
