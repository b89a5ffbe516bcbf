using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using TicketTriage.Api.Telemetry;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>The TicketTriage meter's instruments, read with MetricCollector as the API is used.</summary>
public sealed class MetricsTests(TriageApiFactory factory) : IClassFixture<TriageApiFactory>
{
    private static readonly HashSet<string> LowCardinalityTags =
        ["priority", "assignment_group", "rule", "status", "from", "to", "reason", "http.response.status_code", "clock", "event_type", "outcome"];

    private const string WebhookSecret = "metrics-test-secret";

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task CreateTicket_CountsOneTicketCreated_TaggedWithPriorityAndGroup()
    {
        using var created = Collect<long>(factory, TriageMetrics.TicketsCreated);

        await _client.CreateTicketAsync("VPN keeps dropping", impact: 1, urgency: 1);

        var measurement = Assert.Single(created.GetMeasurementSnapshot());
        Assert.Equal(1, measurement.Value);
        Assert.Equal("P1", measurement.Tags["priority"]);
        Assert.Equal("Network", measurement.Tags["assignment_group"]);
        Assert.Equal(2, measurement.Tags.Count);
    }

    [Fact]
    public async Task CreateTicket_RecordsTriageDecisionByRule_AndItsDurationInSeconds()
    {
        using var decisions = Collect<long>(factory, TriageMetrics.Decisions);
        using var duration = Collect<double>(factory, TriageMetrics.DecisionDuration);

        await _client.CreateTicketAsync("Printer out of toner", impact: 3, urgency: 3);

        var decision = Assert.Single(decisions.GetMeasurementSnapshot());
        Assert.Equal("printing", decision.Tags["rule"]);
        var seconds = Assert.Single(duration.GetMeasurementSnapshot()).Value;
        Assert.InRange(seconds, double.Epsilon, 1.0);
    }

    [Fact]
    public async Task TriagePreview_MatchingNoRule_CountsFallbackDecision()
    {
        using var decisions = Collect<long>(factory, TriageMetrics.Decisions);

        var response = await _client.PostAsJsonAsync("/api/v1/triage", new { title = "Zzyzx quux", impact = 2, urgency = 2 }, TestContext.Current.CancellationToken);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var decision = Assert.Single(decisions.GetMeasurementSnapshot());
        Assert.Equal(TriageMetrics.FallbackRule, decision.Tags["rule"]);
    }

    [Fact]
    public async Task StatusMoves_ByHandAndByAutoClose_AreCountedFromAndTo()
    {
        using var own = new TriageApiFactory();
        var client = own.CreateClient();
        var ticket = await client.CreateTicketAsync("Laptop will not boot");
        var id = ticket.GetProperty("id").GetInt64();
        using var moves = Collect<long>(own, TriageMetrics.StatusMoves);

        await PatchAsync(client, id, """{"status":"InProgress"}""");
        await PatchAsync(client, id, """{"status":"Resolved","resolutionCode":"Fixed","resolutionNotes":"Replaced the disk"}""");
        own.AdvanceTime(TimeSpan.FromDays(4));
        Assert.Equal(1, await own.RunAutoCloseAsync());

        var recorded = moves.GetMeasurementSnapshot().Select(m => $"{m.Tags["from"]}->{m.Tags["to"]}:{m.Value}");
        Assert.Equal(["New->InProgress:1", "InProgress->Resolved:1", "Resolved->Closed:1"], recorded);
    }

