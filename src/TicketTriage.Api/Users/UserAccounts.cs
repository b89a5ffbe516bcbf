using Microsoft.AspNetCore.Identity;
using TicketTriage.Api.Auth;

namespace TicketTriage.Api.Users;

/// <summary>Creating users, shared by the API and the command line so both apply the same rules.</summary>
internal static class UserAccounts
{
    /// <summary>Creates a user; returns the errors by field when the email, password or role is not acceptable.</summary>
    public static async Task<(TriageUser? User, Dictionary<string, string[]> Errors)> CreateAsync(
        UserManager<TriageUser> users,
        string email,
        string password,
        string role,
        DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var canonicalRole = Roles.Canonical(role);
        if (canonicalRole is null)
        {
            errors["role"] = [$"Unknown role '{role}'; use {string.Join(", ", Roles.All)}."];
            return (null, errors);
        }

        var user = new TriageUser { UserName = email.Trim(), Email = email.Trim(), Role = canonicalRole, CreatedAt = now };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            return (user, errors);
        }

        foreach (var error in result.Errors)
        {
            var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email";
            errors[field] = [.. errors.GetValueOrDefault(field, []), error.Description];
        }

        return (null, errors);
    }
}
