using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>Every endpoint against every kind of caller, each with a real token of a real user: who may act, who is refused, and how.</summary>
public sealed class AuthorizationMatrixTests(TriageApiFactory factory) : IClassFixture<TriageApiFactory>
{
    private const string Anonymous = "anonymous";
    private const string Viewer = "Viewer";
    private const string Agent = "Agent";
    private const string Admin = "Admin";
    private const string Ingest = "ingest token";
    private const string Expired = "expired token";
    private const string Revoked = "revoked token";

    private static readonly string[] Callers = [Anonymous, Viewer, Agent, Admin, Ingest, Expired, Revoked];

    /// <summary>Method, path ({id} is a real ticket, {user} a real user), body, and the callers allowed.</summary>
    public static TheoryData<string, string, string?, string> Endpoints => new()
    {
        { "POST", "/api/v1/tickets", """{"title":"matrix","impact":3,"urgency":3}""", "Agent,Admin,ingest token" },
        { "GET", "/api/v1/tickets", null, "Viewer,Agent,Admin" },
        { "GET", "/api/v1/tickets/{id}", null, "Viewer,Agent,Admin" },
        { "PATCH", "/api/v1/tickets/{id}", """{"assignee":"dana"}""", "Agent,Admin" },
        { "POST", "/api/v1/tickets/{id}/notes", """{"body":"matrix note"}""", "Agent,Admin" },
        { "GET", "/api/v1/tickets/{id}/notes", null, "Viewer,Agent,Admin" },
        { "GET", "/api/v1/tickets/{id}/notes/1", null, "Viewer,Agent,Admin" },
        { "GET", "/api/v1/tickets/{id}/history", null, "Viewer,Agent,Admin" },
        { "POST", "/api/v1/triage", """{"title":"matrix","impact":3,"urgency":3}""", "Agent,Admin,ingest token" },
        { "GET", "/api/v1/groups", null, "Viewer,Agent,Admin" },
        { "GET", "/api/v1/reports/tickets.csv", null, "Viewer,Agent,Admin" },
        { "GET", "/api/v1/reports/summary.csv", null, "Viewer,Agent,Admin" },
        { "GET", "/api/v1/reports/summary", null, "Viewer,Agent,Admin" },
        { "GET", "/api/v1/me", null, "Viewer,Agent,Admin" },
        { "GET", "/api/v1/auth/antiforgery", null, "Viewer,Agent,Admin" },
        { "POST", "/api/v1/auth/logout", null, "Viewer,Agent,Admin" },
        { "POST", "/api/v1/users", """{"email":"EMAIL","password":"correct horse battery staple","role":"Viewer"}""", "Admin" },
        { "GET", "/api/v1/users", null, "Admin" },
        { "GET", "/api/v1/users/{user}", null, "Admin" },
        { "PATCH", "/api/v1/users/{user}", """{"role":"Viewer"}""", "Admin" },
        { "POST", "/api/v1/tokens", """{"name":"matrix","scope":"full"}""", "Viewer,Agent,Admin" },
        { "GET", "/api/v1/tokens", null, "Viewer,Agent,Admin" },
        { "DELETE", "/api/v1/tokens/987654", null, "Viewer,Agent,Admin" },
        { "POST", "/api/v1/auth/login", """{"email":"nobody@example.com"}""", "anonymous,Viewer,Agent,Admin,ingest token,expired token,revoked token" },
        { "GET", "/", null, "anonymous,Viewer,Agent,Admin,ingest token,expired token,revoked token" },
        { "GET", "/metrics", null, "Viewer,Agent,Admin" },
        { "GET", "/openapi/v1.json", null, "anonymous,Viewer,Agent,Admin,ingest token,expired token,revoked token" },
        { "GET", "/health/live", null, "anonymous,Viewer,Agent,Admin,ingest token,expired token,revoked token" },
        { "GET", "/health/ready", null, "anonymous,Viewer,Agent,Admin,ingest token,expired token,revoked token" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_ForEveryCaller_AllowsOnlyItsRoles(string method, string path, string? body, string allowed)
    {
        var ticket = await factory.CreateClient().CreateTicketAsync("Matrix ticket");
        var user = await factory.CreateUserAsync(AuthClient.NewEmail("matrix"), "Viewer");
        var url = path.Replace("{id}", ticket.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{user}", user.Text("id"), StringComparison.Ordinal);
        var allowedCallers = allowed.Split(',');

        foreach (var caller in Callers)
        {
            using var client = await ClientForAsync(caller);
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (body is not null)
            {
                var content = body.Replace("EMAIL", AuthClient.NewEmail("made"), StringComparison.Ordinal);
                request.Content = new StringContent(content, Encoding.UTF8, method == "PATCH" && url.Contains("tickets", StringComparison.Ordinal) ? "application/merge-patch+json" : "application/json");
            }

            var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

            var status = (int)response.StatusCode;
            if (allowedCallers.Contains(caller))
            {
                Assert.True(status is not (401 or 403) and < 500, $"{caller} should be allowed {method} {path} but got {status}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
            }
            else
            {
                var expected = caller is Anonymous or Expired or Revoked ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
                Assert.True(response.StatusCode == expected, $"{caller} on {method} {path}: expected {(int)expected} but got {status}");
                await response.AssertProblemAsync(expected, expected == HttpStatusCode.Unauthorized ? "urn:ticket-triage:problem:unauthorized" : "urn:ticket-triage:problem:forbidden");
            }
        }
    }

    [Fact]
    public void EveryEndpoint_StatesItsPolicyExplicitly()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var open = endpoints
            .Where(endpoint => !endpoint.Metadata.OfType<IAllowAnonymous>().Any()
                && !endpoint.Metadata.OfType<IAuthorizeData>().Any(data => !string.IsNullOrEmpty(data.Policy)))
            .Select(endpoint => endpoint.DisplayName ?? endpoint.RoutePattern.RawText)
            .ToList();

        Assert.NotEmpty(endpoints);
        Assert.True(open.Count == 0, "Endpoints without an explicit policy: " + string.Join(", ", open));
    }

    [Fact]
    public void EveryEndpointInTheMatrix_IsAnEndpointOfTheApp()
    {
        var routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(endpoint => endpoint.RoutePattern.RawText?.TrimEnd('/'))
            .ToHashSet();

        var missing = Endpoints.Select(row => ((ITheoryDataRow)row).GetData()[1] as string ?? string.Empty)
            .Where(path => path != "/" && !routes.Any(route => Matches(route, path)))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void EveryEndpointOfTheApp_HasARowInTheMatrix()
    {
        var rows = Endpoints.Select(row => ((ITheoryDataRow)row).GetData()).Select(data => ((string)data[0]!, (string)data[1]!)).ToList();

        var unlisted = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => (Method: method, Route: endpoint.RoutePattern.RawText?.TrimEnd('/'))))
            .Where(endpoint => !rows.Any(row => row.Item1 == endpoint.Method && (row.Item2 == "/" ? endpoint.Route is "" or "/" : Matches(endpoint.Route, row.Item2))))
            .Select(endpoint => $"{endpoint.Method} {endpoint.Route}")
            .ToList();

        Assert.True(unlisted.Count == 0, "Endpoints the matrix does not test: " + string.Join(", ", unlisted));
    }

    [Fact]
    public void EveryWrite_HasTheWriteRateLimit()
    {
        var unlimited = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Any(method => method is not ("GET" or "HEAD")) == true)
            .Where(endpoint => endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>() is null)
            .Select(endpoint => endpoint.RoutePattern.RawText?.TrimEnd('/'))
            .Order()
            .ToList();

        // Sign-in has a limit of its own, on failures per address; the triage preview stores nothing.
        Assert.Equal(["/api/v1/auth/login", "/api/v1/triage"], unlimited);
    }

    private static bool Matches(string? route, string path) =>
        route is not null && System.Text.RegularExpressions.Regex.IsMatch(path, "^" + System.Text.RegularExpressions.Regex.Replace(route, @"\{[^}]+\}", "[^/]+") + "/?$");

    private async Task<HttpClient> ClientForAsync(string caller)
    {
        switch (caller)
        {
            case Anonymous:
                return factory.CreateAnonymousClient();
            case Viewer or Agent or Admin:
                // A real user of the role with a real token, through the scheme production uses.
                var member = AuthClient.NewEmail(caller.ToLowerInvariant());
                await factory.CreateUserAsync(member, caller);
                return factory.CreateClientWithToken((await factory.CreateTokenAsync(member)).Secret);
            case Ingest:
                var agent = AuthClient.NewEmail("ingest");
                await factory.CreateUserAsync(agent, "Agent");
                return factory.CreateClientWithToken((await factory.CreateTokenAsync(agent, "ingest")).Secret);
            case Expired:
                var expiring = AuthClient.NewEmail("expired");
                await factory.CreateUserAsync(expiring, "Admin");
                var (_, secret) = await factory.CreateTokenAsync(expiring, expiresAt: factory.Time.GetUtcNow().AddMinutes(1));
                factory.AdvanceTime(TimeSpan.FromMinutes(2));
                return factory.CreateClientWithToken(secret);
            default:
                var revoking = AuthClient.NewEmail("revoked");
                await factory.CreateUserAsync(revoking, "Admin");
                var (id, revoked) = await factory.CreateTokenAsync(revoking);
                var response = await factory.CreateClientAs("Admin").DeleteAsync(new Uri($"/api/v1/tokens/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
                await response.AssertStatusAsync(HttpStatusCode.NoContent);
                return factory.CreateClientWithToken(revoked);
        }
    }
}
