namespace TicketTriage.Core.Tickets;

/// <summary>A requested status move with the reason fields that the target status needs.</summary>
public sealed record StatusMove(
    TicketStatus To,
    HoldReason? HoldReason = null,
    ResolutionCode? ResolutionCode = null,
    string? ResolutionNotes = null,
    string? Reason = null);
