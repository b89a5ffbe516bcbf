namespace TicketTriage.Api.Sla;

/// <summary>Working hours: an IANA time zone, working days, a daily start and end, and holidays (local dates).</summary>
internal sealed class CalendarOptions
{
    private static readonly DayOfWeek[] MondayToFriday = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public string TimeZone { get; set; } = "UTC";

    /// <summary>
    /// The working days; Monday to Friday when none are configured. No default in the list itself: the configuration
    /// binder adds configured items to a list that has some, so Sunday to Thursday would have come out as all seven.
    /// </summary>
    public List<DayOfWeek>? Days { get; set; }

    public IReadOnlyList<DayOfWeek> WorkingDays => Days is { Count: > 0 } days ? days : MondayToFriday;

    public TimeOnly Start { get; set; } = new(9, 0);

    public TimeOnly End { get; set; } = new(17, 0);

    public List<DateOnly> Holidays { get; set; } = [];
}
