namespace TicketTriage.Core.Tickets;

/// <summary>
/// One field of a ticket that changed, with its values as history shows them (null when empty) and,
/// for status moves and manual reassignments, the reason given.
/// </summary>
public sealed record FieldChange(string Field, string? OldValue, string? NewValue, string? Reason = null);
