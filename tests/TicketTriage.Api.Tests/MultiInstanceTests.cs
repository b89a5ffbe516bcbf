using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>
/// Two instances of the service on one PostgreSQL database, as behind a load balancer, each with
/// its own background work running at the same moments as the other's.
/// </summary>
public sealed class MultiInstanceTests : IAsyncLifetime
{
    private const int TicketsPerInstance = 40;

    private WebhookReceiver _receiver = null!;
    private TriageApiFactory _first = null!;
    private TriageApiFactory _second = null!;

    public async ValueTask InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["Webhooks:Endpoints:0:Url"] = _receiver.Url.ToString(),
            ["Webhooks:Endpoints:0:Secret"] = "shared-secret",
        };
        _first = TriageApiFactory.WithSettings(settings);
        _first.CreateClient();
        _second = TriageApiFactory.OnDirectory(_first.Directory, settings);
        _second.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _second.Dispose();
        _first.Dispose();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task ConcurrentCreates_OnBothInstances_NeverShareATicketNumber()
    {
        var created = await Task.WhenAll(Enumerable.Range(0, TicketsPerInstance * 2).Select(i =>
            (i % 2 == 0 ? _first : _second).CreateClient().CreateTicketAsync($"Concurrent intake {i}")));

        var numbers = created.Select(ticket => ticket.Text("number")).ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Equal(created.Select(ticket => ticket.Id()).Order(), created.Select(ticket => long.Parse(ticket.Text("number")![3..], System.Globalization.CultureInfo.InvariantCulture)).Order());
        foreach (var ticket in created.Take(4))
        {
            Assert.Equal(ticket.Stored(), (await _second.CreateClient().GetJsonAsync($"/api/v1/tickets/{ticket.Id()}")).Stored());
        }
    }

    [Fact]
    public async Task SlaScansAndWebhookDelivery_OnBothInstancesAtOnce_RecordAndSendEachAlertOnce()
    {
        var tickets = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            (i % 2 == 0 ? _first : _second).CreateClient().CreateTicketAsync($"Payments down in region {i}", impact: 1, urgency: 1)));

        // A P1 responds within 15 minutes by default: both clocks pass the warning and the breach.
        _first.AdvanceTime(TimeSpan.FromMinutes(16));
        _second.AdvanceTime(TimeSpan.FromMinutes(16));
        var recorded = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? _first : _second).RunSlaScanAsync()));
        var delivered = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? _first : _second).DeliverWebhooksAsync()));

        Assert.Equal(tickets.Length * 2, recorded.Sum());
        foreach (var ticket in tickets)
        {
            var history = await _first.CreateClient().GetHistoryAsync(ticket.Id());
            Assert.Single(history, entry => entry.Text("type") == "slaWarning");
            Assert.Single(history, entry => entry.Text("type") == "slaBreached");
        }

        // Each P1 raised ticket.p1_created, sla.warning and sla.breached: each sent once, by one instance.
        Assert.Equal(tickets.Length * 3, delivered.Sum());
        var sent = _receiver.Requests.ToList();
        Assert.Equal(tickets.Length * 3, sent.Count);
        Assert.Equal(sent.Count, sent.Select(request => request.EventId).Distinct().Count());
        Assert.Equal(tickets.Length, sent.Count(request => request.EventType == "sla.breached"));
    }

    [Fact]
    public async Task AutoClose_OnBothInstancesAtOnce_ClosesEachTicketOnce()
    {
        var client = _first.CreateClient();
        var tickets = new List<JsonElement>();
        for (var i = 0; i < 6; i++)
        {
            tickets.Add(await client.DriveToAsync(await client.CreateTicketAsync($"Printer queue stuck {i}"), "Resolved"));
        }

        _first.AdvanceTime(TimeSpan.FromDays(4));
        _second.AdvanceTime(TimeSpan.FromDays(4));
        var closed = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? _first : _second).RunAutoCloseAsync()));

        Assert.Equal(tickets.Count, closed.Sum());
        foreach (var ticket in tickets)
        {
            var history = await client.GetHistoryAsync(ticket.Id());
            Assert.Single(history, entry => entry.Text("type") == "autoClosed");
            Assert.Equal("Closed", (await client.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}")).Text("status"));
        }
    }

    [Fact]
    public async Task Session_StartedOnOneInstance_WorksOnTheOther()
    {
        var email = AuthClient.NewEmail("hana");
        await _first.CreateUserAsync(email, "Agent");
        var session = await _first.SignInAsync(email);

        // The other instance never saw this sign-in: it reads the cookie and the anti-forgery token with the shared keys.
        var browser = _second.CreateClientWithSession(session);
        Assert.Equal(email, (await browser.GetJsonAsync("/api/v1/me")).Text("email"));
        var created = await browser.PostAsJsonAsync("/api/v1/tickets", new { title = "Filed through the other instance", impact = 3, urgency = 3 }, TestContext.Current.CancellationToken);
        await created.AssertStatusAsync(HttpStatusCode.Created);
        Assert.Equal(email, (await created.ReadJsonAsync<JsonElement>()).Text("openedBy"));
    }

    [Fact]
    public async Task Token_RevokedOnOneInstance_IsRefusedByTheOtherAtOnce()
    {
        var email = AuthClient.NewEmail("ivan");
        await _first.CreateUserAsync(email, "Agent");
        var (id, secret) = await _first.CreateTokenAsync(email);
        var onSecond = _second.CreateClientWithToken(secret);
        Assert.Equal(email, (await onSecond.GetJsonAsync("/api/v1/me")).Text("email"));

        using var revoke = await _first.CreateClientWithToken(secret).DeleteAsync(new Uri($"/api/v1/tokens/{id}", UriKind.Relative), TestContext.Current.CancellationToken);
        await revoke.AssertStatusAsync(HttpStatusCode.NoContent);

        using var refused = await onSecond.GetAsync(new Uri("/api/v1/me", UriKind.Relative), TestContext.Current.CancellationToken);
        await refused.AssertProblemAsync(HttpStatusCode.Unauthorized, "urn:ticket-triage:problem:unauthorized");
    }
}
