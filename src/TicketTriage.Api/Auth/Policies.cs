namespace TicketTriage.Api.Auth;

/// <summary>The authorization policies; every endpoint names one (or is explicitly anonymous).</summary>
internal static class Policies
{
    /// <summary>Read tickets, history, reports and exports: any role, with a full-scope credential.</summary>
    public const string Reader = "Reader";

    /// <summary>Create, change and work tickets: Agent or Admin, with a full-scope credential.</summary>
    public const string Agent = "Agent";

    /// <summary>Create tickets and call triage: Agent or Admin, including their ingestion tokens.</summary>
    public const string Ingest = "Ingest";

    /// <summary>Users, everyone's tokens and settings: Admin with a full-scope credential.</summary>
    public const string Admin = "Admin";

    /// <summary>Create users: an Admin, or the one-time bootstrap token while no user exists.</summary>
    public const string UserAdmin = "UserAdmin";

    /// <summary>Anyone signed in with a full-scope credential, whatever the role: /me, own tokens, logout.</summary>
    public const string SignedIn = "SignedIn";
}
