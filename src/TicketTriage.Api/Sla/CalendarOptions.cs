namespace TicketTriage.Api.Sla;

/// <summary>Working hours: an IANA time zone, working days, a daily start and end, and holidays (local dates).</summary>
internal sealed class CalendarOptions
{
    public string TimeZone { get; set; } = "UTC";

    public List<DayOfWeek> Days { get; set; } = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public TimeOnly Start { get; set; } = new(9, 0);

    public TimeOnly End { get; set; } = new(17, 0);

    public List<DateOnly> Holidays { get; set; } = [];
}
