using TicketTriage.Api.Auth;

namespace TicketTriage.Api.Users;

/// <summary>A user as Admins see them; never a password or its hash.</summary>
public sealed record UserResponse(string Id, string Email, string Role, bool Disabled, bool LockedOut, DateTimeOffset CreatedAt)
{
    internal static UserResponse From(TriageUser user, DateTimeOffset now) =>
        new(user.Id, user.Email ?? string.Empty, user.Role, user.Disabled, user.LockoutEnd > now && !user.Disabled, user.CreatedAt);
}
