using TicketTriage.Core.Sla;

namespace TicketTriage.Core.Tests;

public sealed class BusinessCalendarCreationTests
{
    private static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>One mistake per row, and the words its single error must contain.</summary>
    public static TheoryData<string, string, DayOfWeek[], TimeOnly, TimeOnly, string[]> SingleMistakes => new()
    {
        { "ops", "Mars/Olympus_Mons", Weekdays, new(9, 0), new(17, 0), ["Calendar 'ops'", "'Mars/Olympus_Mons'", "not a known IANA time zone"] },
        { "ops", "", Weekdays, new(9, 0), new(17, 0), ["Calendar 'ops'", "no time zone"] },
        { "ops", "GMT Standard Time", Weekdays, new(9, 0), new(17, 0), ["Calendar 'ops'", "Windows id", "Europe/London"] },
        { "ops", "UTC", [], new(9, 0), new(17, 0), ["Calendar 'ops'", "no working days"] },
        { "ops", "UTC", [DayOfWeek.Monday, (DayOfWeek)7], new(9, 0), new(17, 0), ["Calendar 'ops'", "working day 7", "not a day of the week"] },
        { "ops", "UTC", Weekdays, new(9, 0), new(9, 0), ["Calendar 'ops'", "09:00", "start must be before the end"] },
        { "ops", "UTC", Weekdays, new(17, 0), new(9, 0), ["Calendar 'ops'", "17:00", "09:00", "start must be before the end"] },
        { "ops", "UTC", Weekdays, new(22, 0), new(6, 30, 15), ["Calendar 'ops'", "22:00", "06:30:15", "same day"] },
        { "24x7", "UTC", Weekdays, new(9, 0), new(17, 0), ["Calendar '24x7'", "reserved"] },
        { " ", "UTC", Weekdays, new(9, 0), new(17, 0), ["no name"] },
    };

    [Theory]
    [MemberData(nameof(SingleMistakes))]
    public void Create_OneMistake_ReturnsOneErrorNamingCalendarAndProblem(
        string name, string zone, DayOfWeek[] days, TimeOnly start, TimeOnly end, string[] expectedWords)
    {
        var (calendar, errors) = BusinessCalendar.Create(name, zone, days, start, end, []);

        Assert.Null(calendar);
        var error = Assert.Single(errors);
        Assert.All(expectedWords, word => Assert.Contains(word, error, StringComparison.Ordinal));
    }

    [Fact]
    public void Create_SeveralMistakes_ReturnsEveryError()
    {
        var (calendar, errors) = BusinessCalendar.Create("ops", "Nowhere/City", [], new(17, 0), new(9, 0), []);

        Assert.Null(calendar);
        Assert.Equal(3, errors.Count);
        Assert.All(errors, error => Assert.StartsWith("Calendar 'ops'", error, StringComparison.Ordinal));
    }

    [Fact]
    public void Create_ValidCalendar_ReturnsItWithoutErrors()
    {
        var (calendar, errors) = BusinessCalendar.Create(
            " london-office ", "Europe/London", [.. Weekdays, DayOfWeek.Monday], new(9, 0), new(17, 0), [new(2026, 12, 25), new(2026, 12, 25)]);

        Assert.Empty(errors);
        Assert.NotNull(calendar);
        Assert.Equal("london-office", calendar.Name);
    }
}
