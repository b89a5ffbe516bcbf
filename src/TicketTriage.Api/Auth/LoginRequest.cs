using System.ComponentModel.DataAnnotations;

namespace TicketTriage.Api.Auth;

/// <summary>Credentials for a cookie session.</summary>
public sealed record LoginRequest
{
    [Required(ErrorMessage = "email is required.")]
    public string? Email { get; init; }

    [Required(ErrorMessage = "password is required.")]
    public string? Password { get; init; }
}
