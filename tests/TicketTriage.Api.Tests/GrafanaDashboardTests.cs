using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TicketTriage.Api.Telemetry;
using TicketTriage.Api.Tests.Infrastructure;
using TicketTriage.Api.Tests.Telemetry;

namespace TicketTriage.Api.Tests;

/// <summary>deploy/grafana/ticket-triage.json is a dashboard whose every query reads a metric the service exposes.</summary>
public sealed class GrafanaDashboardTests
{
    [Fact]
    public void Dashboard_Parses_WithUniquePanelsAndQueries()
    {
        var dashboard = LoadDashboard();

        Assert.Equal("Ticket Triage", dashboard.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(dashboard.GetProperty("uid").GetString()));
        var ids = Descendants(dashboard).Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("gridPos", out _))
            .Select(panel => panel.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.NotEmpty(Expressions(dashboard));
    }

    [Fact]
    public void Dashboard_CoversRequestsTicketVolumeAndOpenTickets()
    {
        var expressions = Expressions(LoadDashboard());

        Assert.Contains(expressions, e => e.Contains("rate(http_server_request_duration_seconds_count", StringComparison.Ordinal) && e.Contains("http_route", StringComparison.Ordinal));
        Assert.Contains(expressions, e => e.Contains("histogram_quantile(0.99", StringComparison.Ordinal) && e.Contains("http_route", StringComparison.Ordinal));
        Assert.Contains(expressions, e => e.Contains("by (priority) (increase(triage_tickets_created_total", StringComparison.Ordinal));
        Assert.Contains(expressions, e => e.Contains("by (assignment_group) (increase(triage_tickets_created_total", StringComparison.Ordinal));
        Assert.Contains(expressions, e => e.Contains("triage_tickets_open", StringComparison.Ordinal));
    }

    [Fact]
    public void Dashboard_OpenTickets_AreNotAddedUpAcrossInstances()
    {
        // Every instance counts the whole database's open tickets: a sum over N instances would show N times as many.
        var openTickets = Expressions(LoadDashboard()).Where(e => PromQl.MetricNames(e).Contains("triage_tickets_open")).ToList();

        Assert.NotEmpty(openTickets);
        Assert.All(openTickets, e => Assert.StartsWith("max by (", e, StringComparison.Ordinal));
    }

    [Fact]
    public void Dashboard_CoversSlaBreachesAndWebhookFailuresAndLatency()
    {
        var dashboard = LoadDashboard();
        var expressions = Expressions(dashboard);

        Assert.Contains(expressions, e => e.Contains("by (priority, clock) (increase(triage_sla_breaches_total", StringComparison.Ordinal));
        Assert.Contains(expressions, e => e.Contains("by (priority, clock) (increase(triage_sla_warnings_total", StringComparison.Ordinal));
        Assert.Contains(expressions, e => e.Contains("rate(triage_webhooks_deliveries_total{outcome=~\"failed|abandoned\"}", StringComparison.Ordinal));
        Assert.Contains(expressions, e => e.Contains("histogram_quantile(0.99", StringComparison.Ordinal) && e.Contains("triage_webhooks_delivery_duration_seconds_bucket", StringComparison.Ordinal));
        Assert.DoesNotContain(Descendants(dashboard), e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("type", out var type) && type.GetString() == "text");
    }

    [Fact]
    public async Task Dashboard_EveryQuery_NamesMetricsTheServiceExposes()
    {
        var exposed = await ExposedSeriesAsync();
        var expressions = Expressions(LoadDashboard());

        Assert.All(expressions, expression =>
        {
            var names = PromQl.MetricNames(expression);
            Assert.True(names.Count > 0, $"'{expression}' names no metric.");
            var unknown = names.Where(name => !exposed.Contains(name)).ToList();
            Assert.True(unknown.Count == 0, $"'{expression}' reads {string.Join(", ", unknown)}, which /metrics does not expose.");
        });
    }

    [Theory]
    [InlineData("sum by (priority) (increase(triage_tickets_created_total[1h]))", "triage_tickets_created_total")]
    [InlineData("histogram_quantile(0.99, sum by (le, http_route) (rate(http_server_request_duration_seconds_bucket[$__rate_interval])))", "http_server_request_duration_seconds_bucket")]
    [InlineData("sum(rate(x_total{code=~\"4..|5..\", route!=\"by (me)\"}[5m])) / on (job) group_left (a) y", "x_total,y")]
    [InlineData("rate(a[5m] offset 1h) > bool 1e3", "a")]
    public void PromQlReader_FindsTheSelectedMetrics(string expression, string expected) =>
        Assert.Equal(expected.Split(','), PromQl.MetricNames(expression));

    /// <summary>Every series name /metrics gives after each instrument has had something to measure.</summary>
    private static async Task<HashSet<string>> ExposedSeriesAsync()
    {
        // A receiver that refuses the first webhook, so deliveries are counted both failed and delivered.
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 1);
        using var factory = TriageApiFactory.WithSettings(new Dictionary<string, string?>
        {
            ["Telemetry:Metrics:AllowAnonymous"] = "true",
            ["Webhooks:Endpoints:0:Url"] = receiver.Url.ToString(),
            ["Webhooks:Endpoints:0:Secret"] = "dashboard-test-secret",
        });
        var client = factory.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var ticket = await client.CreateTicketAsync("Email bounces for the sales team", impact: 2, urgency: 1);
        using (var move = new HttpRequestMessage(HttpMethod.Patch, new Uri($"/api/v1/tickets/{ticket.GetProperty("id").GetInt64()}", UriKind.Relative)))
        {
            move.Content = new StringContent("""{"status":"InProgress"}""", Encoding.UTF8, "application/merge-patch+json");
            using var moved = await client.SendAsync(move, ct);
            await moved.AssertStatusAsync(HttpStatusCode.OK);
        }

        (await client.PostAsJsonAsync("/api/v1/tickets", new { title = "", impact = 1, urgency = 1 }, ct)).Dispose();

        // A P1 past its 15-minute response target: an SLA warning and a breach, and three webhook
        // events, the first of which fails once and is delivered on the retry 5 s later.
        await client.CreateTicketAsync("Payroll database down", impact: 1, urgency: 1);
        factory.AdvanceTime(TimeSpan.FromMinutes(16));
        Assert.Equal(2, await factory.RunSlaScanAsync());
        Assert.Equal(2, await factory.DeliverWebhooksAsync());
        factory.AdvanceTime(TimeSpan.FromSeconds(6));
        Assert.Equal(1, await factory.DeliverWebhooksAsync());
        await factory.Services.GetRequiredService<OpenTicketCounts>().RefreshAsync(ct);

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), ct);
        await response.AssertStatusAsync(HttpStatusCode.OK);
        return ScrapedMetrics.SeriesNames(await response.Content.ReadAsStringAsync(ct));
    }

    private static JsonElement LoadDashboard()
    {
        var path = RepositoryFiles.PathOf("deploy", "grafana", "ticket-triage.json");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
    }

    private static List<string> Expressions(JsonElement dashboard) =>
        [.. Descendants(dashboard)
            .Where(element => element.ValueKind == JsonValueKind.Object && element.TryGetProperty("expr", out _))
            .Select(target => target.GetProperty("expr").GetString() ?? string.Empty)];

    private static IEnumerable<JsonElement> Descendants(JsonElement element)
    {
        yield return element;
        var children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Select(property => property.Value),
            JsonValueKind.Array => element.EnumerateArray(),
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }
}