    [Fact]
    public async Task StatusMove_Refused_IsNotCounted()
    {
        var ticket = await _client.CreateTicketAsync("Monitor flickers");
        using var moves = Collect<long>(factory, TriageMetrics.StatusMoves);

        using var response = await SendPatchAsync(_client, ticket.GetProperty("id").GetInt64(), """{"status":"Closed"}""");

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "urn:ticket-triage:problem:transition-not-allowed");
        Assert.Empty(moves.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task OpenTicketsGauge_AfterRefresh_ReportsEveryPriorityAndOpenStatus()
    {
        using var own = new TriageApiFactory();
        var client = own.CreateClient();
        await client.CreateTicketAsync("VPN down for the whole floor", impact: 1, urgency: 1);
        var held = await client.CreateTicketAsync("VPN slow from home", impact: 1, urgency: 1);
        await client.CreateTicketAsync("Printer queue stuck", impact: 3, urgency: 1);
        var cancelled = await client.CreateTicketAsync("Duplicate of the VPN outage", impact: 1, urgency: 1);
        await PatchAsync(client, held.GetProperty("id").GetInt64(), """{"status":"OnHold","holdReason":"AwaitingCaller"}""");
        await PatchAsync(client, cancelled.GetProperty("id").GetInt64(), """{"status":"Cancelled","reason":"Duplicate"}""");
        using var open = Collect<long>(own, TriageMetrics.OpenTickets);

        await own.Services.GetRequiredService<OpenTicketCounts>().RefreshAsync(TestContext.Current.CancellationToken);
        open.RecordObservableInstruments();

        var counts = open.GetMeasurementSnapshot().ToDictionary(m => $"{m.Tags["priority"]}/{m.Tags["status"]}", m => m.Value);
        Assert.Equal(12, counts.Count);
        Assert.Equal(1, counts["P1/New"]);
        Assert.Equal(1, counts["P1/OnHold"]);
        Assert.Equal(1, counts["P4/New"]);
        Assert.Equal(3, counts.Values.Sum());
    }

    [Fact]
    public async Task RefusedRequests_AreCountedAsValidationRejections_WithTheirStatus()
    {
        using var rejected = Collect<long>(factory, TriageMetrics.RejectedRequests);
        var ct = TestContext.Current.CancellationToken;

        (await _client.PostAsJsonAsync("/api/v1/tickets", new { title = "", impact = 1, urgency = 1 }, ct)).Dispose();
        (await _client.PostAsync(new Uri("/api/v1/tickets", UriKind.Relative), new StringContent("{\"title\":", Encoding.UTF8, "application/json"), ct)).Dispose();
        (await _client.PostAsync(new Uri("/api/v1/tickets", UriKind.Relative), new StringContent("title=x", Encoding.UTF8, "text/plain"), ct)).Dispose();
        (await _client.GetAsync(new Uri("/api/v1/tickets/987654321", UriKind.Relative), ct)).Dispose();

        var recorded = rejected.GetMeasurementSnapshot().Select(m => $"{m.Tags["reason"]}:{m.Tags["http.response.status_code"]}");
        Assert.Equal(["validation:400", "validation:400", "validation:415"], recorded);
    }

    [Fact]
    public async Task RefusedForAuthOrRateLimit_AreCountedWithTheirReason()
    {
        using var own = TriageApiFactory.WithSettings(new Dictionary<string, string?> { ["RateLimits:WriteBurst"] = "1", ["RateLimits:WritesPerSecond"] = "1" });
        var agent = own.CreateClient();
        using var rejected = Collect<long>(own, TriageMetrics.RejectedRequests);
        var ct = TestContext.Current.CancellationToken;
        var body = new { title = "VPN down", impact = 2, urgency = 2 };

        using var anonymous = await own.CreateAnonymousClient().PostAsJsonAsync("/api/v1/tickets", body, ct);
        using var viewer = await own.CreateClientAs("Viewer").PostAsJsonAsync("/api/v1/tickets", body, ct);
        var writes = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            writes.Add(await agent.PostAsJsonAsync("/api/v1/tickets", body, ct));
        }

        await anonymous.AssertStatusAsync(HttpStatusCode.Unauthorized);
        await viewer.AssertStatusAsync(HttpStatusCode.Forbidden);
        var limited = writes.Count(response => response.StatusCode == HttpStatusCode.TooManyRequests);
        writes.ForEach(response => response.Dispose());
        Assert.True(limited > 0, "No write was rate-limited.");
        var recorded = rejected.GetMeasurementSnapshot().Select(m => $"{m.Tags["reason"]}:{m.Tags["http.response.status_code"]}").ToList();
        Assert.Equal(["auth:401", "auth:403", .. Enumerable.Repeat("rate_limit:429", limited)], recorded);
    }

