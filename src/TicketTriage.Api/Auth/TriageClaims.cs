namespace TicketTriage.Api.Auth;

/// <summary>Claim types this service adds to a principal.</summary>
internal static class TriageClaims
{
    /// <summary>"full" or "ingest"; sessions and SSO tokens are always full.</summary>
    public const string Scope = "triage:scope";

    /// <summary>The name of the API token that authenticated the request, if one did.</summary>
    public const string TokenName = "triage:token";

    /// <summary>Present only on the one-time bootstrap principal.</summary>
    public const string Bootstrap = "triage:bootstrap";

    public const string FullScope = "full";
    public const string IngestScope = "ingest";
}
