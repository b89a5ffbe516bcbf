using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using TicketTriage.Api.Infrastructure;
using TicketTriage.Core.Tickets;

namespace TicketTriage.Api.Tickets;

/// <summary>An incident to triage and, for the tickets endpoint, to store.</summary>
/// <remarks>Unknown fields are refused so that a caller who sends "priority" learns it is computed.</remarks>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record CreateTicketRequest
{
    /// <summary>A short summary, 1-200 characters after trimming.</summary>
    [Required(ErrorMessage = "title is required.")]
    [TrimmedLength(1, Ticket.TitleMaxLength)]
    public string? Title { get; init; }

    /// <summary>Free text, at most 10,000 characters.</summary>
    [StringLength(Ticket.DescriptionMaxLength, ErrorMessage = "description must be at most {1} characters long.")]
    public string? Description { get; init; }

    /// <summary>How widely the incident hurts: 1 (high) to 3 (low).</summary>
    [Required(ErrorMessage = "impact is required: 1 (high), 2 (medium) or 3 (low).")]
    [Range(1, 3, ErrorMessage = "impact must be 1 (high), 2 (medium) or 3 (low).")]
    public int? Impact { get; init; }

    /// <summary>How soon it must be fixed: 1 (high) to 3 (low).</summary>
    [Required(ErrorMessage = "urgency is required: 1 (high), 2 (medium) or 3 (low).")]
    [Range(1, 3, ErrorMessage = "urgency must be 1 (high), 2 (medium) or 3 (low).")]
    public int? Urgency { get; init; }

    /// <summary>Who reported it (a name, address or system), at most 200 characters.</summary>
    [StringLength(Ticket.CallerMaxLength, ErrorMessage = "caller must be at most {1} characters long.")]
    public string? Caller { get; init; }
}
