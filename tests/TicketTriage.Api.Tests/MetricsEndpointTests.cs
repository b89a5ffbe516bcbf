using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TicketTriage.Api.Tests.Infrastructure;
using TicketTriage.Api.Tests.Telemetry;

namespace TicketTriage.Api.Tests;

/// <summary>Where /metrics answers and who may read it, as configured under Telemetry:Metrics.</summary>
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task MetricsEndpoint_OnApiPortByDefault_RefusesAnonymousAndAnswersAReader()
    {
        using var factory = new TriageApiFactory();

        using var anonymous = await factory.CreateAnonymousClient().GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
        using var viewer = await factory.CreateClientAs("Viewer").GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized, "urn:ticket-triage:problem:unauthorized");
        await viewer.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Null(MetricsEndpoint(factory).Metadata.GetMetadata<IAllowAnonymous>());
    }

    [Fact]
    public async Task MetricsEndpoint_WithAllowAnonymous_AnswersPrometheusText()
    {
        using var factory = TriageApiFactory.WithSettings(new Dictionary<string, string?> { ["Telemetry:Metrics:AllowAnonymous"] = "true" });
        var client = factory.CreateAnonymousClient();

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE target_info gauge", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.NotNull(MetricsEndpoint(factory).Metadata.GetMetadata<IAllowAnonymous>());
    }

    [Fact]
    public async Task MetricsEndpoint_ShowsTheDatabaseWork_AndPassesPromtool()
    {
        using var factory = new TriageApiFactory();
        var client = factory.CreateClient();
        await client.CreateTicketAsync("VPN tunnel drops", impact: 1, urgency: 1);
        await client.GetJsonAsync("/api/v1/tickets?group=Network");

        var exposition = await factory.CreateClientAs("Viewer").GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("microsoft_entityframeworkcore_queries_total{", exposition, StringComparison.Ordinal);
        Assert.Contains("microsoft_entityframeworkcore_savechanges_total{", exposition, StringComparison.Ordinal);
        if (TriageApiFactory.DefaultProvider == Api.Persistence.DatabaseProvider.Postgres)
        {
            Assert.Contains("db_client_operation_duration_seconds_bucket{", exposition, StringComparison.Ordinal);
            Assert.Contains("db_client_connections{", exposition, StringComparison.Ordinal);
        }

        var (exitCode, output) = await Tools.RunAsync(Tools.Require("promtool"), exposition, "check", "metrics");
        Assert.True(exitCode == 0, $"promtool check metrics failed ({exitCode}):\n{output}");
    }

    [Fact]
    public async Task MetricsEndpoint_WithManagementPort_IsAnonymousThere_AndNotFoundOnTheApiPort()
    {
        using var factory = TriageApiFactory.WithSettings(new Dictionary<string, string?> { ["Telemetry:Metrics:Port"] = LoopbackPort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var client = factory.CreateAnonymousClient();

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "urn:ticket-triage:problem:not-found");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.NotNull(MetricsEndpoint(factory).Metadata.GetMetadata<IAllowAnonymous>());
    }

    [Theory]
    [InlineData("Telemetry:Metrics:Port", "70000")]
    [InlineData("Telemetry:Metrics:Host", "")]
    [InlineData("Telemetry:Metrics:OpenTicketsRefreshInterval", "00:00:00")]
    public void Start_WithInvalidMetricsSetting_FailsNamingIt(string key, string value)
    {
        using var factory = TriageApiFactory.WithSettings(new Dictionary<string, string?> { [key] = value });

        var failure = Assert.ThrowsAny<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
    }

    private static RouteEndpoint MetricsEndpoint(TriageApiFactory factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Single(endpoint => endpoint.RoutePattern.RawText == "/metrics");
}
