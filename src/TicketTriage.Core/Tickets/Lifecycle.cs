namespace TicketTriage.Core.Tickets;

/// <summary>The moves a ticket may make between statuses.</summary>
public static class Lifecycle
{
    private static readonly Dictionary<TicketStatus, TicketStatus[]> Moves = new()
    {
        [TicketStatus.New] = [TicketStatus.InProgress, TicketStatus.OnHold, TicketStatus.Resolved, TicketStatus.Cancelled],
        [TicketStatus.InProgress] = [TicketStatus.OnHold, TicketStatus.Resolved, TicketStatus.Cancelled],
        [TicketStatus.OnHold] = [TicketStatus.InProgress, TicketStatus.Resolved, TicketStatus.Cancelled],
        [TicketStatus.Resolved] = [TicketStatus.InProgress, TicketStatus.Closed],
        [TicketStatus.Closed] = [],
        [TicketStatus.Cancelled] = [],
    };

    /// <summary>Statuses in which someone still has work to do.</summary>
    public static IReadOnlyList<TicketStatus> OpenStatuses { get; } = [TicketStatus.New, TicketStatus.InProgress, TicketStatus.OnHold];

    public static IReadOnlyList<TicketStatus> AllowedMoves(TicketStatus from) => Moves[from];

    public static bool CanMove(TicketStatus from, TicketStatus to) => Array.IndexOf(Moves[from], to) >= 0;

    public static bool IsFinal(TicketStatus status) => Moves[status].Length == 0;
}
