using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using TicketTriage.Core.Tickets;

namespace TicketTriage.Api.Tickets;

/// <summary>A work note: internal for the service desk, public for the caller too.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AddNoteRequest
{
    [Required(ErrorMessage = "body is required.")]
    [StringLength(TicketNote.BodyMaxLength, ErrorMessage = "body must be at most {1} characters long.")]
    public string? Body { get; init; }

    /// <summary>"internal" (the default) or "public".</summary>
    [AllowedValues("internal", "public", null, ErrorMessage = "visibility must be \"internal\" or \"public\".")]
    public string? Visibility { get; init; }
}
