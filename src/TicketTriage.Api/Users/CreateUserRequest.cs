using System.ComponentModel.DataAnnotations;

namespace TicketTriage.Api.Users;

/// <summary>A new user with exactly one role: Admin, Agent or Viewer.</summary>
public sealed record CreateUserRequest
{
    [Required(ErrorMessage = "email is required.")]
    [EmailAddress(ErrorMessage = "email must be an email address.")]
    [StringLength(200, ErrorMessage = "email must be at most {1} characters long.")]
    public string? Email { get; init; }

    /// <summary>At least 12 characters.</summary>
    [Required(ErrorMessage = "password is required.")]
    [StringLength(512, MinimumLength = 12, ErrorMessage = "password must be 12 to 512 characters long.")]
    public string? Password { get; init; }

    [Required(ErrorMessage = "role is required: Admin, Agent or Viewer.")]
    [AllowedValues("Admin", "Agent", "Viewer", ErrorMessage = "role must be Admin, Agent or Viewer.")]
    public string? Role { get; init; }
}
