namespace TicketTriage.Core.Sla;

/// <summary>
/// SLA clock arithmetic, recomputed from scratch each time from the start, the stop, the pauses and a calendar, so a
/// priority change (a new target or calendar) or a reopen (one more pause) needs no stored running total.
/// </summary>
/// <remarks>
/// Everything is as of <c>now</c>: a stop after <c>now</c> has not happened yet, and pauses that start after <c>now</c>
/// are ignored. Pauses are [Start, End); they may overlap each other, start before the clock or lie outside working
/// hours. A pause with an End before its Start is rejected.
/// </remarks>
public static class SlaClock
{
    // Tickets are put on hold a handful of times at most; a pathological history goes to the heap.
    private const int MaxPausesOnStack = 32;

    /// <summary>The working time counted from <paramref name="start"/> until the stop or now, pauses excluded.</summary>
    public static TimeSpan Elapsed(
        BusinessCalendar calendar,
        DateTimeOffset start,
        DateTimeOffset? stoppedAt,
        IReadOnlyList<PausePeriod> pauses,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(pauses);

        var end = IsStopped(stoppedAt, now) ? stoppedAt!.Value.UtcTicks : now.UtcTicks;
        var elapsed = TimeSpan.Zero;
        Span<(long Start, long End)> known = pauses.Count <= MaxPausesOnStack ? stackalloc (long, long)[pauses.Count] : new (long, long)[pauses.Count];
        foreach (var (from, to) in new RunningIntervals(start.UtcTicks, end, KnownPauses(pauses, now.UtcTicks, known)))
        {
            elapsed += calendar.WorkingTimeBetween(Instant(from), Instant(to));
        }

        return elapsed;
    }

    /// <summary>
    /// One clock against its target. State: stopped gives Met when Elapsed is at most the target, else Breached; a clock
    /// still counting is Breached once Elapsed reaches the target, else Paused when a pause covers now, else Running.
    /// DueAt: null once stopped; the instant the target was reached once breached; otherwise now plus the remaining
    /// working time, which for a paused clock projects as if it resumed now.
    /// </summary>
    public static SlaMeasure Measure(
        TimeSpan target,
        BusinessCalendar calendar,
        DateTimeOffset start,
        DateTimeOffset? stoppedAt,
        IReadOnlyList<PausePeriod> pauses,
        DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(target, TimeSpan.Zero);

        var elapsed = Elapsed(calendar, start, stoppedAt, pauses, now);
        var remaining = elapsed < target ? target - elapsed : TimeSpan.Zero;
        var percent = Math.Round(elapsed.Ticks * 100.0 / target.Ticks, 1, MidpointRounding.AwayFromZero);

        if (IsStopped(stoppedAt, now))
        {
            return new SlaMeasure(target, null, elapsed, remaining, elapsed <= target ? SlaState.Met : SlaState.Breached, percent);
        }

        if (elapsed >= target)
        {
            var reachedAt = WhenElapsedReaches(target, calendar, start, stoppedAt, pauses, now);
            return new SlaMeasure(target, reachedAt, elapsed, remaining, SlaState.Breached, percent);
        }

        var state = IsPaused(pauses, now) ? SlaState.Paused : SlaState.Running;
        return new SlaMeasure(target, calendar.AddWorkingTime(now, remaining), elapsed, remaining, state, percent);
    }

    /// <summary>
    /// The earliest instant at which Elapsed reaches <paramref name="amount"/> (the start itself for zero): in the past
    /// if it already has, else in the future assuming no pause begins after now. A pause covering now with a known End
    /// resumes the clock at that End. Null when the clock stops first, or is paused now with no End and has not reached it.
    /// </summary>
    public static DateTimeOffset? WhenElapsedReaches(
        TimeSpan amount,
        BusinessCalendar calendar,
        DateTimeOffset start,
        DateTimeOffset? stoppedAt,
        IReadOnlyList<PausePeriod> pauses,
        DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(pauses);

        if (amount == TimeSpan.Zero)
        {
            return Instant(start.UtcTicks);
        }

        var end = IsStopped(stoppedAt, now) ? stoppedAt!.Value.UtcTicks : long.MaxValue;
        var remaining = amount;
        Span<(long Start, long End)> known = pauses.Count <= MaxPausesOnStack ? stackalloc (long, long)[pauses.Count] : new (long, long)[pauses.Count];
        foreach (var (from, to) in new RunningIntervals(start.UtcTicks, end, KnownPauses(pauses, now.UtcTicks, known)))
        {
            if (to == long.MaxValue)
            {
                return calendar.AddWorkingTime(Instant(from), remaining);
            }

            var available = calendar.WorkingTimeBetween(Instant(from), Instant(to));
            if (available >= remaining)
            {
                return calendar.AddWorkingTime(Instant(from), remaining);
            }

            remaining -= available;
        }

        return null;
    }

    private static bool IsStopped(DateTimeOffset? stoppedAt, DateTimeOffset now) => stoppedAt is { } stop && stop <= now;

    private static bool IsPaused(IReadOnlyList<PausePeriod> pauses, DateTimeOffset now)
    {
        foreach (var pause in pauses)
        {
            if (pause.Start <= now && (pause.End is null || pause.End > now))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The pauses known at <paramref name="now"/> as [Start, End) in UTC ticks, sorted, written into
    /// <paramref name="buffer"/> (one slot per pause); long.MaxValue stands for "without end".
    /// </summary>
    private static ReadOnlySpan<(long Start, long End)> KnownPauses(IReadOnlyList<PausePeriod> pauses, long now, Span<(long Start, long End)> buffer)
    {
        var count = 0;
        foreach (var pause in pauses)
        {
            ArgumentNullException.ThrowIfNull(pause, nameof(pauses));
            if (pause.End is { } resumed && resumed < pause.Start)
            {
                throw new ArgumentException($"A pause ends ({resumed:O}) before it starts ({pause.Start:O}).", nameof(pauses));
            }

            if (pause.Start.UtcTicks <= now)
            {
                buffer[count++] = (pause.Start.UtcTicks, pause.End?.UtcTicks ?? long.MaxValue);
            }
        }

        var known = buffer[..count];
        known.Sort();
        return known;
    }

    /// <summary>
    /// The intervals [From, To) in UTC ticks between a start and an end that none of the sorted pauses covers, in
    /// order; long.MaxValue stands for "without end". Walked in place: every ticket on a page measures two clocks.
    /// </summary>
    private ref struct RunningIntervals(long start, long end, ReadOnlySpan<(long Start, long End)> sortedPauses)
    {
        private readonly ReadOnlySpan<(long Start, long End)> _pauses = sortedPauses;
        private long _cursor = start;
        private int _next;

        public (long From, long To) Current { get; private set; }

        public readonly RunningIntervals GetEnumerator() => this;

        public bool MoveNext()
        {
            while (_next < _pauses.Length && _cursor < end)
            {
                var (pauseStart, pauseEnd) = _pauses[_next++];
                if (pauseEnd <= _cursor)
                {
                    continue;
                }

                var from = _cursor;
                _cursor = pauseEnd;
                if (pauseStart > from)
                {
                    Current = (from, Math.Min(pauseStart, end));
                    return true;
                }
            }

            if (_cursor < end)
            {
                Current = (_cursor, end);
                _cursor = end;
                return true;
            }

            return false;
        }
    }

    private static DateTimeOffset Instant(long utcTicks) => new(utcTicks, TimeSpan.Zero);
}
