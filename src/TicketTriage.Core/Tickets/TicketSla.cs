using TicketTriage.Core.Sla;

namespace TicketTriage.Core.Tickets;

/// <summary>
/// A ticket's two SLA clocks. Response runs from creation to the first response; resolution runs
/// from creation to resolution (or cancellation), paused while On Hold and while Resolved before a
/// reopen. Both are recomputed from these facts, so a priority change measures the new policy
/// from creation.
/// </summary>
public static class TicketSla
{
    public static SlaMeasure Measure(Ticket ticket, SlaClockKind clock, SlaPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(policy);
        return clock == SlaClockKind.Response
            ? SlaClock.Measure(policy.Response, policy.Calendar, ticket.CreatedAt, ResponseStop(ticket), [], now)
            : SlaClock.Measure(policy.Resolution, policy.Calendar, ticket.CreatedAt, ResolutionStop(ticket), ticket.SlaPauses, now);
    }

    /// <summary>The instant the clock reaches a share of its target, or null when it is stopped or paused before then.</summary>
    public static DateTimeOffset? WhenReached(Ticket ticket, SlaClockKind clock, SlaPolicy policy, double share, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(policy);
        var target = clock == SlaClockKind.Response ? policy.Response : policy.Resolution;
        var amount = TimeSpan.FromTicks((long)(target.Ticks * share));
        return clock == SlaClockKind.Response
            ? SlaClock.WhenElapsedReaches(amount, policy.Calendar, ticket.CreatedAt, ResponseStop(ticket), [], now)
            : SlaClock.WhenElapsedReaches(amount, policy.Calendar, ticket.CreatedAt, ResolutionStop(ticket), ticket.SlaPauses, now);
    }

    private static DateTimeOffset? ResponseStop(Ticket ticket) => ticket.RespondedAt;

    private static DateTimeOffset? ResolutionStop(Ticket ticket) => ticket.ResolvedAt ?? ticket.CancelledAt;
}
