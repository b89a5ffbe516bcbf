using TicketTriage.Core.Sla;
using static TicketTriage.Core.Tests.SlaTimes;

namespace TicketTriage.Core.Tests;

/// <summary>
/// Clock states and due instants, at and around the boundary instant. A clock that reaches its target while still
/// counting is breached at that instant; a clock that stops exactly at its target has met it.
/// </summary>
public sealed class SlaBreachBoundaryTests
{
    /// <summary>P1 response: 15 minutes on the 24x7 calendar from Monday 2026-03-02 10:00 UTC, due 10:15.</summary>
    public static TheoryData<string, string?, SlaState, string?, TimeSpan, double> AlwaysOpenResponse => new()
    {
        { "2026-03-02T10:00Z", null, SlaState.Running, "2026-03-02T10:15Z", TimeSpan.Zero, 0 },
        { "2026-03-02T10:10Z", null, SlaState.Running, "2026-03-02T10:15Z", TimeSpan.FromMinutes(10), 66.7 },
        { "2026-03-02T10:14:59.9999999Z", null, SlaState.Running, "2026-03-02T10:15Z", TimeSpan.FromMinutes(15) - TimeSpan.FromTicks(1), 100 },
        { "2026-03-02T10:15Z", null, SlaState.Breached, "2026-03-02T10:15Z", TimeSpan.FromMinutes(15), 100 },
        { "2026-03-02T10:20Z", null, SlaState.Breached, "2026-03-02T10:15Z", TimeSpan.FromMinutes(20), 133.3 },
        { "2026-03-02T11:00Z", "2026-03-02T10:05Z", SlaState.Met, null, TimeSpan.FromMinutes(5), 33.3 },
        { "2026-03-02T11:00Z", "2026-03-02T10:15Z", SlaState.Met, null, TimeSpan.FromMinutes(15), 100 },
        { "2026-03-02T10:15Z", "2026-03-02T10:15Z", SlaState.Met, null, TimeSpan.FromMinutes(15), 100 },
        { "2026-03-02T11:00Z", "2026-03-02T10:15:00.0000001Z", SlaState.Breached, null, TimeSpan.FromMinutes(15) + TimeSpan.FromTicks(1), 100 },
        { "2026-03-02T11:00Z", "2026-03-02T10:30Z", SlaState.Breached, null, TimeSpan.FromMinutes(30), 200 },
    };

    /// <summary>P3 response: 4 business hours (UTC, 9:00-17:00) from Monday 2026-03-02 15:00 UTC, due Tuesday 11:00.</summary>
    public static TheoryData<string, string?, string[], SlaState, string?, TimeSpan, double> BusinessHoursResponse => new()
    {
        { "2026-03-02T16:00Z", null, [], SlaState.Running, "2026-03-03T11:00Z", TimeSpan.FromHours(1), 25 },
        // After closing the clock runs but counts nothing.
        { "2026-03-02T20:00Z", null, [], SlaState.Running, "2026-03-03T11:00Z", TimeSpan.FromHours(2), 50 },
        { "2026-03-03T10:59:59.9999999Z", null, [], SlaState.Running, "2026-03-03T11:00Z", TimeSpan.FromHours(4) - TimeSpan.FromTicks(1), 100 },
        { "2026-03-03T11:00Z", null, [], SlaState.Breached, "2026-03-03T11:00Z", TimeSpan.FromHours(4), 100 },
        { "2026-03-03T12:00Z", null, [], SlaState.Breached, "2026-03-03T11:00Z", TimeSpan.FromHours(5), 125 },
        // Breached at 17:00 the day before, read overnight: due is when it happened, not now.
        { "2026-03-04T07:00Z", null, ["2026-03-02T16:00Z..2026-03-03T14:00Z"], SlaState.Breached, "2026-03-03T17:00Z", TimeSpan.FromHours(4), 100 },
        { "2026-03-03T11:00Z", "2026-03-03T11:00Z", [], SlaState.Met, null, TimeSpan.FromHours(4), 100 },
        // Responded after closing on the due day, with the target reached at 11:00: breached.
        { "2026-03-03T19:00Z", "2026-03-03T18:00Z", [], SlaState.Breached, null, TimeSpan.FromHours(10), 250 },
        // On hold since Monday 16:00: paused, due projected as if the clock resumed now.
        { "2026-03-03T10:00Z", null, ["2026-03-02T16:00Z.."], SlaState.Paused, "2026-03-03T13:00Z", TimeSpan.FromHours(1), 25 },
        // On hold until a known time: still projected from now.
        { "2026-03-03T10:00Z", null, ["2026-03-02T16:00Z..2026-03-03T12:00Z"], SlaState.Paused, "2026-03-03T13:00Z", TimeSpan.FromHours(1), 25 },
        // The hold ends exactly now: running again.
        { "2026-03-03T10:00Z", null, ["2026-03-02T16:00Z..2026-03-03T10:00Z"], SlaState.Running, "2026-03-03T13:00Z", TimeSpan.FromHours(1), 25 },
        // The hold starts exactly now: paused.
        { "2026-03-03T10:00Z", null, ["2026-03-03T10:00Z.."], SlaState.Paused, "2026-03-03T11:00Z", TimeSpan.FromHours(3), 75 },
        // Put on hold exactly at the target, or after it: breached, due when the target was reached.
        { "2026-03-03T14:00Z", null, ["2026-03-03T11:00Z.."], SlaState.Breached, "2026-03-03T11:00Z", TimeSpan.FromHours(4), 100 },
        { "2026-03-03T14:00Z", null, ["2026-03-03T12:00Z.."], SlaState.Breached, "2026-03-03T11:00Z", TimeSpan.FromHours(5), 125 },
        // Stopped while on hold: the stop decides.
        { "2026-03-03T14:00Z", "2026-03-03T12:00Z", ["2026-03-02T16:00Z.."], SlaState.Met, null, TimeSpan.FromHours(1), 25 },
    };

