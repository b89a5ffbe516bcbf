using TicketTriage.Core.Triage;

namespace TicketTriage.Core.Sla;

/// <summary>
/// The shipped SLA settings: P1 and P2 on the 24x7 calendar, P3 and P4 in business hours, where a business day is
/// 9:00-17:00 Monday to Friday, so "3 business days" is 24 hours of business time.
/// </summary>
public static class SlaDefaults
{
    public const string BusinessHoursName = "business-hours";

    public const string TimeZoneId = "UTC";

    /// <summary>The share of a target at which a warning fires; the breach is at the whole target.</summary>
    public const double WarningShare = 0.75;

    private static readonly TimeSpan BusinessDay = TimeSpan.FromHours(8);

    public static IReadOnlyList<DayOfWeek> BusinessDays { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public static TimeOnly BusinessDayStart { get; } = new(9, 0);

    public static TimeOnly BusinessDayEnd { get; } = new(17, 0);

    /// <summary>Business hours in UTC without holidays.</summary>
    public static BusinessCalendar BusinessHours { get; } =
        BusinessCalendar.Create(BusinessHoursName, TimeZoneId, BusinessDays, BusinessDayStart, BusinessDayEnd, []).Calendar!;

    /// <summary>The default policy of every priority, with P3 and P4 counted in <paramref name="businessHours"/>.</summary>
    public static IReadOnlyDictionary<Priority, SlaPolicy> Policies(BusinessCalendar businessHours)
    {
        ArgumentNullException.ThrowIfNull(businessHours);

        return new Dictionary<Priority, SlaPolicy>
        {
            [Priority.P1] = new(TimeSpan.FromMinutes(15), TimeSpan.FromHours(4), BusinessCalendar.AlwaysOpen),
            [Priority.P2] = new(TimeSpan.FromHours(1), TimeSpan.FromHours(8), BusinessCalendar.AlwaysOpen),
            [Priority.P3] = new(TimeSpan.FromHours(4), 3 * BusinessDay, businessHours),
            [Priority.P4] = new(TimeSpan.FromHours(8), 5 * BusinessDay, businessHours),
        };
    }
}
