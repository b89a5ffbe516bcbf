using TicketTriage.Core.Tickets;

namespace TicketTriage.Api.Tickets;

/// <summary>
/// A JSON merge patch (RFC 7396) of a ticket: send only the fields to change; null clears
/// description or assignee. Documents the body; the endpoint reads it field by field so that
/// "absent" and "null" differ.
/// </summary>
public sealed record UpdateTicketRequest(
    string? Title,
    string? Description,
    int? Impact,
    int? Urgency,
    string? AssignmentGroup,
    string? Assignee,
    TicketStatus? Status,
    HoldReason? HoldReason,
    ResolutionCode? ResolutionCode,
    string? ResolutionNotes,
    string? Reason);
