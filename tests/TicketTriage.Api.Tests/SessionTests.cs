using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TicketTriage.Api.Auth;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>Cookie sessions: sign-in, anti-forgery on writes, sign-out, lockout and the sign-in rate limit.</summary>
public sealed class SessionTests : IDisposable
{
    // A host per test: the sign-in limiter and lockout are per address and per account.
    private readonly TriageApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Login_WithRightPassword_StartsASessionThatKnowsTheUser()
    {
        var email = AuthClient.NewEmail("dana");
        await _factory.CreateUserAsync(email, "Agent");
        var browser = _factory.CreateAnonymousClient();

        var login = await browser.PostAsJsonAsync("/api/v1/auth/login", new { email, password = AuthClient.Password }, TestContext.Current.CancellationToken);

        await login.AssertStatusAsync(HttpStatusCode.OK);
        var session = await login.ReadJsonAsync<JsonElement>();
        Assert.Equal("Agent", session.Text("role"));
        Assert.False(string.IsNullOrEmpty(session.Text("antiforgeryToken")));
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith("tt_session=", StringComparison.Ordinal) && cookie.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        var me = await browser.GetJsonAsync("/api/v1/me");
        Assert.Equal(email, me.Text("email"));
        Assert.Equal("Agent", me.Text("role"));
    }

    [Fact]
    public async Task CookieWrite_WithoutAntiforgeryToken_IsRefusedAndWithItIsAccepted()
    {
        var email = AuthClient.NewEmail("erin");
        await _factory.CreateUserAsync(email, "Agent");
        var browser = _factory.CreateAnonymousClient();
        var login = await browser.PostAsJsonAsync("/api/v1/auth/login", new { email, password = AuthClient.Password }, TestContext.Current.CancellationToken);
        var token = (await login.ReadJsonAsync<JsonElement>()).Text("antiforgeryToken");

        var forged = await browser.PostAsJsonAsync("/api/v1/tickets", new { title = "forged", impact = 3, urgency = 3 }, TestContext.Current.CancellationToken);
        await forged.AssertProblemAsync(HttpStatusCode.Forbidden, "urn:ticket-triage:problem:antiforgery");

        browser.DefaultRequestHeaders.Add("X-XSRF-TOKEN", token);
        var created = await browser.PostAsJsonAsync("/api/v1/tickets", new { title = "genuine", impact = 3, urgency = 3 }, TestContext.Current.CancellationToken);
        await created.AssertStatusAsync(HttpStatusCode.Created);
        var ticket = await created.ReadJsonAsync<JsonElement>();
        Assert.Equal(email, ticket.Text("openedBy"));
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        var email = AuthClient.NewEmail("finn");
        await _factory.CreateUserAsync(email, "Viewer");
        var browser = _factory.CreateAnonymousClient();
        var login = await browser.PostAsJsonAsync("/api/v1/auth/login", new { email, password = AuthClient.Password }, TestContext.Current.CancellationToken);
        browser.DefaultRequestHeaders.Add("X-XSRF-TOKEN", (await login.ReadJsonAsync<JsonElement>()).Text("antiforgeryToken"));

        var logout = await browser.PostAsync(new Uri("/api/v1/auth/logout", UriKind.Relative), null, TestContext.Current.CancellationToken);

        await logout.AssertStatusAsync(HttpStatusCode.NoContent);
        var after = await browser.GetAsync(new Uri("/api/v1/me", UriKind.Relative), TestContext.Current.CancellationToken);
        await after.AssertProblemAsync(HttpStatusCode.Unauthorized, "urn:ticket-triage:problem:unauthorized");
    }

    [Fact]
    public async Task Logout_EndsTheSessionForEveryCopyOfItsCookie()
    {
        var email = AuthClient.NewEmail("fern");
        await _factory.CreateUserAsync(email, "Agent");
        var session = await _factory.SignInAsync(email);
        using var browser = _factory.CreateClientWithSession(session);
        using var copy = _factory.CreateClientWithSession(session);
        await (await copy.GetAsync(new Uri("/api/v1/me", UriKind.Relative), TestContext.Current.CancellationToken)).AssertStatusAsync(HttpStatusCode.OK);

        var logout = await browser.PostAsync(new Uri("/api/v1/auth/logout", UriKind.Relative), null, TestContext.Current.CancellationToken);

        await logout.AssertStatusAsync(HttpStatusCode.NoContent);
        var after = await copy.GetAsync(new Uri("/api/v1/me", UriKind.Relative), TestContext.Current.CancellationToken);
        await after.AssertProblemAsync(HttpStatusCode.Unauthorized, "urn:ticket-triage:problem:unauthorized");
    }

    [Theory]
    [InlineData("disabled")]
    [InlineData("role")]
    public async Task DisablingOrChangingTheRoleOfAUser_EndsTheirSessionsAtOnce(string change)
    {
        var email = AuthClient.NewEmail("gwen");
        var user = await _factory.CreateUserAsync(email, "Agent");
        using var browser = _factory.CreateClientWithSession(await _factory.SignInAsync(email));
        await (await browser.GetAsync(new Uri("/api/v1/me", UriKind.Relative), TestContext.Current.CancellationToken)).AssertStatusAsync(HttpStatusCode.OK);

        var patch = await _factory.CreateClientAs("Admin").PatchAsJsonAsync(
            $"/api/v1/users/{user.Text("id")}",
            change == "disabled" ? new { disabled = true, role = (string?)null } : new { disabled = false, role = (string?)"Viewer" },
            TestContext.Current.CancellationToken);

        await patch.AssertStatusAsync(HttpStatusCode.OK);
        var after = await browser.GetAsync(new Uri("/api/v1/me", UriKind.Relative), TestContext.Current.CancellationToken);
        await after.AssertProblemAsync(HttpStatusCode.Unauthorized, "urn:ticket-triage:problem:unauthorized");
    }

