using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TicketTriage.Api.Tests.Infrastructure;

/// <summary>Real users and tokens, made through the API as an Admin would.</summary>
public static class AuthClient
{
    public const string Password = "correct horse battery staple";

    public static async Task<JsonElement> CreateUserAsync(this TriageApiFactory factory, string email, string role)
    {
        var response = await factory.CreateClientAs("Admin").PostAsJsonAsync("/api/v1/users", new { email, password = Password, role }, TestContext.Current.CancellationToken);
        await response.AssertStatusAsync(HttpStatusCode.Created);
        return await response.ReadJsonAsync<JsonElement>();
    }

    /// <summary>Creates a token for a user (as an Admin) and returns its id and secret.</summary>
    public static async Task<(long Id, string Secret)> CreateTokenAsync(this TriageApiFactory factory, string email, string scope = "full", DateTimeOffset? expiresAt = null, string name = "test token")
    {
        var response = await factory.CreateClientAs("Admin").PostAsJsonAsync("/api/v1/tokens", new { name, scope, email, expiresAt }, TestContext.Current.CancellationToken);
        await response.AssertStatusAsync(HttpStatusCode.Created);
        var created = await response.ReadJsonAsync<JsonElement>();
        return (created.GetProperty("details").GetProperty("id").GetInt64(), created.Text("token"));
    }

    /// <summary>A client that sends only this bearer token, through the real schemes.</summary>
    public static HttpClient CreateClientWithToken(this TriageApiFactory factory, string secret)
    {
        var client = factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>Signs a user in through the real cookie scheme, as a browser does, and returns the session it got.</summary>
    public static async Task<Session> SignInAsync(this TriageApiFactory factory, string email)
    {
        using var login = await factory.CreateAnonymousClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = Password }, TestContext.Current.CancellationToken);
        await login.AssertStatusAsync(HttpStatusCode.OK);
        var antiforgery = (await login.ReadJsonAsync<JsonElement>()).Text("antiforgeryToken");
        return new Session(string.Join("; ", login.Headers.GetValues("Set-Cookie").Select(cookie => cookie.Split(';')[0])), antiforgery);
    }

    /// <summary>A client that sends only this session's cookies and anti-forgery token, through the real schemes, to whichever host it is given.</summary>
    public static HttpClient CreateClientWithSession(this TriageApiFactory factory, Session session)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.Remove(TestAuthenticationHandler.RoleHeader);
        client.DefaultRequestHeaders.Add("Cookie", session.Cookies);
        client.DefaultRequestHeaders.Add("X-XSRF-TOKEN", session.Antiforgery);
        return client;
    }

    public static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@example.com";

    /// <summary>A signed-in browser's state: its Cookie header and the anti-forgery token it sends back.</summary>
    public sealed record Session(string Cookies, string Antiforgery);
}
