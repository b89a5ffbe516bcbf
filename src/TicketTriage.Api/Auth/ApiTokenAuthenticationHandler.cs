using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TicketTriage.Api.Persistence;

namespace TicketTriage.Api.Auth;

/// <summary>Authenticates "Authorization: Bearer tt_..." personal and ingestion tokens, and the bootstrap token.</summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TriageDbContext db,
    BootstrapToken bootstrap,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    // Writing last-used on every request would turn each read into a write; a minute's precision is enough.
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = BearerSecret(Request);
        if (secret is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (secret.StartsWith(TokenSecret.BootstrapPrefix, StringComparison.Ordinal))
        {
            return bootstrap.Matches(secret) && !await db.Users.AnyAsync(Context.RequestAborted)
                ? Success(new Claim(TriageClaims.Bootstrap, "true"), new Claim(ClaimTypes.Name, "bootstrap"))
                : AuthenticateResult.Fail("The bootstrap token is not valid.");
        }

        var hash = TokenSecret.Hash(secret);
        var now = time.GetUtcNow();
        var found = await (db switch
        {
            SqliteTriageDbContext sqlite => TokenLookup<SqliteTriageDbContext>.FindByHash(sqlite, hash, Context.RequestAborted),
            PostgresTriageDbContext postgres => TokenLookup<PostgresTriageDbContext>.FindByHash(postgres, hash, Context.RequestAborted),
            _ => throw new InvalidOperationException("Unknown database provider."),
        });
        if (found is null || found.Token.RevokedAt is not null || found.Disabled)
        {
            return AuthenticateResult.Fail("The token is unknown or revoked.");
        }

        if (found.Token.ExpiresAt is { } expires && expires <= now)
        {
            return AuthenticateResult.Fail("The token has expired.");
        }

        if (found.Token.LastUsedAt is null || now - found.Token.LastUsedAt >= LastUsedPrecision)
        {
            await db.ApiTokens.Where(token => token.Id == found.Token.Id)
                .ExecuteUpdateAsync(setters => setters.SetProperty(token => token.LastUsedAt, now), Context.RequestAborted);
        }

        return Success(
            new Claim(ClaimTypes.NameIdentifier, found.Token.UserId),
            new Claim(ClaimTypes.Name, found.Email ?? found.Token.UserId),
            new Claim(ClaimTypes.Role, found.Role),
            new Claim(TriageClaims.Scope, found.Token.Scope),
            new Claim(TriageClaims.TokenName, found.Token.Name));
    }

    private static AuthenticateResult Success(params Claim[] claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));

    /// <summary>The secret of an "Authorization: Bearer" header that carries one of our tokens, else null.</summary>
    public static string? BearerSecret(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var secret = header["Bearer ".Length..].Trim();
        return secret.StartsWith(TokenSecret.ApiPrefix, StringComparison.Ordinal) || secret.StartsWith(TokenSecret.BootstrapPrefix, StringComparison.Ordinal)
            ? secret
            : null;
    }

    private sealed record TokenOwner(ApiToken Token, string? Email, string Role, bool Disabled);

    /// <summary>
    /// Every authenticated request runs this lookup, so it is compiled once and not translated per request,
    /// and prepared on PostgreSQL (a lookup by a unique hash: one plan fits every token). A compiled query
    /// serves one model, hence one per provider's context.
    /// </summary>
    private static class TokenLookup<TContext>
        where TContext : TriageDbContext
    {
        public static readonly Func<TContext, string, CancellationToken, Task<TokenOwner?>> FindByHash = EF.CompileAsyncQuery(
            (TContext db, string hash, CancellationToken cancellationToken) => db.ApiTokens.AsNoTracking()
                .TagWith(PreparedQueryInterceptor.Tag)
                .Where(token => token.Hash == hash)
                .Join(db.Users, token => token.UserId, user => user.Id, (token, user) => new TokenOwner(token, user.Email, user.Role, user.Disabled))
                .FirstOrDefault());
    }
}
