using TicketTriage.Core.Sla;

namespace TicketTriage.Core.Tests;

/// <summary>The calendars the SLA tests measure in, looked up by a short key so theory rows stay serializable.</summary>
internal static class SlaCalendars
{
    public const string AlwaysOpen = BusinessCalendar.AlwaysOpenName;

    /// <summary>Monday to Friday 9:00-17:00 UTC; Good Friday 2026-04-03 and Christmas 2026-12-25 are holidays.</summary>
    public const string Utc = "utc";

    /// <summary>Monday to Friday 9:00-17:00 Europe/London; Good Friday 2026-04-03 and Easter Monday 2026-04-06 are holidays.</summary>
    public const string London = "london";

    /// <summary>Monday to Friday 9:00-17:00 America/New_York; 2026-07-03 (Independence Day observed) is a holiday.</summary>
    public const string NewYork = "new-york";

    /// <summary>Every day 9:00-17:00 Europe/London, so the daylight-saving Sundays are working days.</summary>
    public const string LondonEveryDay = "london-every-day";

    /// <summary>Every day 00:00-06:00 Europe/London: the working day contains the clock change.</summary>
    public const string LondonNights = "london-nights";

    /// <summary>Every day 00:00-06:00 America/New_York: the working day contains the clock change.</summary>
    public const string NewYorkNights = "new-york-nights";

    /// <summary>Every day 01:30-03:00 Europe/London: the start is skipped in spring and repeated in autumn.</summary>
    public const string LondonSmallHours = "london-small-hours";

    private static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static readonly DayOfWeek[] EveryDay = Enum.GetValues<DayOfWeek>();

    private static readonly Dictionary<string, BusinessCalendar> ByKey = new()
    {
        [AlwaysOpen] = BusinessCalendar.AlwaysOpen,
        [Utc] = Build(Utc, "UTC", Weekdays, new(9, 0), new(17, 0), [new(2026, 4, 3), new(2026, 12, 25)]),
        [London] = Build(London, "Europe/London", Weekdays, new(9, 0), new(17, 0), [new(2026, 4, 3), new(2026, 4, 6)]),
        [NewYork] = Build(NewYork, "America/New_York", Weekdays, new(9, 0), new(17, 0), [new(2026, 7, 3)]),
        [LondonEveryDay] = Build(LondonEveryDay, "Europe/London", EveryDay, new(9, 0), new(17, 0), []),
        [LondonNights] = Build(LondonNights, "Europe/London", EveryDay, new(0, 0), new(6, 0), []),
        [NewYorkNights] = Build(NewYorkNights, "America/New_York", EveryDay, new(0, 0), new(6, 0), []),
        [LondonSmallHours] = Build(LondonSmallHours, "Europe/London", EveryDay, new(1, 30), new(3, 0), []),
    };

    public static BusinessCalendar Get(string key) => ByKey[key];

    private static BusinessCalendar Build(string name, string zone, DayOfWeek[] days, TimeOnly start, TimeOnly end, DateOnly[] holidays)
    {
        var (calendar, errors) = BusinessCalendar.Create(name, zone, days, start, end, holidays);
        Assert.Empty(errors);
        return calendar!;
    }
}
