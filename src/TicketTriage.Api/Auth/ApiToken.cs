namespace TicketTriage.Api.Auth;

/// <summary>A personal API token. Only the SHA-256 of the secret is stored; the secret is shown once.</summary>
internal sealed class ApiToken
{
    public const int NameMaxLength = 100;

    public long Id { get; set; }

    public string UserId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>"full" or "ingest".</summary>
    public string Scope { get; set; } = TriageClaims.FullScope;

    /// <summary>Lowercase hex SHA-256 of the secret: enough to recognise it, useless to replay.</summary>
    public string Hash { get; set; } = string.Empty;

    /// <summary>The first characters of the secret, so that people can tell their tokens apart.</summary>
    public string Prefix { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
