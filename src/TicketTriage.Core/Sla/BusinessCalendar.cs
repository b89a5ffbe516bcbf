using System.Globalization;

namespace TicketTriage.Core.Sla;

/// <summary>
/// The working time an SLA clock counts: either every instant (<see cref="AlwaysOpen"/>), or a working day from a
/// start to an end wall-clock time on some days of the week in one time zone, except holidays.
/// </summary>
/// <remarks>
/// Working hours are wall-clock times in the zone, so a working day keeps its local hours across a daylight-saving
/// change. A local time that does not exist (skipped by a spring-forward) stands for the first instant after the gap;
/// a local time that occurs twice (repeated by a fall-back) stands for its first occurrence. Holidays are local dates.
/// All results are in UTC.
/// </remarks>
public sealed class BusinessCalendar
{
    public const string AlwaysOpenName = "24x7";

    private const int DaysInWeek = 7;

    /// <summary>Null for the always-open calendar.</summary>
    private readonly TimeZoneInfo? _zone;
    private readonly bool[] _workingDays;
    private readonly TimeOnly _start;
    private readonly TimeOnly _end;
    private readonly HashSet<DateOnly> _holidays;

    private BusinessCalendar(string name, TimeZoneInfo? zone, bool[] workingDays, TimeOnly start, TimeOnly end, HashSet<DateOnly> holidays)
    {
        Name = name;
        _zone = zone;
        _workingDays = workingDays;
        _start = start;
        _end = end;
        _holidays = holidays;
    }

    /// <summary>Every instant is working time, so working time equals wall time.</summary>
    public static BusinessCalendar AlwaysOpen { get; } = new(AlwaysOpenName, null, new bool[DaysInWeek], TimeOnly.MinValue, TimeOnly.MinValue, []);

    public string Name { get; }

    /// <summary>Builds a calendar, or says every problem with it, each naming the calendar.</summary>
    /// <param name="name">How policies and errors refer to the calendar; "24x7" is reserved.</param>
    /// <param name="timeZoneId">An IANA time zone id such as "Europe/London" or "UTC".</param>
    /// <param name="days">The days of the week that have a working day.</param>
    /// <param name="start">Local time the working day starts (inclusive).</param>
    /// <param name="end">Local time the working day ends (exclusive); after <paramref name="start"/>, on the same day.</param>
    /// <param name="holidays">Local dates on which no working day runs.</param>
    public static (BusinessCalendar? Calendar, IReadOnlyList<string> Errors) Create(
        string name,
        string timeZoneId,
        IReadOnlyCollection<DayOfWeek> days,
        TimeOnly start,
        TimeOnly end,
        IReadOnlyCollection<DateOnly> holidays)
    {
        ArgumentNullException.ThrowIfNull(days);
        ArgumentNullException.ThrowIfNull(holidays);

        var errors = new List<string>();
        string label;
        if (string.IsNullOrWhiteSpace(name))
        {
            label = "A calendar without a name";
            errors.Add("A calendar has no name: every calendar needs one, such as \"business-hours\".");
        }
        else
        {
            label = $"Calendar '{name}'";
            if (string.Equals(name.Trim(), AlwaysOpenName, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{label}: the name {AlwaysOpenName} is reserved for the calendar that is always open.");
            }
        }

        var zone = FindZone(label, timeZoneId, errors);

        if (days.Count == 0)
        {
            errors.Add($"{label} has no working days: give at least one day of the week.");
        }

        var workingDays = new bool[DaysInWeek];
        foreach (var day in days)
        {
            if (!Enum.IsDefined(day))
            {
                errors.Add($"{label} has working day {(int)day}, which is not a day of the week.");
                continue;
            }

            workingDays[(int)day] = true;
        }

        if (start >= end)
        {
            errors.Add($"{label} starts its working day at {Format(start)} and ends it at {Format(end)}: "
                + "the start must be before the end, on the same day.");
        }

        return errors.Count > 0
            ? (null, errors)
            : (new BusinessCalendar(name.Trim(), zone, workingDays, start, end, [.. holidays]), errors);
    }

    /// <summary>The working time in [<paramref name="from"/>, <paramref name="to"/>); zero when to is not after from.</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var fromTicks = from.UtcTicks;
        var toTicks = to.UtcTicks;
        if (toTicks <= fromTicks)
        {
            return TimeSpan.Zero;
        }

        if (_zone is null)
        {
            return TimeSpan.FromTicks(toTicks - fromTicks);
        }

        var total = 0L;
        var last = LocalDate(_zone, toTicks);
        for (var day = FirstDayToScan(_zone, fromTicks); day <= last; day = day.AddDays(1))
        {
            if (TryGetWindow(_zone, day, out var open, out var close))
            {
                var overlapStart = Math.Max(open, fromTicks);
                var overlapEnd = Math.Min(close, toTicks);
                if (overlapEnd > overlapStart)
                {
                    total += overlapEnd - overlapStart;
                }
            }
        }

        return TimeSpan.FromTicks(total);
    }

    /// <summary>
    /// The earliest instant t with <c>WorkingTimeBetween(from, t) == amount</c>, in UTC; <paramref name="from"/> itself
    /// for a zero amount. A result that falls at the end of a working day is that end, not the next day's start.
    /// </summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset from, TimeSpan amount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);

