using System.ComponentModel.DataAnnotations;

namespace TicketTriage.Api.Tokens;

/// <summary>A new API token: full (acts as its user) or ingest (may only create tickets and call triage).</summary>
public sealed record CreateTokenRequest
{
    [Required(ErrorMessage = "name is required: say what the token is for.")]
    [StringLength(100, MinimumLength = 1, ErrorMessage = "name must be 1 to {1} characters long.")]
    public string? Name { get; init; }

    /// <summary>When the token stops working; none means it works until revoked.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    [AllowedValues("full", "ingest", null, ErrorMessage = "scope must be \"full\" or \"ingest\".")]
    public string? Scope { get; init; }

    /// <summary>Admins only: the email of the user the token is for; default yourself.</summary>
    [EmailAddress(ErrorMessage = "email must be an email address.")]
    public string? Email { get; init; }
}