    [Fact]
    public async Task SlaScan_PastTheResponseTarget_CountsOneWarningAndOneBreach_TaggedWithPriorityAndClock()
    {
        // A host of its own: the clock moves past a P1's 15-minute response target.
        using var own = new TriageApiFactory();
        await own.CreateClient().CreateTicketAsync("Core router down", impact: 1, urgency: 1);
        using var warnings = Collect<long>(own, TriageMetrics.SlaWarnings);
        using var breaches = Collect<long>(own, TriageMetrics.SlaBreaches);

        own.AdvanceTime(TimeSpan.FromMinutes(16));
        Assert.Equal(2, await own.RunSlaScanAsync());
        Assert.Equal(0, await own.RunSlaScanAsync());

        var breach = Assert.Single(breaches.GetMeasurementSnapshot());
        Assert.Equal(1, breach.Value);
        Assert.Equal("P1", breach.Tags["priority"]);
        Assert.Equal("response", breach.Tags["clock"]);
        Assert.Equal(2, breach.Tags.Count);
        var warning = Assert.Single(warnings.GetMeasurementSnapshot());
        Assert.Equal("P1", warning.Tags["priority"]);
        Assert.Equal("response", warning.Tags["clock"]);
    }

    [Fact]
    public async Task WebhookDelivery_FailingOnceThenAccepted_CountsFailedThenDelivered_WithTheirDurations()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 1);
        using var own = TriageApiFactory.WithSettings(WebhookSettings(receiver));
        await own.CreateClient().CreateTicketAsync("Payments API down", impact: 1, urgency: 1);
        using var deliveries = Collect<long>(own, TriageMetrics.WebhookDeliveries);
        using var durations = Collect<double>(own, TriageMetrics.WebhookDeliveryDuration);

        Assert.Equal(0, await own.DeliverWebhooksAsync());
        own.AdvanceTime(TimeSpan.FromSeconds(6));
        Assert.Equal(1, await own.DeliverWebhooksAsync());

        Assert.Equal(
            ["ticket.p1_created/failed:1", "ticket.p1_created/delivered:1"],
            deliveries.GetMeasurementSnapshot().Select(m => $"{m.Tags["event_type"]}/{m.Tags["outcome"]}:{m.Value}"));
        Assert.All(deliveries.GetMeasurementSnapshot(), m => Assert.Equal(2, m.Tags.Count));
        var timed = durations.GetMeasurementSnapshot();
        Assert.Equal(["failed", "delivered"], timed.Select(m => m.Tags["outcome"]));
        Assert.All(timed, m => Assert.InRange(m.Value, double.Epsilon, 10.0));
        Assert.Equal(2, receiver.Requests.Count);
    }

    [Fact]
    public async Task WebhookDelivery_FailingOnTheLastAttempt_CountsAbandoned()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 10);
        using var own = TriageApiFactory.WithSettings(new Dictionary<string, string?>(WebhookSettings(receiver)) { ["Webhooks:MaxAttempts"] = "2" });
        await own.CreateClient().CreateTicketAsync("Warehouse scanners offline", impact: 1, urgency: 1);
        using var deliveries = Collect<long>(own, TriageMetrics.WebhookDeliveries);
        using var durations = Collect<double>(own, TriageMetrics.WebhookDeliveryDuration);

        Assert.Equal(0, await own.DeliverWebhooksAsync());
        own.AdvanceTime(TimeSpan.FromSeconds(6));
        Assert.Equal(0, await own.DeliverWebhooksAsync());
        own.AdvanceTime(TimeSpan.FromHours(2));
        Assert.Equal(0, await own.DeliverWebhooksAsync());

        Assert.Equal(["failed", "abandoned"], deliveries.GetMeasurementSnapshot().Select(m => m.Tags["outcome"]));
        Assert.Equal(["failed", "abandoned"], durations.GetMeasurementSnapshot().Select(m => m.Tags["outcome"]));
        Assert.Equal(2, receiver.Requests.Count);
    }

    [Theory]
    [InlineData(400, "validation")]
    [InlineData(413, "validation")]
    [InlineData(415, "validation")]
    [InlineData(422, "validation")]
    [InlineData(401, "auth")]
    [InlineData(403, "auth")]
    [InlineData(429, "rate_limit")]
    [InlineData(404, null)]
    [InlineData(409, null)]
    [InlineData(412, null)]
    [InlineData(500, null)]
    public void RejectionReason_ForStatus_IsValidationAuthOrRateLimit(int status, string? reason) =>
        Assert.Equal(reason, ProblemResponseTelemetry.ReasonFor(status));

    [Fact]
    public async Task Instruments_CarryLowCardinalityTagsOnly_NeverTicketIdsOrTexts()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 1);
        using var own = TriageApiFactory.WithSettings(WebhookSettings(receiver));
        var client = own.CreateClient();
        var meters = own.Services.GetRequiredService<IMeterFactory>();
        var collectors = new[]
            {
                TriageMetrics.TicketsCreated, TriageMetrics.Decisions, TriageMetrics.StatusMoves, TriageMetrics.RejectedRequests,
                TriageMetrics.OpenTickets, TriageMetrics.SlaWarnings, TriageMetrics.SlaBreaches, TriageMetrics.WebhookDeliveries,
            }
            .Select(name => new MetricCollector<long>(meters, TriageMetrics.MeterName, name))
            .ToList();
        using var durations = new MetricCollector<double>(meters, TriageMetrics.MeterName, TriageMetrics.WebhookDeliveryDuration);
        try
        {
            var marker = TicketClient.NewMarker();
            var ticket = await client.CreateTicketAsync($"{marker} VPN password reset", impact: 1, urgency: 1, description: $"{marker} details", caller: $"{marker}@example.com");
            await PatchAsync(client, ticket.GetProperty("id").GetInt64(), """{"status":"InProgress","assignee":"dana"}""");
            (await client.PostAsJsonAsync("/api/v1/tickets", new { title = marker, impact = 9, urgency = 1 }, TestContext.Current.CancellationToken)).Dispose();
            own.AdvanceTime(TimeSpan.FromHours(4));
            await own.RunSlaScanAsync();
            await own.DeliverWebhooksAsync();
            own.AdvanceTime(TimeSpan.FromSeconds(6));
            await own.DeliverWebhooksAsync();
            await own.Services.GetRequiredService<OpenTicketCounts>().RefreshAsync(TestContext.Current.CancellationToken);
            collectors.ForEach(collector => collector.RecordObservableInstruments());

            var tags = collectors.SelectMany(collector => collector.GetMeasurementSnapshot()).SelectMany(m => m.Tags)
                .Concat(durations.GetMeasurementSnapshot().SelectMany(m => m.Tags)).ToList();
            Assert.All(["clock", "event_type", "outcome"], key => Assert.Contains(key, tags.Select(tag => tag.Key)));
            Assert.All(tags, tag => Assert.Contains(tag.Key, LowCardinalityTags));
            var values = tags.Select(tag => Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty).ToList();
            Assert.DoesNotContain(values, value => value.Contains(marker, StringComparison.Ordinal) || value.Contains("dana", StringComparison.Ordinal));
            Assert.DoesNotContain(ticket.Text("number"), values);
            var eventIds = receiver.Requests.Select(request => request.EventId).ToHashSet();
            Assert.NotEmpty(eventIds);
            Assert.DoesNotContain(values, value => eventIds.Contains(value) || value.Contains(receiver.Url.Authority, StringComparison.Ordinal) || value.Contains(WebhookSecret, StringComparison.Ordinal));
        }
        finally
        {
            collectors.ForEach(collector => collector.Dispose());
        }
    }

    private static Dictionary<string, string?> WebhookSettings(WebhookReceiver receiver) => new()
    {
        ["Webhooks:Endpoints:0:Url"] = receiver.Url.ToString(),
        ["Webhooks:Endpoints:0:Secret"] = WebhookSecret,
    };

    private static MetricCollector<T> Collect<T>(TriageApiFactory host, string instrument)
        where T : struct =>
        new(host.Services.GetRequiredService<IMeterFactory>(), TriageMetrics.MeterName, instrument);

    private static async Task PatchAsync(HttpClient client, long id, string patch)
    {
        using var response = await SendPatchAsync(client, id, patch);
        await response.AssertStatusAsync(HttpStatusCode.OK);
    }

    private static async Task<HttpResponseMessage> SendPatchAsync(HttpClient client, long id, string patch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri($"/api/v1/tickets/{id}", UriKind.Relative))
        {
            Content = new StringContent(patch, Encoding.UTF8, "application/merge-patch+json"),
        };
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