    [Fact]
    public async Task Login_WithWrongPasswordOrUnknownEmail_GivesTheSameAnswer()
    {
        var email = AuthClient.NewEmail("gail");
        await _factory.CreateUserAsync(email, "Viewer");
        var client = _factory.CreateAnonymousClient();

        var wrong = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "not the password" }, TestContext.Current.CancellationToken);
        var unknown = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "nobody@example.com", password = "not the password" }, TestContext.Current.CancellationToken);

        var first = await wrong.AssertProblemAsync(HttpStatusCode.Unauthorized, "urn:ticket-triage:problem:sign-in-failed");
        var second = await unknown.AssertProblemAsync(HttpStatusCode.Unauthorized, "urn:ticket-triage:problem:sign-in-failed");
        Assert.Equal(first.Text("detail"), second.Text("detail"));
        Assert.DoesNotContain(_factory.Logs.Lines, line => line.Contains("not the password", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData("disabled")]
    [InlineData("wrong password")]
    public async Task Login_ThatFails_HashesThePasswordWhoeverAsks(string failure)
    {
        var email = AuthClient.NewEmail("hana");
        var user = await _factory.CreateUserAsync(email, "Viewer");
        if (failure == "disabled")
        {
            await _factory.CreateClientAs("Admin").PatchAsJsonAsync($"/api/v1/users/{user.Text("id")}", new { disabled = true }, TestContext.Current.CancellationToken);
        }

        var hasher = new CountingPasswordHasher();
        using var counted = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<TriageUser>>(hasher)));
        var response = await counted.CreateClient().PostAsJsonAsync(
            "/api/v1/auth/login",
            new { email = failure == "unknown" ? "nobody@example.com" : email, password = "not the password" },
            TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized, "urn:ticket-triage:problem:sign-in-failed");
        Assert.Equal(1, hasher.Verified);
    }

    /// <summary>Counts the password checks, which take the same time for every caller only if every failure makes one.</summary>
    private sealed class CountingPasswordHasher : PasswordHasher<TriageUser>
    {
        public int Verified { get; private set; }

        public override PasswordVerificationResult VerifyHashedPassword(TriageUser user, string hashedPassword, string providedPassword)
        {
            Verified++;
            return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task Login_AfterFiveFailures_LocksTheAccountEvenForTheRightPassword()
    {
        var email = AuthClient.NewEmail("hal");
        await _factory.CreateUserAsync(email, "Agent");
        var client = _factory.CreateAnonymousClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "guess number " + i }, TestContext.Current.CancellationToken);
        }

        var right = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = AuthClient.Password }, TestContext.Current.CancellationToken);

        var problem = await right.AssertProblemAsync(HttpStatusCode.Unauthorized, "urn:ticket-triage:problem:sign-in-failed");
        Assert.Contains("locked", problem.Text("title"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_MoreThanTenTimesAMinute_IsRateLimitedWithRetryAfter()
    {
        var client = _factory.CreateAnonymousClient();
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 11; i++)
        {
            responses.Add(await client.PostAsJsonAsync("/api/v1/auth/login", new { email = $"spray{i}@example.com", password = "password spraying" }, TestContext.Current.CancellationToken));
        }

        Assert.All(responses.Take(10), response => Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode));
        await responses[10].AssertProblemAsync(HttpStatusCode.TooManyRequests, "urn:ticket-triage:problem:too-many-requests");
        Assert.True(responses[10].Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Login_OnlyFailuresCount_SoAnOfficeBehindOneAddressCanSignIn()
    {
        var email = $"office{Guid.NewGuid():N}@example.com";
        await _factory.CreateUserAsync(email, "Agent");

        // Fifteen browsers sign in; in tests every request comes from the same (unknown) address.
        for (var i = 0; i < 15; i++)
        {
            var signedIn = await _factory.CreateAnonymousClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = AuthClient.Password }, TestContext.Current.CancellationToken);
            await signedIn.AssertStatusAsync(HttpStatusCode.OK);
        }

        var client = _factory.CreateAnonymousClient();
        for (var i = 0; i < 10; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = $"nobody{i}@example.com", password = "guess" }, TestContext.Current.CancellationToken);
            await wrong.AssertStatusAsync(HttpStatusCode.Unauthorized);
        }

        // Past ten failures the address waits, even with the right password.
        var refused = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password = AuthClient.Password }, TestContext.Current.CancellationToken);
        await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests, "urn:ticket-triage:problem:too-many-requests");
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task Answers_CarrySecurityHeaders()
    {
        var client = _factory.CreateAnonymousClient();

        foreach (var path in new[] { "/", "/api/v1/tickets", "/nowhere" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        }
    }
}
