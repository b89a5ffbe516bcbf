using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TicketTriage.Api.Tests.Infrastructure;

/// <summary>
/// Builds the caller from test headers (X-Test-Role, X-Test-User, X-Test-Scope) so tests can act as
/// any role without signing in; the authorization policies that judge the caller are the real ones.
/// Requests without these headers go through the real schemes.
/// </summary>
public sealed class TestAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string RoleHeader = "X-Test-Role";
    public const string UserHeader = "X-Test-User";
    public const string ScopeHeader = "X-Test-Scope";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var role = Request.Headers[RoleHeader].ToString();
        var user = Request.Headers[UserHeader].ToString();
        if (string.IsNullOrEmpty(user))
        {
            user = $"{role.ToLowerInvariant()}@example.test";
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, "test-" + user),
            new(ClaimTypes.Name, user),
            new(ClaimTypes.Role, role),
        };
        var scope = Request.Headers[ScopeHeader].ToString();
        if (!string.IsNullOrEmpty(scope))
        {
            claims.Add(new Claim("triage:scope", scope));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
