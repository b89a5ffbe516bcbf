namespace TicketTriage.Api.Auth;

/// <summary>The three roles; every user has exactly one.</summary>
internal static class Roles
{
    public const string Admin = "Admin";
    public const string Agent = "Agent";
    public const string Viewer = "Viewer";

    public static readonly string[] All = [Admin, Agent, Viewer];

    /// <summary>The role's canonical spelling, or null when it is not a role.</summary>
    public static string? Canonical(string? role) => All.FirstOrDefault(known => string.Equals(known, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}
