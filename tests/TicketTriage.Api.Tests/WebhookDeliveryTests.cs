using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>Events reach a real receiver signed, survive failures and restarts, and arrive once per event id.</summary>
public sealed class WebhookDeliveryTests
{
    private const string Secret = "webhook-test-secret";

    [Fact]
    public async Task P1Created_IsDeliveredSignedWithItsEventId()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var factory = Factory(receiver);
        var ticket = await factory.CreateClient().CreateTicketAsync("Datacentre power lost", impact: 1, urgency: 1);

        Assert.Equal(1, await factory.DeliverWebhooksAsync());

        var delivery = Assert.Single(receiver.Requests);
        Assert.Equal("ticket.p1_created", delivery.EventType);
        Assert.True(Guid.TryParse(delivery.EventId, out _));
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(delivery.Body)));
        Assert.Equal(expected, delivery.Signature);
        using var body = JsonDocument.Parse(delivery.Body);
        Assert.Equal("ticket.p1_created", body.RootElement.Text("type"));
        Assert.Equal(delivery.EventId, body.RootElement.Text("id"));
        Assert.Equal(ticket.Text("number"), body.RootElement.GetProperty("data").GetProperty("ticket").Text("number"));
        Assert.Equal(0, await factory.DeliverWebhooksAsync());

        // A receiver's URL can hold its secret in the path (chat webhooks do): no log line may carry it.
        Assert.DoesNotContain(factory.Logs.Lines, line => line.Contains(receiver.Url.AbsolutePath, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Delivery_TracesTheReceiverWithoutItsPath()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var factory = Factory(receiver);
        var seen = new ConcurrentBag<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => seen.Add($"{activity.Source.Name} {activity.OperationName} {string.Join(", ", activity.Tags.Select(tag => $"{tag.Key}={tag.Value}"))}"),
        };
        ActivitySource.AddActivityListener(listener);
        await factory.CreateClient().CreateTicketAsync("Datacentre power lost", impact: 1, urgency: 1);

        Assert.Equal(1, await factory.DeliverWebhooksAsync());

        // The listener hears every test running at the time: the receiver's port picks this one's call out.
        var outgoing = Assert.Single(seen, line => line.StartsWith("System.Net.Http ", StringComparison.Ordinal) && line.Contains(receiver.Url.Authority, StringComparison.Ordinal));
        Assert.Contains($"url.full=http://{receiver.Url.Authority}/,", outgoing, StringComparison.Ordinal);
        Assert.DoesNotContain(receiver.Url.AbsolutePath, outgoing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LowerPriorityTicket_SendsNoEvent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var factory = Factory(receiver);
        await factory.CreateClient().CreateTicketAsync("Monitor flickers", impact: 3, urgency: 3);

        Assert.Equal(0, await factory.DeliverWebhooksAsync());
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task ReceiverFailingTwice_GetsTheEventOnceAfterBackOff()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 2);
        using var factory = Factory(receiver);
        await factory.CreateClient().CreateTicketAsync("Storage array offline", impact: 1, urgency: 1);

        Assert.Equal(0, await factory.DeliverWebhooksAsync());
        Assert.Equal(0, await factory.DeliverWebhooksAsync());
        factory.AdvanceTime(TimeSpan.FromSeconds(5));
        Assert.Equal(0, await factory.DeliverWebhooksAsync());
        factory.AdvanceTime(TimeSpan.FromSeconds(9));
        Assert.Equal(0, await factory.DeliverWebhooksAsync());
        factory.AdvanceTime(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await factory.DeliverWebhooksAsync());
        factory.AdvanceTime(TimeSpan.FromHours(2));
        Assert.Equal(0, await factory.DeliverWebhooksAsync());

        Assert.Equal(3, receiver.Requests.Count);
        Assert.Single(receiver.Requests.Select(request => request.EventId).Distinct());
        Assert.Single(receiver.Accepted);
    }

    [Fact]
    public async Task EventQueuedBeforeRestart_IsDeliveredAfterIt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var directory = Path.Combine(Path.GetTempPath(), "ticket-triage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            using (var before = TriageApiFactory.OnDirectory(directory, Settings(receiver)))
            {
                await before.CreateClient().CreateTicketAsync("Queued then restarted", impact: 1, urgency: 1);
            }

            Assert.Empty(receiver.Requests);
            // The new host's clock starts where the first one's did: let the restart take a minute.
            using var after = TriageApiFactory.OnDirectory(directory, Settings(receiver));
            after.AdvanceTime(TimeSpan.FromMinutes(1));
            Assert.Equal(1, await after.DeliverWebhooksAsync());
            Assert.Equal("ticket.p1_created", Assert.Single(receiver.Accepted).Value.EventType);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task SlaBreach_RaisesWarningAndBreachEvents()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var factory = Factory(receiver);
        await factory.CreateClient().CreateTicketAsync("Checkout failing", impact: 1, urgency: 1);
        await factory.DeliverWebhooksAsync();

        factory.AdvanceTime(TimeSpan.FromMinutes(16));
        Assert.Equal(2, await factory.RunSlaScanAsync());
        Assert.Equal(2, await factory.DeliverWebhooksAsync());

        var types = receiver.Accepted.Values.Select(delivery => delivery.EventType).Order().ToList();
        Assert.Equal(["sla.breached", "sla.warning", "ticket.p1_created"], types);
        var breach = receiver.Accepted.Values.Single(delivery => delivery.EventType == "sla.breached");
        using var body = JsonDocument.Parse(breach.Body);
        Assert.Equal("response", body.RootElement.GetProperty("data").Text("clock"));
        Assert.Equal("breached", body.RootElement.GetProperty("data").GetProperty("ticket").GetProperty("sla").GetProperty("response").Text("state"));
    }

    [Fact]
    public async Task SecondInstance_WhileTheFirstWaitsOnASlowReceiver_SendsNoEventTwice()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var first = Factory(receiver);
        using var second = TriageApiFactory.OnDirectory(first.Directory, Settings(receiver));
        second.CreateClient();
        for (var i = 0; i < 10; i++)
        {
            await first.CreateClient().CreateTicketAsync($"Trading floor outage {i}", impact: 1, urgency: 1);
        }

        // Each answer takes 9 s, inside the 10 s time-out. By the ninth the first instance's pass has
        // run longer than a lease counted from its start, and the second instance's pass runs then.
        var answered = 0;
        receiver.WhileAnswering = async () =>
        {
            first.AdvanceTime(TimeSpan.FromSeconds(9));
            second.AdvanceTime(TimeSpan.FromSeconds(9));
            if (Interlocked.Increment(ref answered) == 9)
            {
                await second.DeliverWebhooksAsync();
            }
        };
        await first.DeliverWebhooksAsync();

        Assert.Equal(10, receiver.Accepted.Count);
        Assert.Equal(10, receiver.Requests.Count);
    }

    [Fact]
    public async Task InstanceStalledPastItsLease_LeavesTheDeliveryOfTheInstanceThatTookOver()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 1);
        using var first = Factory(receiver);
        using var second = TriageApiFactory.OnDirectory(first.Directory, Settings(receiver));
        second.CreateClient();
        await first.CreateClient().CreateTicketAsync("Core switch down", impact: 1, urgency: 1);

        // The first instance's attempt stalls two minutes, past its lease; the second takes the event over
        // and delivers it before the first hears its receiver refuse.
        var takenOver = 0;
        receiver.WhileAnswering = async () =>
        {
            if (receiver.Requests.Count == 1)
            {
                first.AdvanceTime(TimeSpan.FromMinutes(2));
                second.AdvanceTime(TimeSpan.FromMinutes(2));
                takenOver = await second.DeliverWebhooksAsync();
            }
        };
        Assert.Equal(0, await first.DeliverWebhooksAsync());
        Assert.Equal(1, takenOver);

        first.AdvanceTime(TimeSpan.FromHours(1));
        Assert.Equal(0, await first.DeliverWebhooksAsync());
        Assert.Equal(2, receiver.Requests.Count);
        Assert.Single(receiver.Accepted);
    }

    private static Dictionary<string, string?> Settings(WebhookReceiver receiver) => new()
    {
        ["Webhooks:Endpoints:0:Url"] = receiver.Url.ToString(),
        ["Webhooks:Endpoints:0:Secret"] = Secret,
    };

    private static TriageApiFactory Factory(WebhookReceiver receiver) => TriageApiFactory.WithSettings(Settings(receiver));
}
