namespace TicketTriage.Core.Tickets;

/// <summary>The names of ticket fields as history records them (the API's JSON names).</summary>
public static class TicketField
{
    public const string Title = "title";
    public const string Description = "description";
    public const string Impact = "impact";
    public const string Urgency = "urgency";
    public const string Priority = "priority";
    public const string AssignmentGroup = "assignmentGroup";
    public const string Assignee = "assignee";
    public const string Status = "status";
    public const string HoldReason = "holdReason";
    public const string ResolutionCode = "resolutionCode";
    public const string ResolutionNotes = "resolutionNotes";
    public const string CancelReason = "cancelReason";
    public const string RespondedAt = "respondedAt";
    public const string ResolvedAt = "resolvedAt";
    public const string ClosedAt = "closedAt";
    public const string CancelledAt = "cancelledAt";
    public const string ReopenCount = "reopenCount";
}
