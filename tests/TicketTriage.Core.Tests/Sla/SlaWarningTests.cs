using TicketTriage.Core.Sla;
using static TicketTriage.Core.Tests.SlaTimes;

namespace TicketTriage.Core.Tests;

/// <summary>
/// When the clock reaches a share of its target. The P3 response clock (4 business hours, UTC 9:00-17:00) starts
/// Monday 2026-03-02 15:00 UTC, so its 75% warning (3 hours) falls on Tuesday 10:00 without pauses.
/// </summary>
public sealed class SlaWarningTests
{
    private const string Start = "2026-03-02T15:00Z";

    private static readonly TimeSpan Target = TimeSpan.FromHours(4);

    public static TheoryData<string, string?, string[], string?> WarningInstants => new()
    {
        // Ahead of time, and after the fact (computed exactly, not "now").
        { "2026-03-02T16:00Z", null, [], "2026-03-03T10:00Z" },
        { "2026-03-05T12:00Z", null, [], "2026-03-03T10:00Z" },
        // On hold from Monday 16:00 until Tuesday 12:00: one hour on Monday, two more from Tuesday 12:00.
        { "2026-03-05T12:00Z", null, ["2026-03-02T16:00Z..2026-03-03T12:00Z"], "2026-03-03T14:00Z" },
        // On hold now with a known end: the clock resumes at that end.
        { "2026-03-03T10:00Z", null, ["2026-03-02T16:00Z..2026-03-03T12:00Z"], "2026-03-03T14:00Z" },
        // On hold now with no end, not there yet: unknown.
        { "2026-03-03T10:00Z", null, ["2026-03-02T16:00Z.."], null },
        // On hold now with no end, but reached before the hold.
        { "2026-03-03T15:00Z", null, ["2026-03-03T11:00Z.."], "2026-03-03T10:00Z" },
        // A hold that begins after now is not known yet.
        { "2026-03-02T16:00Z", null, ["2026-03-03T09:00Z..2026-03-03T12:00Z"], "2026-03-03T10:00Z" },
        // Stopped before reaching it: never.
        { "2026-03-05T12:00Z", "2026-03-02T17:00Z", [], null },
        // Stopped after reaching it.
        { "2026-03-05T12:00Z", "2026-03-03T12:00Z", [], "2026-03-03T10:00Z" },
        // Stopped exactly when reaching it.
        { "2026-03-05T12:00Z", "2026-03-03T10:00Z", [], "2026-03-03T10:00Z" },
    };

    [Theory]
    [MemberData(nameof(WarningInstants))]
    public void WhenElapsedReaches_WarningShare_GivesTheInstant(string now, string? stoppedAt, string[] pauses, string? expected)
    {
        var warningAt = SlaClock.WhenElapsedReaches(
            Target * SlaDefaults.WarningShare, SlaCalendars.Get(SlaCalendars.Utc), At(Start), AtOrNull(stoppedAt), Pauses(pauses), At(now));

        Assert.Equal(AtOrNull(expected), warningAt);
    }

    [Fact]
    public void WhenElapsedReaches_WarningInstant_IsWhereElapsedCrosses75Percent()
    {
        var calendar = SlaCalendars.Get(SlaCalendars.Utc);
        var pauses = Pauses("2026-03-02T16:00Z..2026-03-03T12:00Z");

        var warningAt = SlaClock.WhenElapsedReaches(Target * 0.75, calendar, At(Start), null, pauses, At("2026-03-03T12:00Z"))!.Value;

        Assert.Equal(At("2026-03-03T14:00Z"), warningAt);
        Assert.Equal(75, SlaClock.Measure(Target, calendar, At(Start), null, pauses, warningAt).PercentElapsed);
        Assert.True(SlaClock.Elapsed(calendar, At(Start), null, pauses, warningAt.AddTicks(-1)) < Target * 0.75);
        Assert.Equal(TimeSpan.Zero, warningAt.Offset);
    }

    [Theory]
    [InlineData("2026-03-02T16:00Z")]
    [InlineData("2026-03-05T12:00Z")]
    public void WhenElapsedReaches_WholeTarget_IsTheBreachInstant(string now)
    {
        var calendar = SlaCalendars.Get(SlaCalendars.Utc);

        var breachAt = SlaClock.WhenElapsedReaches(Target, calendar, At(Start), null, [], At(now));

        Assert.Equal(At("2026-03-03T11:00Z"), breachAt);
        Assert.Equal(breachAt, SlaClock.Measure(Target, calendar, At(Start), null, [], At(now)).DueAt);
    }

    [Fact]
    public void WhenElapsedReaches_Zero_IsTheStart()
    {
        var reachedAt = SlaClock.WhenElapsedReaches(TimeSpan.Zero, SlaCalendars.Get(SlaCalendars.Utc), At(Start), null, [], At(Start));

        Assert.Equal(At(Start), reachedAt);
    }

    [Fact]
    public void WhenElapsedReaches_AlwaysOpenResolution_IsThreeHoursOfWallTime()
    {
        var reachedAt = SlaClock.WhenElapsedReaches(
            TimeSpan.FromHours(4) * SlaDefaults.WarningShare, BusinessCalendar.AlwaysOpen, At("2026-03-06T22:00Z"), null, [], At("2026-03-06T22:00Z"));

        Assert.Equal(At("2026-03-07T01:00Z"), reachedAt);
    }
}
