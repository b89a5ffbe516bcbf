namespace TicketTriage.Core.Tickets;

/// <summary>
/// The changes one request asks for; a null member is left as it is. Clearing the description or
/// the assignee is asked for with <see cref="ClearDescription"/> and <see cref="ClearAssignee"/>.
/// </summary>
public sealed record TicketUpdate
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public bool ClearDescription { get; init; }

    public int? Impact { get; init; }

    public int? Urgency { get; init; }

    /// <summary>A group set by hand, kept over the routing rules; needs <see cref="GroupReason"/>.</summary>
    public string? AssignmentGroup { get; init; }

    public string? GroupReason { get; init; }

    public string? Assignee { get; init; }

    public bool ClearAssignee { get; init; }

    public StatusMove? Status { get; init; }
}
