using TicketTriage.Api.Auth;
using TicketTriage.Api.Persistence;

namespace TicketTriage.Api.Tokens;

/// <summary>Issues tokens for the API and the command line alike; the secret leaves only in the result.</summary>
internal static class ApiTokenIssuer
{
    public static async Task<(ApiToken Token, string Secret)> IssueAsync(
        TriageDbContext db,
        string userId,
        string name,
        string scope,
        DateTimeOffset? expiresAt,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var secret = TokenSecret.New(TokenSecret.ApiPrefix);
        var token = new ApiToken
        {
            UserId = userId,
            Name = name.Trim(),
            Scope = scope,
            Hash = TokenSecret.Hash(secret),
            Prefix = TokenSecret.Shown(secret),
            CreatedAt = now,
            ExpiresAt = expiresAt?.ToUniversalTime(),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return (token, secret);
    }

    /// <summary>Ingestion tokens open tickets, so only users who may open tickets can hold one.</summary>
    public static bool MayHold(string role, string scope) =>
        scope == TriageClaims.FullScope || role is Roles.Admin or Roles.Agent;
}