    [Theory]
    [MemberData(nameof(AlwaysOpenResponse))]
    public void Measure_AlwaysOpenResponse_GivesStateDueAndElapsed(
        string now, string? stoppedAt, SlaState state, string? dueAt, TimeSpan elapsed, double percent)
    {
        var target = TimeSpan.FromMinutes(15);

        var measure = SlaClock.Measure(target, BusinessCalendar.AlwaysOpen, At("2026-03-02T10:00Z"), AtOrNull(stoppedAt), [], At(now));

        var remaining = elapsed < target ? target - elapsed : TimeSpan.Zero;
        Assert.Equal(new SlaMeasure(target, AtOrNull(dueAt), elapsed, remaining, state, percent), measure);
    }

    [Theory]
    [MemberData(nameof(BusinessHoursResponse))]
    public void Measure_BusinessHoursResponse_GivesStateDueAndElapsed(
        string now, string? stoppedAt, string[] pauses, SlaState state, string? dueAt, TimeSpan elapsed, double percent)
    {
        var target = TimeSpan.FromHours(4);

        var measure = SlaClock.Measure(
            target, SlaCalendars.Get(SlaCalendars.Utc), At("2026-03-02T15:00Z"), AtOrNull(stoppedAt), Pauses(pauses), At(now));

        var remaining = elapsed < target ? target - elapsed : TimeSpan.Zero;
        Assert.Equal(new SlaMeasure(target, AtOrNull(dueAt), elapsed, remaining, state, percent), measure);
    }

    [Fact]
    public void Measure_RunningClockReadAtItsDueInstant_IsBreachedThere()
    {
        var calendar = SlaCalendars.Get(SlaCalendars.London);
        var start = At("2026-03-27T15:30Z");
        var target = TimeSpan.FromHours(4);
        var due = SlaClock.Measure(target, calendar, start, null, [], start).DueAt!.Value;

        var justBefore = SlaClock.Measure(target, calendar, start, null, [], due.AddTicks(-1));
        var atDue = SlaClock.Measure(target, calendar, start, null, [], due);
        var respondedAtDue = SlaClock.Measure(target, calendar, start, due, [], due.AddHours(1));

        Assert.Equal(At("2026-03-30T10:30Z"), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
        Assert.Equal(SlaState.Running, justBefore.State);
        Assert.Equal((SlaState.Breached, due), (atDue.State, atDue.DueAt));
        Assert.Equal(SlaState.Met, respondedAtDue.State);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Measure_TargetNotPositive_ThrowsArgumentOutOfRange(long ticks)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => SlaClock.Measure(
            TimeSpan.FromTicks(ticks), BusinessCalendar.AlwaysOpen, At("2026-03-02T10:00Z"), null, [], At("2026-03-02T11:00Z")));

        Assert.Equal("target", exception.ParamName);
    }
}
