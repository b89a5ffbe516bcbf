using TicketTriage.Core.Tickets;
using TicketTriage.Core.Triage;

namespace TicketTriage.Core.Tests;

/// <summary>Opens tickets and walks them through the lifecycle, so a test starts from the status it is about.</summary>
internal static class TicketSteps
{
    public static readonly DateTimeOffset OpenedAt = new(2026, 3, 2, 8, 30, 0, TimeSpan.Zero);

    public static Ticket Open(DateTimeOffset? now = null) => Ticket.Open(
        "Password reset fails",
        "The reset link never arrives",
        "ann@example.com",
        new TriageResult(new MatrixCell(2, 2, Priority.P2), new RoutingDecision("sign-in", "Service Desk", ["password"])),
        now ?? OpenedAt);

    /// <summary>A move to the status with exactly the reason fields that status needs.</summary>
    public static StatusMove MoveTo(TicketStatus to) => to switch
    {
        TicketStatus.OnHold => new StatusMove(to, HoldReason: HoldReason.AwaitingVendor),
        TicketStatus.Resolved => new StatusMove(to, ResolutionCode: ResolutionCode.Workaround, ResolutionNotes: "Cleared the browser cache"),
        TicketStatus.Cancelled => new StatusMove(to, Reason: "Raised twice by mistake"),
        TicketStatus.New or TicketStatus.InProgress or TicketStatus.Closed => new StatusMove(to),
        _ => throw new ArgumentOutOfRangeException(nameof(to), to, null),
    };

    /// <summary>Applies one update that must succeed, and returns its changes.</summary>
    public static IReadOnlyList<FieldChange> Apply(Ticket ticket, TicketUpdate update, DateTimeOffset now)
    {
        var (changes, error) = ticket.Update(update, PriorityMatrix.Default, now);
        Assert.Null(error);
        return changes;
    }

    public static IReadOnlyList<FieldChange> Move(Ticket ticket, TicketStatus to, DateTimeOffset now) =>
        Apply(ticket, new TicketUpdate { Status = MoveTo(to) }, now);

    /// <summary>A new ticket brought into the status by allowed moves, one minute apart after opening.</summary>
    public static Ticket OpenIn(TicketStatus status)
    {
        var ticket = Open();
        var now = OpenedAt;
        TicketStatus[] path = status switch
        {
            TicketStatus.New => [],
            TicketStatus.InProgress => [TicketStatus.InProgress],
            TicketStatus.OnHold => [TicketStatus.OnHold],
            TicketStatus.Resolved => [TicketStatus.Resolved],
            TicketStatus.Closed => [TicketStatus.Resolved, TicketStatus.Closed],
            TicketStatus.Cancelled => [TicketStatus.Cancelled],
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
        };
        foreach (var step in path)
        {
            now = now.AddMinutes(1);
            Move(ticket, step, now);
        }

        Assert.Equal(status, ticket.Status);
        return ticket;
    }
}
