using TicketTriage.Core.Sla;
using TicketTriage.Core.Triage;
using static TicketTriage.Core.Tests.SlaTimes;

namespace TicketTriage.Core.Tests;

/// <summary>
/// A priority change applies the new policy measured from the ticket's creation: the same start and pauses, a
/// different target and calendar. Business hours are UTC 9:00-17:00; Monday is 2026-03-02.
/// </summary>
public sealed class SlaPriorityChangeTests
{
    /// <summary>
    /// Created Monday 16:00, on hold from Monday 16:30 to Tuesday 10:00, read Tuesday 12:00: 2.5 hours of both
    /// business and wall time have counted (30 minutes on Monday, two hours on Tuesday).
    /// </summary>
    public static TheoryData<Priority, TimeSpan, SlaState, string> ResolutionAfterChange => new()
    {
        // 4 hours of wall time: 1.5 left from Tuesday 12:00.
        { Priority.P1, new TimeSpan(2, 30, 0), SlaState.Running, "2026-03-03T13:30Z" },
        { Priority.P2, new TimeSpan(2, 30, 0), SlaState.Running, "2026-03-03T17:30Z" },
        // 24 business hours: 21.5 left, 5 on Tuesday, 8 on Wednesday, 8 on Thursday, half an hour on Friday.
        { Priority.P3, new TimeSpan(2, 30, 0), SlaState.Running, "2026-03-06T09:30Z" },
        // 40 business hours: 37.5 left, through Monday 2026-03-09, half an hour on Tuesday 2026-03-10.
        { Priority.P4, new TimeSpan(2, 30, 0), SlaState.Running, "2026-03-10T09:30Z" },
    };

    [Theory]
    [MemberData(nameof(ResolutionAfterChange))]
    public void Measure_EachPriorityWithSameHistory_CountsFromCreation(Priority priority, TimeSpan elapsed, SlaState state, string dueAt)
    {
        var policy = SlaDefaults.Policies(SlaCalendars.Get(SlaCalendars.Utc))[priority];
        var pauses = Pauses("2026-03-02T16:30Z..2026-03-03T10:00Z");

        var measure = SlaClock.Measure(policy.Resolution, policy.Calendar, At("2026-03-02T16:00Z"), null, pauses, At("2026-03-03T12:00Z"));

        Assert.Equal((state, At(dueAt), elapsed), (measure.State, measure.DueAt, measure.Elapsed));
    }

    [Fact]
    public void Measure_RaisedFromP3ToP1OvernightWithoutResponse_IsBreachedSinceFifteenMinutesAfterCreation()
    {
        var policies = SlaDefaults.Policies(SlaCalendars.Get(SlaCalendars.Utc));
        var createdAt = At("2026-03-02T16:00Z");
        var changedAt = At("2026-03-03T09:30Z");

        var before = SlaClock.Measure(policies[Priority.P3].Response, policies[Priority.P3].Calendar, createdAt, null, [], changedAt);
        var after = SlaClock.Measure(policies[Priority.P1].Response, policies[Priority.P1].Calendar, createdAt, null, [], changedAt);

        Assert.Equal((SlaState.Running, At("2026-03-03T12:00Z"), TimeSpan.FromHours(1.5)), (before.State, before.DueAt, before.Elapsed));
        Assert.Equal(new SlaMeasure(TimeSpan.FromMinutes(15), At("2026-03-02T16:15Z"), new TimeSpan(17, 30, 0), TimeSpan.Zero, SlaState.Breached, 7000), after);
    }

    [Theory]
    [InlineData("2026-03-02T16:10Z")]
    [InlineData("2026-03-02T23:00Z")]
    [InlineData("2026-03-03T08:00Z")]
    [InlineData("2026-03-03T11:59Z")]
    public void Measure_LoweredFromP1ToP3_DueIsTheSameWhenEverItIsRead(string now)
    {
        var policy = SlaDefaults.Policies(SlaCalendars.Get(SlaCalendars.Utc))[Priority.P3];

        var measure = SlaClock.Measure(policy.Response, policy.Calendar, At("2026-03-02T16:00Z"), null, [], At(now));

        Assert.Equal((SlaState.Running, At("2026-03-03T12:00Z")), (measure.State, measure.DueAt));
    }

    [Fact]
    public void Measure_ChangedAfterResponse_KeepsTheResponseOutcomeUnderTheNewTarget()
    {
        var policies = SlaDefaults.Policies(SlaCalendars.Get(SlaCalendars.Utc));
        var createdAt = At("2026-03-02T16:00Z");
        var respondedAt = At("2026-03-02T16:40Z");

        var underP3 = SlaClock.Measure(policies[Priority.P3].Response, policies[Priority.P3].Calendar, createdAt, respondedAt, [], At("2026-03-03T09:00Z"));
        var underP1 = SlaClock.Measure(policies[Priority.P1].Response, policies[Priority.P1].Calendar, createdAt, respondedAt, [], At("2026-03-03T09:00Z"));

        Assert.Equal((SlaState.Met, (DateTimeOffset?)null), (underP3.State, underP3.DueAt));
        Assert.Equal((SlaState.Breached, (DateTimeOffset?)null), (underP1.State, underP1.DueAt));
    }
}
