using System.Net;
using System.Net.Http.Json;
using System.Text;
using TicketTriage.Api.Tests.Infrastructure;
using TicketTriage.Api.Tests.Telemetry;

namespace TicketTriage.Api.Tests;

/// <summary>
/// The service as operators run it: a real process with <c>/metrics</c> on a management port, read by
/// Prometheus's own tools — promtool's linter and a real Prometheus server scraping it.
/// </summary>
public sealed class PrometheusScrapeTests(PrometheusScrapeTests.ServiceWithTraffic service) : IClassFixture<PrometheusScrapeTests.ServiceWithTraffic>
{
    [Fact]
    public async Task Scrape_AfterTraffic_PassesPromtoolCheckMetrics()
    {
        var exposition = await service.ScrapeAsync();

        var (exitCode, output) = await Tools.RunAsync(Tools.Require("promtool"), exposition, "check", "metrics");

        Assert.True(exitCode == 0, $"promtool check metrics failed ({exitCode}):\n{output}");
        Assert.Contains("triage_tickets_created_total{", exposition, StringComparison.Ordinal);
        Assert.Contains("triage_tickets_open{", exposition, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket{", exposition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrometheusServer_ScrapingTheService_ReturnsTicketsCreatedSeries()
    {
        using var prometheus = await PrometheusServer.StartAsync($"127.0.0.1:{service.Running.ManagementPort}");

        var up = await prometheus.QueryUntilAsync($"up{{job=\"{PrometheusServer.Job}\"}}", result => result.Length == 1 && PrometheusServer.ValueOf(result[0]) == 1, TimeSpan.FromSeconds(60));
        var created = await prometheus.QueryUntilAsync(
            "sum by (priority, assignment_group) (triage_tickets_created_total)",
            result => result.Length > 0,
            TimeSpan.FromSeconds(30));

        Assert.Single(up);
        var p1Network = Assert.Single(created, sample =>
            sample.GetProperty("metric").GetProperty("priority").GetString() == "P1"
            && sample.GetProperty("metric").GetProperty("assignment_group").GetString() == "Network");
        Assert.Equal(ServiceWithTraffic.P1NetworkTickets, PrometheusServer.ValueOf(p1Network));
        Assert.All(created, sample => Assert.True(PrometheusServer.ValueOf(sample) > 0));
    }

    [Fact]
    public async Task DeployedPrometheusConfig_PassesPromtoolCheckConfig()
    {
        var (exitCode, output) = await Tools.RunAsync(Tools.Require("promtool"), string.Empty, "check", "config", RepositoryFiles.PathOf("deploy", "prometheus.yml"));

        Assert.True(exitCode == 0, $"promtool check config failed ({exitCode}):\n{output}");
    }

    [Fact]
    public async Task ManagementPort_ServesMetricsAndHealthOnly_AndApiPortDoesNotServeMetrics()
    {
        using var metrics = await service.Running.Management.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
        using var health = await service.Running.Management.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);
        using var apiOnManagement = await service.Running.Management.GetAsync(new Uri("/api/v1/groups", UriKind.Relative), TestContext.Current.CancellationToken);
        using var metricsOnApi = await service.Running.Api.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        await metrics.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/plain", metrics.Content.Headers.ContentType?.MediaType);
        await health.AssertStatusAsync(HttpStatusCode.OK);
        await apiOnManagement.AssertProblemAsync(HttpStatusCode.NotFound, "urn:ticket-triage:problem:not-found");
        await metricsOnApi.AssertProblemAsync(HttpStatusCode.NotFound, "urn:ticket-triage:problem:not-found");
    }

    /// <summary>One service process for the class, with tickets created, moved and refused in it.</summary>
    public sealed class ServiceWithTraffic : IAsyncLifetime
    {
        public const int P1NetworkTickets = 3;

        private RunningService? _running;

        internal RunningService Running => _running ?? throw new InvalidOperationException("Not started.");

        public async ValueTask InitializeAsync()
        {
            _running = await RunningService.StartAsync();
            var api = Running.Api;
            var ct = TestContext.Current.CancellationToken;
            for (var i = 0; i < P1NetworkTickets; i++)
            {
                await api.CreateTicketAsync($"VPN tunnel drops {i}", impact: 1, urgency: 1);
            }

            var printer = await api.CreateTicketAsync("Printer on floor 3 jams", impact: 3, urgency: 3);
            await api.CreateTicketAsync("Something odd with the coffee machine", impact: 2, urgency: 2);

            using var move = new HttpRequestMessage(HttpMethod.Patch, new Uri($"/api/v1/tickets/{printer.GetProperty("id").GetInt64()}", UriKind.Relative))
            {
                Content = new StringContent("""{"status":"InProgress"}""", Encoding.UTF8, "application/merge-patch+json"),
            };
            (await api.SendAsync(move, ct)).Dispose();
            (await api.PostAsJsonAsync("/api/v1/triage", new { title = "Outlook will not start", impact = 2, urgency = 1 }, ct)).Dispose();
            (await api.PostAsJsonAsync("/api/v1/tickets", new { title = "", impact = 1, urgency = 1 }, ct)).Dispose();
            (await api.GetAsync(new Uri("/api/v1/tickets/999999", UriKind.Relative), ct)).Dispose();
        }

        /// <summary>What Prometheus gets, once the open-ticket counts include the traffic.</summary>
        public async Task<string> ScrapeAsync()
        {
            var deadline = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                var exposition = await Running.Management.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
                if (exposition.Contains("triage_tickets_open{", StringComparison.Ordinal) || deadline.Elapsed > TimeSpan.FromSeconds(10))
                {
                    return exposition;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);
            }
        }

        public ValueTask DisposeAsync()
        {
            _running?.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
