using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>A fresh install: no default password, only a one-time token in the log that creates the first Admin.</summary>
public sealed partial class BootstrapTests : IDisposable
{
    private readonly TriageApiFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task BootstrapToken_CreatesTheFirstAdminOnceAndNothingElse()
    {
        _factory.CreateAnonymousClient();
        var line = Assert.Single(_factory.Logs.Lines, line => line.Contains("No user exists yet", StringComparison.Ordinal));
        var token = BootstrapToken().Match(line).Value;
        Assert.StartsWith("ttb_", token, StringComparison.Ordinal);
        var client = _factory.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var agent = await client.PostAsJsonAsync("/api/v1/users", new { email = "first@example.com", password = AuthClient.Password, role = "Agent" }, TestContext.Current.CancellationToken);
        var tickets = await client.GetAsync(new Uri("/api/v1/tickets", UriKind.Relative), TestContext.Current.CancellationToken);
        var admin = await client.PostAsJsonAsync("/api/v1/users", new { email = "first@example.com", password = AuthClient.Password, role = "Admin" }, TestContext.Current.CancellationToken);
        var again = await client.PostAsJsonAsync("/api/v1/users", new { email = "second@example.com", password = AuthClient.Password, role = "Admin" }, TestContext.Current.CancellationToken);

        await agent.AssertProblemAsync(HttpStatusCode.Forbidden, "urn:ticket-triage:problem:forbidden");
        await tickets.AssertProblemAsync(HttpStatusCode.Forbidden, "urn:ticket-triage:problem:forbidden");
        await admin.AssertStatusAsync(HttpStatusCode.Created);
        await again.AssertProblemAsync(HttpStatusCode.Unauthorized, "urn:ticket-triage:problem:unauthorized");
        var login = await _factory.CreateAnonymousClient().PostAsJsonAsync("/api/v1/auth/login", new { email = "first@example.com", password = AuthClient.Password }, TestContext.Current.CancellationToken);
        await login.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Passwords_NeverReachTheLog()
    {
        var email = AuthClient.NewEmail("pat");
        await _factory.CreateUserAsync(email, "Agent");
        await _factory.CreateAnonymousClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password = AuthClient.Password }, TestContext.Current.CancellationToken);

        Assert.DoesNotContain(_factory.Logs.Lines, line => line.Contains(AuthClient.Password, StringComparison.Ordinal));
    }

    [GeneratedRegex("ttb_[A-Za-z0-9_-]+")]
    private static partial Regex BootstrapToken();
}
