using TicketTriage.Api.Auth;

namespace TicketTriage.Api.Tokens;

/// <summary>A token's record; the secret itself is never shown again after creation.</summary>
public sealed record TokenResponse(
    long Id,
    string Name,
    string Scope,
    string Prefix,
    string Owner,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt)
{
    internal static TokenResponse From(ApiToken token, string owner) =>
        new(token.Id, token.Name, token.Scope, token.Prefix, owner, token.CreatedAt, token.ExpiresAt, token.LastUsedAt, token.RevokedAt);
}
