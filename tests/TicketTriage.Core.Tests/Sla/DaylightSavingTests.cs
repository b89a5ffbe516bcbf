using static TicketTriage.Core.Tests.SlaTimes;

namespace TicketTriage.Core.Tests;

/// <summary>
/// Working hours stay wall-clock hours across clock changes: Europe/London springs forward on 2026-03-29 (01:00 GMT
/// becomes 02:00 BST) and falls back on 2026-10-25 (02:00 BST becomes 01:00 GMT); America/New_York springs forward on
/// 2026-03-08 (02:00 EST becomes 03:00 EDT) and falls back on 2026-11-01.
/// </summary>
public sealed class DaylightSavingTests
{
    public static TheoryData<string, string, string, TimeSpan> Spans => new()
    {
        // Friday 16:00 GMT to Monday 10:00 BST: an hour each side of the weekend, Monday opening at 08:00 UTC.
        { SlaCalendars.London, "2026-03-27T16:00Z", "2026-03-30T09:00Z", TimeSpan.FromHours(2) },
        { SlaCalendars.London, "2026-03-30T07:59Z", "2026-03-30T08:01Z", TimeSpan.FromMinutes(1) },
        // Friday 16:00 BST to Monday 10:00 GMT.
        { SlaCalendars.London, "2026-10-23T15:00Z", "2026-10-26T10:00Z", TimeSpan.FromHours(2) },
        { SlaCalendars.NewYork, "2026-03-06T21:00Z", "2026-03-09T14:00Z", TimeSpan.FromHours(2) },
        { SlaCalendars.NewYork, "2026-10-30T20:00Z", "2026-11-02T15:00Z", TimeSpan.FromHours(2) },
        // The clock-change Sundays are still 9:00-17:00 local, eight hours long.
        { SlaCalendars.LondonEveryDay, "2026-03-29T00:00Z", "2026-03-30T00:00Z", TimeSpan.FromHours(8) },
        { SlaCalendars.LondonEveryDay, "2026-03-29T08:00Z", "2026-03-29T16:00Z", TimeSpan.FromHours(8) },
        { SlaCalendars.LondonEveryDay, "2026-10-25T00:00Z", "2026-10-26T00:00Z", TimeSpan.FromHours(8) },
        { SlaCalendars.LondonEveryDay, "2026-10-25T09:00Z", "2026-10-25T17:00Z", TimeSpan.FromHours(8) },
        // 00:00-06:00 local loses the skipped hour in spring and gains the repeated hour in autumn.
        { SlaCalendars.LondonNights, "2026-03-29T00:00Z", "2026-03-29T12:00Z", TimeSpan.FromHours(5) },
        { SlaCalendars.LondonNights, "2026-03-28T12:00Z", "2026-03-29T00:30Z", TimeSpan.FromMinutes(30) },
        { SlaCalendars.LondonNights, "2026-10-24T12:00Z", "2026-10-25T12:00Z", TimeSpan.FromHours(7) },
        { SlaCalendars.LondonNights, "2026-10-25T00:00Z", "2026-10-25T02:00Z", TimeSpan.FromHours(2) },
        { SlaCalendars.NewYorkNights, "2026-03-08T00:00Z", "2026-03-09T00:00Z", TimeSpan.FromHours(5) },
        { SlaCalendars.NewYorkNights, "2026-11-01T00:00Z", "2026-11-02T00:00Z", TimeSpan.FromHours(7) },
        // 01:30 does not exist on 2026-03-29: the day opens when the clocks reach 02:00 BST (01:00 UTC), closes 03:00 BST.
        { SlaCalendars.LondonSmallHours, "2026-03-29T00:00Z", "2026-03-29T12:00Z", TimeSpan.FromHours(1) },
        // 01:30 happens twice on 2026-10-25: the day opens at the first (00:30 UTC) and closes at 03:00 GMT.
        { SlaCalendars.LondonSmallHours, "2026-10-25T00:00Z", "2026-10-25T12:00Z", new TimeSpan(2, 30, 0) },
        { SlaCalendars.LondonSmallHours, "2026-10-24T12:00Z", "2026-10-25T00:30Z", TimeSpan.Zero },
    };

    public static TheoryData<string, string, TimeSpan, string> Additions => new()
    {
        { SlaCalendars.London, "2026-03-27T16:00Z", TimeSpan.FromHours(2), "2026-03-30T09:00Z" },
        { SlaCalendars.London, "2026-03-30T06:00Z", TimeSpan.FromHours(1), "2026-03-30T09:00Z" },
        { SlaCalendars.London, "2026-10-23T15:00Z", TimeSpan.FromHours(2), "2026-10-26T10:00Z" },
        { SlaCalendars.NewYork, "2026-03-06T21:00Z", TimeSpan.FromHours(2), "2026-03-09T14:00Z" },
        { SlaCalendars.LondonEveryDay, "2026-03-28T16:00Z", TimeSpan.FromHours(2), "2026-03-29T09:00Z" },
        { SlaCalendars.LondonNights, "2026-03-29T00:00Z", TimeSpan.FromHours(5), "2026-03-29T05:00Z" },
        { SlaCalendars.LondonNights, "2026-03-29T00:00Z", TimeSpan.FromHours(6), "2026-03-30T00:00Z" },
        { SlaCalendars.LondonNights, "2026-10-24T23:00Z", TimeSpan.FromHours(6), "2026-10-25T05:00Z" },
        { SlaCalendars.LondonNights, "2026-10-24T23:00Z", TimeSpan.FromHours(8), "2026-10-26T01:00Z" },
        { SlaCalendars.NewYorkNights, "2026-03-08T05:00Z", TimeSpan.FromHours(5), "2026-03-08T10:00Z" },
        { SlaCalendars.LondonSmallHours, "2026-03-29T00:00Z", TimeSpan.FromMinutes(30), "2026-03-29T01:30Z" },
        { SlaCalendars.LondonSmallHours, "2026-10-25T00:00Z", TimeSpan.FromHours(1), "2026-10-25T01:30Z" },
    };

    [Theory]
    [MemberData(nameof(Spans))]
    public void WorkingTimeBetween_AcrossClockChange_CountsWallClockHours(string calendar, string from, string to, TimeSpan expected)
    {
        var working = SlaCalendars.Get(calendar).WorkingTimeBetween(At(from), At(to));

        Assert.Equal(expected, working);
    }

    [Theory]
    [MemberData(nameof(Additions))]
    public void AddWorkingTime_AcrossClockChange_LandsOnWallClockHours(string calendar, string from, TimeSpan amount, string expected)
    {
        var result = SlaCalendars.Get(calendar).AddWorkingTime(At(from), amount);

        Assert.Equal(At(expected), result);
        Assert.Equal(TimeSpan.Zero, result.Offset);
    }
}
