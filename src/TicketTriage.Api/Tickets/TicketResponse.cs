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
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    TriageResponse Triage)
{
    internal static TicketResponse From(Ticket ticket) => new(
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
        ticket.CreatedAt,
        ticket.UpdatedAt,
        TriageResponse.From(ticket.RecordedTriage));
}
