using System.ComponentModel.DataAnnotations;

namespace TicketTriage.Api.Users;

/// <summary>Changes to a user; absent fields stay as they are.</summary>
public sealed record UpdateUserRequest
{
    [AllowedValues("Admin", "Agent", "Viewer", null, ErrorMessage = "role must be Admin, Agent or Viewer.")]
    public string? Role { get; init; }

    /// <summary>true signs the user out everywhere and stops their tokens; false lets them back in.</summary>
    public bool? Disabled { get; init; }

    /// <summary>A new password (at least 12 characters), set by an Admin.</summary>
    [StringLength(512, MinimumLength = 12, ErrorMessage = "password must be 12 to 512 characters long.")]
    public string? Password { get; init; }
}
