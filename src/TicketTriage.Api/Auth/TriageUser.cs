using Microsoft.AspNetCore.Identity;

namespace TicketTriage.Api.Auth;

/// <summary>A person who signs in. Identity keeps the password hash, lockout and security stamp.</summary>
internal sealed class TriageUser : IdentityUser
{
    /// <summary>Exactly one of <see cref="Roles.All"/>.</summary>
    public string Role { get; set; } = Roles.Viewer;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>A disabled user can neither sign in nor use tokens; history keeps naming them.</summary>
    public bool Disabled { get; set; }
}
