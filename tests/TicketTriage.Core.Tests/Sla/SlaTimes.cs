using System.Globalization;
using TicketTriage.Core.Sla;

namespace TicketTriage.Core.Tests;

/// <summary>Reads the instants and pauses that SLA theory rows spell as ISO 8601 text.</summary>
internal static class SlaTimes
{
    /// <summary>An instant such as "2026-03-02T09:00Z" or "2026-03-30T10:00+01:00".</summary>
    public static DateTimeOffset At(string instant) =>
        DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static DateTimeOffset? AtOrNull(string? instant) => instant is null ? null : At(instant);

    /// <summary>Pauses spelled "start..end", or "start.." for one that has not ended.</summary>
    public static IReadOnlyList<PausePeriod> Pauses(params string[] pauses) => [.. pauses.Select(Pause)];

    private static PausePeriod Pause(string pause)
    {
        var parts = pause.Split("..");
        Assert.Equal(2, parts.Length);
        return new PausePeriod(At(parts[0]), parts[1].Length == 0 ? null : At(parts[1]));
    }
}
