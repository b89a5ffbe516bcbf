using TicketTriage.Api.Sla;
using TicketTriage.Api.Triage;
using TicketTriage.Core.Tickets;
using TicketTriage.Core.Triage;

namespace TicketTriage.Api.Tickets;

/// <summary>A stored ticket.</summary>
public sealed record TicketResponse(
    long Id,
    string Number,
    string Title,
    string? Description,
    int Impact,
    int Urgency,
    Priority Priority,
    string AssignmentGroup,
    TicketStatus Status,
    string? Caller,
    string OpenedBy,
    string? Assignee,
    HoldReason? HoldReason,
    ResolutionCode? ResolutionCode,
    string? ResolutionNotes,
    string? CancelReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? RespondedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    DateTimeOffset? CancelledAt,
    int ReopenCount,
    TriageResponse Triage,
    SlaResponse Sla)
{
    internal static TicketResponse From(Ticket ticket, SlaEvaluator sla) => new(
        ticket.Id,
        ticket.Number,
        ticket.Title,
        ticket.Description,
        ticket.Impact,
        ticket.Urgency,
        ticket.Priority,
        ticket.AssignmentGroup,
        ticket.Status,
        ticket.Caller,
        ticket.OpenedBy,
        ticket.Assignee,
        ticket.HoldReason,
        ticket.ResolutionCode,
        ticket.ResolutionNotes,
        ticket.CancelReason,
        ticket.CreatedAt,
        ticket.UpdatedAt,
        ticket.RespondedAt,
        ticket.ResolvedAt,
        ticket.ClosedAt,
        ticket.CancelledAt,
        ticket.ReopenCount,
        TriageResponse.From(ticket.RecordedTriage),
        sla.For(ticket));
}
