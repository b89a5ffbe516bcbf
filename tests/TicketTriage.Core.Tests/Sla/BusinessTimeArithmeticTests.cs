using TicketTriage.Core.Sla;
using static TicketTriage.Core.Tests.SlaTimes;

namespace TicketTriage.Core.Tests;

/// <summary>Working time between instants and instants after working time, across nights, weekends and holidays (2026-03-02 is a Monday).</summary>
public sealed class BusinessTimeArithmeticTests
{
    public static TheoryData<string, string, string, TimeSpan> Spans => new()
    {
        { SlaCalendars.Utc, "2026-03-02T10:00Z", "2026-03-02T12:30Z", new TimeSpan(2, 30, 0) },
        { SlaCalendars.Utc, "2026-03-02T16:00Z", "2026-03-03T10:00Z", TimeSpan.FromHours(2) },
        { SlaCalendars.Utc, "2026-03-06T16:00Z", "2026-03-09T10:00Z", TimeSpan.FromHours(2) },
        { SlaCalendars.Utc, "2026-03-07T10:00Z", "2026-03-08T18:00Z", TimeSpan.Zero },
        { SlaCalendars.Utc, "2026-03-02T07:00Z", "2026-03-02T19:00Z", TimeSpan.FromHours(8) },
        { SlaCalendars.Utc, "2026-03-02T00:00Z", "2026-03-09T00:00Z", TimeSpan.FromHours(40) },
        { SlaCalendars.Utc, "2026-03-02T17:00Z", "2026-03-03T09:00Z", TimeSpan.Zero },
        { SlaCalendars.Utc, "2026-04-02T16:00Z", "2026-04-07T10:00Z", TimeSpan.FromHours(10) },
        { SlaCalendars.Utc, "2026-12-24T16:00Z", "2026-12-28T10:00Z", TimeSpan.FromHours(2) },
        { SlaCalendars.Utc, "2026-03-02T12:00+01:00", "2026-03-02T12:00Z", TimeSpan.FromHours(1) },
        { SlaCalendars.Utc, "2026-03-03T10:00Z", "2026-03-02T10:00Z", TimeSpan.Zero },
        { SlaCalendars.Utc, "2026-03-02T10:00Z", "2026-03-02T10:00Z", TimeSpan.Zero },
        { SlaCalendars.London, "2026-04-02T15:00Z", "2026-04-07T09:00Z", TimeSpan.FromHours(2) },
        { SlaCalendars.NewYork, "2026-07-03T13:00Z", "2026-07-03T21:00Z", TimeSpan.Zero },
        { SlaCalendars.NewYork, "2026-07-02T13:00Z", "2026-07-02T21:00Z", TimeSpan.FromHours(8) },
        { SlaCalendars.AlwaysOpen, "2026-03-06T16:00Z", "2026-03-09T10:00Z", TimeSpan.FromHours(66) },
        { SlaCalendars.AlwaysOpen, "2026-03-09T10:00Z", "2026-03-06T16:00Z", TimeSpan.Zero },
    };

    public static TheoryData<string, string, TimeSpan, string> Additions => new()
    {
        { SlaCalendars.Utc, "2026-03-02T10:00Z", TimeSpan.FromHours(2), "2026-03-02T12:00Z" },
        { SlaCalendars.Utc, "2026-03-02T16:00Z", TimeSpan.FromHours(1), "2026-03-02T17:00Z" },
        { SlaCalendars.Utc, "2026-03-02T16:00Z", TimeSpan.FromHours(2), "2026-03-03T10:00Z" },
        { SlaCalendars.Utc, "2026-03-06T16:00Z", TimeSpan.FromHours(2), "2026-03-09T10:00Z" },
        { SlaCalendars.Utc, "2026-03-07T12:00Z", TimeSpan.FromHours(1), "2026-03-09T10:00Z" },
        { SlaCalendars.Utc, "2026-03-02T07:00Z", TimeSpan.FromMinutes(1), "2026-03-02T09:01Z" },
        { SlaCalendars.Utc, "2026-03-02T07:00Z", TimeSpan.Zero, "2026-03-02T07:00Z" },
        { SlaCalendars.Utc, "2026-03-02T10:00Z", TimeSpan.FromHours(24), "2026-03-05T10:00Z" },
        { SlaCalendars.Utc, "2026-03-02T10:00Z", TimeSpan.FromHours(40), "2026-03-09T10:00Z" },
        { SlaCalendars.Utc, "2026-04-02T16:00Z", TimeSpan.FromHours(2), "2026-04-06T10:00Z" },
        { SlaCalendars.Utc, "2026-12-24T16:00Z", TimeSpan.FromHours(2), "2026-12-28T10:00Z" },
        { SlaCalendars.Utc, "2026-03-02T11:00+01:00", TimeSpan.FromHours(1), "2026-03-02T11:00Z" },
        { SlaCalendars.London, "2026-04-02T15:00Z", TimeSpan.FromHours(2), "2026-04-07T09:00Z" },
        { SlaCalendars.NewYork, "2026-07-02T20:00Z", TimeSpan.FromHours(2), "2026-07-06T14:00Z" },
        { SlaCalendars.AlwaysOpen, "2026-03-06T16:00Z", TimeSpan.FromMinutes(15), "2026-03-06T16:15Z" },
        { SlaCalendars.AlwaysOpen, "2026-03-06T16:00+02:00", TimeSpan.FromHours(66), "2026-03-09T08:00Z" },
    };

