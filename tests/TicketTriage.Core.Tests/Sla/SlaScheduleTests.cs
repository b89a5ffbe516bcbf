using TicketTriage.Core.Sla;
using TicketTriage.Core.Tickets;
using TicketTriage.Core.Triage;
using static TicketTriage.Core.Tests.SlaTimes;

namespace TicketTriage.Core.Tests;

/// <summary>
/// What the SLA scan has recorded on a ticket when its priority changes: a crossing the new policy still has
/// behind the clock stays; one it puts ahead is taken back and scheduled again. Business hours are UTC
/// 9:00-17:00; the ticket opens Monday 2026-03-02 08:30 as a P2 (1 h response, 8 h resolution, 24x7).
/// </summary>
public sealed class SlaScheduleTests
{
    private const double WarningShare = 0.75;
    private static readonly IReadOnlyDictionary<Priority, SlaPolicy> Policies = SlaDefaults.Policies(SlaCalendars.Get(SlaCalendars.Utc));

    [Fact]
    public void LoweredAfterBreach_TakesBackTheResponseCrossingsAndSchedulesTheNewTarget()
    {
        var ticket = RecordedAt(At("2026-03-02T09:40Z"));
        Assert.Equal((At("2026-03-02T09:15Z"), At("2026-03-02T09:30Z")), (ticket.ResponseWarnedAt, ticket.ResponseBreachedAt));

        ChangePriority(ticket, impact: 3, urgency: 3, At("2026-03-02T09:45Z"));

        // P4: 8 business hours, counted from 9:00; the warning at 6.
        Assert.Equal(Priority.P4, ticket.Priority);
        Assert.Equal((null, null), (ticket.ResponseWarnedAt, ticket.ResponseBreachedAt));
        Assert.Equal((At("2026-03-02T15:00Z"), At("2026-03-02T17:00Z")), (ticket.ResponseWarningDueAt, ticket.ResponseBreachDueAt));
        Assert.Empty(ticket.RecordSlaCrossings(At("2026-03-02T14:59Z")));
        Assert.Equal(
            [new SlaCrossing(SlaClockKind.Response, false, At("2026-03-02T15:00Z")), new SlaCrossing(SlaClockKind.Response, true, At("2026-03-02T17:00Z"))],
            ticket.RecordSlaCrossings(At("2026-03-02T17:00Z")));
    }

    [Fact]
    public void LoweredButStillPastTheNewWarning_KeepsTheWarningAndTakesBackTheBreach()
    {
        // P3's response target is 4 business hours, its warning at 3: reached at 12:00 on Monday.
        var ticket = RecordedAt(At("2026-03-02T12:30Z"));

        ChangePriority(ticket, impact: 2, urgency: 3, At("2026-03-02T12:30Z"));

        Assert.Equal(Priority.P3, ticket.Priority);
        Assert.Equal((At("2026-03-02T09:15Z"), (DateTimeOffset?)null), (ticket.ResponseWarnedAt, ticket.ResponseWarningDueAt));
        Assert.Equal(((DateTimeOffset?)null, At("2026-03-02T13:00Z")), (ticket.ResponseBreachedAt, ticket.ResponseBreachDueAt));
    }

    [Fact]
    public void LoweredAfterALateResponse_TheResponseCountsAsMetUnderTheNewTarget()
    {
        var ticket = RecordedAt(At("2026-03-02T09:40Z"));
        TicketSteps.Move(ticket, TicketStatus.InProgress, At("2026-03-02T09:50Z"));

        ChangePriority(ticket, impact: 3, urgency: 3, At("2026-03-02T10:00Z"));

        Assert.Equal((null, null, null, null), (ticket.ResponseWarnedAt, ticket.ResponseBreachedAt, ticket.ResponseWarningDueAt, ticket.ResponseBreachDueAt));
        Assert.Equal(SlaState.Met, TicketSla.Measure(ticket, SlaClockKind.Response, Policies[Priority.P4], At("2026-03-02T10:00Z")).State);
    }

    [Fact]
    public void RaisedAfterBreach_KeepsWhatWasRecorded()
    {
        var ticket = RecordedAt(At("2026-03-02T09:40Z"));

        ChangePriority(ticket, impact: 1, urgency: 1, At("2026-03-02T09:45Z"));

        Assert.Equal(Priority.P1, ticket.Priority);
        Assert.Equal((At("2026-03-02T09:15Z"), At("2026-03-02T09:30Z")), (ticket.ResponseWarnedAt, ticket.ResponseBreachedAt));
        Assert.Equal((null, null), (ticket.ResponseWarningDueAt, ticket.ResponseBreachDueAt));
    }

    [Fact]
    public void OnHoldAfterBreach_KeepsTheResolutionBreach()
    {
        var ticket = RecordedAt(At("2026-03-02T17:00Z"));
        Assert.Equal(At("2026-03-02T16:30Z"), ticket.ResolutionBreachedAt);

        TicketSteps.Move(ticket, TicketStatus.OnHold, At("2026-03-02T17:05Z"));
        ticket.ScheduleSla(Policies[ticket.Priority], WarningShare, At("2026-03-02T17:05Z"));

        Assert.Equal((At("2026-03-02T16:30Z"), (DateTimeOffset?)null), (ticket.ResolutionBreachedAt, ticket.ResolutionBreachDueAt));
    }

    /// <summary>A P2 ticket opened at 8:30 with every crossing up to <paramref name="now"/> recorded by a scan.</summary>
    private static Ticket RecordedAt(DateTimeOffset now)
    {
        var ticket = TicketSteps.Open();
        ticket.ScheduleSla(Policies[ticket.Priority], WarningShare, TicketSteps.OpenedAt);
        ticket.RecordSlaCrossings(now);
        return ticket;
    }

    private static void ChangePriority(Ticket ticket, int impact, int urgency, DateTimeOffset now)
    {
        TicketSteps.Apply(ticket, new TicketUpdate { Impact = impact, Urgency = urgency }, now);
        ticket.ScheduleSla(Policies[ticket.Priority], WarningShare, now);
    }
}
