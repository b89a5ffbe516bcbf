using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>JWTs from an OpenID Connect provider, validated against a test signing key.</summary>
public sealed class SingleSignOnTests : IDisposable
{
    private const string Issuer = "https://login.example.test/";
    private const string Audience = "ticket-triage";
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    private readonly TriageApiFactory _factory = TriageApiFactory.WithSettings(new Dictionary<string, string?>
    {
        ["Auth:Jwt:Issuer"] = Issuer,
        ["Auth:Jwt:Audience"] = Audience,
        ["Auth:Jwt:SigningKey"] = Convert.ToBase64String(Key),
        ["Auth:Jwt:RoleClaim"] = "triage_role",
    });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Jwt_FromTheConfiguredProvider_SignsInWithTheRoleFromItsClaim()
    {
        var response = await SendAsync(Token());

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var me = await response.ReadJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("sso.user@example.com", me.Text("email"));
        Assert.Equal("Agent", me.Text("role"));
    }

    [Fact]
    public async Task Jwt_WithViewerRole_CannotCreateTickets()
    {
        var client = _factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(role: "Viewer"));

        var response = await client.PostAsync(new Uri("/api/v1/tickets", UriKind.Relative), new StringContent("""{"title":"x","impact":1,"urgency":1}""", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "urn:ticket-triage:problem:forbidden");
    }

    public static TheoryData<string> BadTokens => ["issuer", "audience", "signature", "expired"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Jwt_WithWrongIssuerAudienceSignatureOrExpiry_IsRefused(string fault)
    {
        var token = fault switch
        {
            "issuer" => Token(issuer: "https://evil.example.test/"),
            "audience" => Token(audience: "someone-else"),
            "signature" => Token(key: RandomNumberGenerator.GetBytes(32)),
            _ => Token(expires: DateTime.UtcNow.AddMinutes(-5)),
        };

        var response = await SendAsync(token);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "urn:ticket-triage:problem:unauthorized");
    }

    [Fact]
    public async Task Jwt_WhenSsoIsNotConfigured_IsRefused()
    {
        using var plain = new TriageApiFactory();
        var client = plain.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token());

        var response = await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative), TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "urn:ticket-triage:problem:unauthorized");
    }

    [Fact]
    public async Task Jwt_CreatingATicketAndANote_RecordsTheUserByTheNameClaim()
    {
        var client = _factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token());

        var ticket = await client.CreateTicketAsync("Payroll export fails");
        var note = await client.AddNoteAsync(ticket.Id(), "Checked the export job");

        Assert.Equal("sso.user@example.com", ticket.Text("openedBy"));
        Assert.Equal("sso.user@example.com", note.Text("author"));
        Assert.All(await client.GetHistoryAsync(ticket.Id()), entry => Assert.Equal("sso.user@example.com", entry.Text("actor")));
    }

    [Fact]
    public async Task Jwt_WriteLimit_CountsEachUserApart()
    {
        using var limited = TriageApiFactory.WithSettings(new Dictionary<string, string?>
        {
            ["Auth:Jwt:Issuer"] = Issuer,
            ["Auth:Jwt:Audience"] = Audience,
            ["Auth:Jwt:SigningKey"] = Convert.ToBase64String(Key),
            ["Auth:Jwt:RoleClaim"] = "triage_role",
            ["RateLimits:WritesPerSecond"] = "1",
            ["RateLimits:WriteBurst"] = "1",
        });
        var busy = limited.CreateAnonymousClient();
        busy.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token());
        var other = limited.CreateAnonymousClient();
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(email: "second.user@example.com"));

        await busy.CreateTicketAsync("First write");
        var refused = await busy.PostAsync(new Uri("/api/v1/tickets", UriKind.Relative), new StringContent("""{"title":"Second write","impact":3,"urgency":3}""", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var ticket = await other.CreateTicketAsync("Another user's write");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("second.user@example.com", ticket.Text("openedBy"));
    }

    private async Task<HttpResponseMessage> SendAsync(string token)
    {
        var client = _factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync(new Uri("/api/v1/me", UriKind.Relative), TestContext.Current.CancellationToken);
    }

    private static string Token(string issuer = Issuer, string audience = Audience, byte[]? key = null, DateTime? expires = null, string role = "Agent", string email = "sso.user@example.com") =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("email", email), new Claim("sub", $"id-{email}"), new Claim("triage_role", role)]),
            NotBefore = (expires ?? DateTime.UtcNow.AddMinutes(10)).AddMinutes(-30),
            IssuedAt = (expires ?? DateTime.UtcNow.AddMinutes(10)).AddMinutes(-30),
            Expires = expires ?? DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? Key), SecurityAlgorithms.HmacSha256),
        });
}