    /// <summary>Odd starting instants and amounts, down to single ticks, in every kind of calendar.</summary>
    public static TheoryData<string, string, TimeSpan> RoundTrips => new()
    {
        { SlaCalendars.Utc, "2026-03-02T09:00Z", TimeSpan.FromTicks(1) },
        { SlaCalendars.Utc, "2026-03-02T16:59:59.9999999Z", TimeSpan.FromTicks(2) },
        { SlaCalendars.Utc, "2026-03-06T13:17:42.1234567Z", new TimeSpan(0, 11, 3, 7, 891) },
        { SlaCalendars.Utc, "2026-03-28T03:00Z", TimeSpan.FromHours(123.456) },
        { SlaCalendars.London, "2026-03-26T12:34:56Z", TimeSpan.FromHours(37.5) },
        { SlaCalendars.London, "2026-10-22T08:00Z", TimeSpan.FromHours(20) },
        { SlaCalendars.NewYork, "2026-03-05T21:59Z", TimeSpan.FromMinutes(601) },
        { SlaCalendars.NewYork, "2026-10-30T20:00Z", TimeSpan.FromHours(9) },
        { SlaCalendars.LondonNights, "2026-03-28T04:00Z", TimeSpan.FromHours(7) },
        { SlaCalendars.LondonNights, "2026-10-24T05:00Z", TimeSpan.FromHours(7.25) },
        { SlaCalendars.LondonSmallHours, "2026-03-28T00:00Z", TimeSpan.FromHours(2.75) },
        { SlaCalendars.LondonSmallHours, "2026-10-24T02:00Z", TimeSpan.FromHours(3) },
        { SlaCalendars.NewYorkNights, "2026-03-07T09:00Z", TimeSpan.FromHours(6) },
        { SlaCalendars.AlwaysOpen, "2026-03-29T00:30Z", new TimeSpan(3, 4, 5, 6) },
    };

    [Theory]
    [MemberData(nameof(Spans))]
    public void WorkingTimeBetween_Span_CountsOnlyWorkingHours(string calendar, string from, string to, TimeSpan expected)
    {
        var working = SlaCalendars.Get(calendar).WorkingTimeBetween(At(from), At(to));

        Assert.Equal(expected, working);
    }

    [Fact]
    public void WorkingTimeBetween_OneTickAtOpening_IsOneTick()
    {
        var opening = At("2026-03-02T09:00Z");

        var working = SlaCalendars.Get(SlaCalendars.Utc).WorkingTimeBetween(opening, opening.AddTicks(1));

        Assert.Equal(TimeSpan.FromTicks(1), working);
    }

    [Theory]
    [MemberData(nameof(Additions))]
    public void AddWorkingTime_Amount_ReturnsEarliestInstantInUtc(string calendar, string from, TimeSpan amount, string expected)
    {
        var result = SlaCalendars.Get(calendar).AddWorkingTime(At(from), amount);

        Assert.Equal(At(expected), result);
        Assert.Equal(TimeSpan.Zero, result.Offset);
    }

    [Fact]
    public void AddWorkingTime_OneTickMoreThanTheDayHolds_ContinuesAtNextOpening()
    {
        var result = SlaCalendars.Get(SlaCalendars.Utc).AddWorkingTime(At("2026-03-02T16:00Z"), TimeSpan.FromHours(1) + TimeSpan.FromTicks(1));

        Assert.Equal(At("2026-03-03T09:00Z").AddTicks(1), result);
    }

    [Theory]
    [MemberData(nameof(RoundTrips))]
    public void AddWorkingTime_ThenWorkingTimeBetween_GivesTheAmountBackAndNoEarlierInstantDoes(string calendar, string from, TimeSpan amount)
    {
        var business = SlaCalendars.Get(calendar);
        var start = At(from);

        var end = business.AddWorkingTime(start, amount);

        Assert.Equal(amount, business.WorkingTimeBetween(start, end));
        Assert.True(business.WorkingTimeBetween(start, end.AddTicks(-1)) < amount);
    }

    [Theory]
    [InlineData(SlaCalendars.Utc, "2026-01-05T09:00Z", "2026-12-21T17:00Z")]
    [InlineData(SlaCalendars.London, "2026-01-05T09:00Z", "2026-12-22T17:00Z")]
    [InlineData(SlaCalendars.AlwaysOpen, "2026-01-05T09:00Z", "2026-03-29T17:00Z")]
    public void AddWorkingTime_FiftyWeeksOfBusinessHours_SkipsWeekendsHolidaysAndClockChanges(string calendar, string from, string expected)
    {
        var business = SlaCalendars.Get(calendar);

        var end = business.AddWorkingTime(At(from), TimeSpan.FromHours(2000));

        Assert.Equal(At(expected), end);
        Assert.Equal(TimeSpan.FromHours(2000), business.WorkingTimeBetween(At(from), end));
    }

    [Fact]
    public void AddWorkingTime_NegativeAmount_ThrowsArgumentOutOfRange()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => SlaCalendars.Get(SlaCalendars.Utc).AddWorkingTime(At("2026-03-02T10:00Z"), TimeSpan.FromTicks(-1)));

        Assert.Equal("amount", exception.ParamName);
    }

    [Fact]
    public void AddWorkingTime_PastTheLastInstant_ThrowsArgumentOutOfRange()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => SlaCalendars.Get(SlaCalendars.Utc).AddWorkingTime(At("2026-03-02T10:00Z"), TimeSpan.MaxValue));

        Assert.Equal("amount", exception.ParamName);
    }

    [Fact]
    public void AlwaysOpen_Name_Is24x7()
    {
        Assert.Equal("24x7", BusinessCalendar.AlwaysOpen.Name);
        Assert.Equal(BusinessCalendar.AlwaysOpenName, BusinessCalendar.AlwaysOpen.Name);
    }
}
