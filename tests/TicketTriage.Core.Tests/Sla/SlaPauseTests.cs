using TicketTriage.Core.Sla;
using static TicketTriage.Core.Tests.SlaTimes;

namespace TicketTriage.Core.Tests;

/// <summary>
/// Time on hold does not count. The clock starts Monday 2026-03-02 10:00 UTC and is read on Wednesday 10:00 UTC,
/// 16 business hours later (7 on Monday, 8 on Tuesday, 1 on Wednesday) or 48 hours on the 24x7 calendar.
/// </summary>
public sealed class SlaPauseTests
{
    private const string Start = "2026-03-02T10:00Z";
    private const string Now = "2026-03-04T10:00Z";

    public static TheoryData<string, string?, string[], TimeSpan> Cases => new()
    {
        { SlaCalendars.Utc, null, [], TimeSpan.FromHours(16) },
        // Monday 18:00 to Tuesday 08:00 lies outside business hours: nothing to take off.
        { SlaCalendars.Utc, null, ["2026-03-02T18:00Z..2026-03-03T08:00Z"], TimeSpan.FromHours(16) },
        // Held from Monday 16:00 until Tuesday 10:00: one business hour each side of the night.
        { SlaCalendars.Utc, null, ["2026-03-02T16:00Z..2026-03-03T10:00Z"], TimeSpan.FromHours(14) },
        // Held from Monday night to Wednesday morning: the whole of Tuesday is taken off.
        { SlaCalendars.Utc, null, ["2026-03-02T20:00Z..2026-03-04T07:00Z"], TimeSpan.FromHours(8) },
        // Overlapping pauses count their union once: 11:00-14:00.
        { SlaCalendars.Utc, null, ["2026-03-02T11:00Z..2026-03-02T13:00Z", "2026-03-02T12:00Z..2026-03-02T14:00Z"], TimeSpan.FromHours(13) },
        { SlaCalendars.Utc, null, ["2026-03-02T12:00Z..2026-03-02T14:00Z", "2026-03-02T11:00Z..2026-03-02T13:00Z"], TimeSpan.FromHours(13) },
        // A pause inside another one.
        { SlaCalendars.Utc, null, ["2026-03-02T11:00Z..2026-03-02T15:00Z", "2026-03-02T12:00Z..2026-03-02T13:00Z"], TimeSpan.FromHours(12) },
        // Pauses that touch end to end.
        { SlaCalendars.Utc, null, ["2026-03-02T11:00Z..2026-03-02T12:00Z", "2026-03-02T12:00Z..2026-03-02T13:00Z"], TimeSpan.FromHours(14) },
        // Only the part after the clock started counts.
        { SlaCalendars.Utc, null, ["2026-03-02T08:00Z..2026-03-02T11:00Z"], TimeSpan.FromHours(15) },
        { SlaCalendars.Utc, null, ["2026-03-01T08:00Z..2026-03-02T09:30Z"], TimeSpan.FromHours(16) },
        // Still on hold since Tuesday 15:00.
        { SlaCalendars.Utc, null, ["2026-03-03T15:00Z.."], TimeSpan.FromHours(13) },
        // On hold at now with a known end, and a pause that has not begun: only the part before now counts.
        { SlaCalendars.Utc, null, ["2026-03-04T09:30Z..2026-03-04T12:00Z"], new TimeSpan(15, 30, 0) },
        { SlaCalendars.Utc, null, ["2026-03-04T11:00Z..2026-03-04T12:00Z"], TimeSpan.FromHours(16) },
        // Stopped on Tuesday 12:00: the rest of the open pause after the stop does not matter.
        { SlaCalendars.Utc, "2026-03-03T12:00Z", ["2026-03-03T11:00Z.."], TimeSpan.FromHours(9) },
        { SlaCalendars.Utc, "2026-03-03T12:00Z", [], TimeSpan.FromHours(10) },
        // A stop after now has not happened yet.
        { SlaCalendars.Utc, "2026-03-05T12:00Z", [], TimeSpan.FromHours(16) },
        { SlaCalendars.AlwaysOpen, null, [], TimeSpan.FromHours(48) },
        { SlaCalendars.AlwaysOpen, null, ["2026-03-02T18:00Z..2026-03-03T08:00Z"], TimeSpan.FromHours(34) },
        { SlaCalendars.AlwaysOpen, null, ["2026-03-02T11:00Z..2026-03-02T13:00Z", "2026-03-02T12:00Z..2026-03-02T14:00Z"], TimeSpan.FromHours(45) },
        { SlaCalendars.AlwaysOpen, "2026-03-02T10:15Z", [], TimeSpan.FromMinutes(15) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Elapsed_WithPauses_CountsWorkingTimeOutsideThem(string calendar, string? stoppedAt, string[] pauses, TimeSpan expected)
    {
        var elapsed = SlaClock.Elapsed(SlaCalendars.Get(calendar), At(Start), AtOrNull(stoppedAt), Pauses(pauses), At(Now));

        Assert.Equal(expected, elapsed);
    }

    [Theory]
    [InlineData("2026-03-02T10:00Z")]
    [InlineData("2026-03-01T10:00Z")]
    public void Elapsed_NowNotAfterStart_IsZero(string now)
    {
        var elapsed = SlaClock.Elapsed(SlaCalendars.Get(SlaCalendars.AlwaysOpen), At(Start), null, [], At(now));

        Assert.Equal(TimeSpan.Zero, elapsed);
    }

    [Fact]
    public void Elapsed_PauseEndingBeforeItStarts_ThrowsArgument()
    {
        var exception = Assert.Throws<ArgumentException>(() => SlaClock.Elapsed(
            SlaCalendars.Get(SlaCalendars.Utc), At(Start), null, Pauses("2026-03-02T12:00Z..2026-03-02T11:00Z"), At(Now)));

        Assert.Equal("pauses", exception.ParamName);
    }
}