        var fromTicks = from.UtcTicks;
        if (amount == TimeSpan.Zero)
        {
            return new DateTimeOffset(fromTicks, TimeSpan.Zero);
        }

        // Working time never exceeds wall time, so a sum past the last instant cannot be reached.
        if (amount.Ticks > DateTimeOffset.MaxValue.UtcTicks - fromTicks)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "The result would be after the last representable instant.");
        }

        if (_zone is null)
        {
            return new DateTimeOffset(fromTicks + amount.Ticks, TimeSpan.Zero);
        }

        // Stop two days short of the last date, where converting local times to UTC would overflow.
        var lastDay = DateOnly.MaxValue.AddDays(-2);
        var remaining = amount.Ticks;
        for (var day = FirstDayToScan(_zone, fromTicks); day <= lastDay; day = day.AddDays(1))
        {
            if (!TryGetWindow(_zone, day, out var open, out var close))
            {
                continue;
            }

            var usableStart = Math.Max(open, fromTicks);
            if (close <= usableStart)
            {
                continue;
            }

            var available = close - usableStart;
            if (available >= remaining)
            {
                return new DateTimeOffset(usableStart + remaining, TimeSpan.Zero);
            }

            remaining -= available;
        }

        throw new ArgumentOutOfRangeException(nameof(amount), amount, "The result would be after the last representable date.");
    }

    private static TimeZoneInfo? FindZone(string label, string timeZoneId, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(timeZoneId))
        {
            errors.Add($"{label} has no time zone: give an IANA id such as \"Europe/London\" or \"UTC\".");
            return null;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone))
        {
            errors.Add($"{label} has time zone '{timeZoneId}', which is not a known IANA time zone id (such as \"Europe/London\" or \"UTC\").");
            return null;
        }

        if (!zone.HasIanaId)
        {
            var hint = TimeZoneInfo.TryConvertWindowsIdToIanaId(timeZoneId, out var ianaId) ? $" (here \"{ianaId}\")" : string.Empty;
            errors.Add($"{label} has time zone '{timeZoneId}', which is a Windows id: give the IANA id instead{hint}.");
            return null;
        }

        return zone;
    }

    private static string Format(TimeOnly time) => time.ToString(
        time.Second == 0 && time.Millisecond == 0 && time.Microsecond == 0 && time.Nanosecond == 0 ? "HH:mm" : "HH:mm:ss.FFFFFFF",
        CultureInfo.InvariantCulture);

    private static DateOnly LocalDate(TimeZoneInfo zone, long utcTicks) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(new DateTime(utcTicks, DateTimeKind.Utc), zone));

    /// <summary>
    /// The day before the local date of the instant: a working day's window lies within its local date, but starting a
    /// day early costs little and keeps any window that an odd zone rule pushes past midnight.
    /// </summary>
    private static DateOnly FirstDayToScan(TimeZoneInfo zone, long utcTicks)
    {
        var day = LocalDate(zone, utcTicks);
        return day == DateOnly.MinValue ? day : day.AddDays(-1);
    }

    /// <summary>The working window [open, close) of a local date in UTC ticks, or false on a day off or a holiday.</summary>
    private bool TryGetWindow(TimeZoneInfo zone, DateOnly day, out long open, out long close)
    {
        if (!_workingDays[(int)day.DayOfWeek] || _holidays.Contains(day))
        {
            open = 0;
            close = 0;
            return false;
        }

        open = ToUtcTicks(zone, day.ToDateTime(_start));
        close = ToUtcTicks(zone, day.ToDateTime(_end));
        return close > open;
    }

    /// <summary>
    /// The UTC instant of a local wall-clock time: the first occurrence of a repeated time, the first instant after the
    /// gap for a skipped one. Non-decreasing in the local time, so later local times never map to earlier instants.
    /// </summary>
    private static long ToUtcTicks(TimeZoneInfo zone, DateTime local)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Utc);

        // The real instant lies within 14 hours of the wall time read as UTC, so these are the offsets around it.
        var offsetBefore = zone.GetUtcOffset(wall.AddDays(-1));
        var offsetAfter = zone.GetUtcOffset(wall.AddDays(1));
        var candidateBefore = wall.Ticks - offsetBefore.Ticks;
        var candidateAfter = wall.Ticks - offsetAfter.Ticks;
        var beforeValid = OffsetAt(zone, candidateBefore) == offsetBefore;
        var afterValid = OffsetAt(zone, candidateAfter) == offsetAfter;

        if (beforeValid && afterValid)
        {
            return Math.Min(candidateBefore, candidateAfter);
        }

        if (beforeValid)
        {
            return candidateBefore;
        }

        if (afterValid)
        {
            return candidateAfter;
        }

        if (offsetAfter <= offsetBefore)
        {
            // Not a gap between these two offsets (two changes within two days): read the time with the earlier offset.
            return candidateBefore;
        }

        // A skipped time: the transition lies in (candidateAfter, candidateBefore]; find its first instant.
        var low = candidateAfter;
        var high = candidateBefore;
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (OffsetAt(zone, middle) == offsetBefore)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return high;
    }

    private static TimeSpan OffsetAt(TimeZoneInfo zone, long utcTicks) => zone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc));
}
