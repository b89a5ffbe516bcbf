namespace TicketTriage.Core.Tickets;

/// <summary>Why an update cannot be applied to a ticket as it stands.</summary>
public abstract record UpdateError
{
    /// <summary>The ticket is not in a status from which the requested move is allowed.</summary>
    public sealed record MoveNotAllowed(TicketStatus From, TicketStatus To, IReadOnlyList<TicketStatus> Allowed) : UpdateError;

    /// <summary>The ticket is Closed or Cancelled and can no longer change.</summary>
    public sealed record TicketIsFinal(TicketStatus Status) : UpdateError;

    /// <summary>A field the move needs is missing, or one is given that the move does not take.</summary>
    public sealed record MissingOrUnexpectedField(string Field, string Message) : UpdateError;
}
