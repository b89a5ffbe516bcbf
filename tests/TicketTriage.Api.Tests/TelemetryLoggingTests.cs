using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using TicketTriage.Api.Tests.Infrastructure;
using TicketTriage.Api.Tests.Telemetry;

namespace TicketTriage.Api.Tests;

/// <summary>Logs: one line per error answer with its problem type, no ticket texts or secrets, trace ids in JSON.</summary>
public sealed class TelemetryLoggingTests
{
    private const string ProblemPrefix = "urn:ticket-triage:problem:";

    [Fact]
    public async Task ErrorAnswers_AreLoggedOnceEach_WithTheirProblemType()
    {
        using var factory = new TriageApiFactory();
        using var host = WithFakeLogging(factory);
        var client = host.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        (await client.GetAsync(new Uri("/api/v1/tickets/424242", UriKind.Relative), ct)).Dispose();
        (await client.PostAsync(new Uri("/api/v1/tickets", UriKind.Relative), new StringContent("{\"title\":", Encoding.UTF8, "application/json"), ct)).Dispose();
        (await client.PostAsJsonAsync("/api/v1/tickets", new { title = "", impact = 1, urgency = 1 }, ct)).Dispose();

        var problems = Collector(host).GetSnapshot()
            .Where(record => record.GetStructuredStateValue("ProblemType")?.StartsWith(ProblemPrefix, StringComparison.Ordinal) == true)
            .Select(record => record.GetStructuredStateValue("ProblemType")![ProblemPrefix.Length..])
            .ToList();
        Assert.Equal(["not-found", "invalid-json", "validation"], problems);
        var notFound = Assert.Single(Collector(host).GetSnapshot(), record => record.Message.Contains("not-found", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, notFound.Level);
        Assert.Equal("/api/v1/tickets/{id:long}", notFound.GetStructuredStateValue("Route"));
    }

    [Fact]
    public async Task WorkingATicket_LogsNoTicketTextCallerOrSecret_AtInformationOrAbove()
    {
        using var factory = new TriageApiFactory();
        using var host = WithFakeLogging(factory);
        var client = host.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var marker = TicketClient.NewMarker();

        var ticket = await client.CreateTicketAsync($"{marker} password hunter2 expired", description: $"{marker} token=s3cr3t", caller: $"{marker}@example.com");
        var id = ticket.GetProperty("id").GetInt64();
        (await client.PostAsJsonAsync($"/api/v1/tickets/{id}/notes", new { body = $"{marker} called back" }, ct)).Dispose();
        using (var resolve = new HttpRequestMessage(HttpMethod.Patch, new Uri($"/api/v1/tickets/{id}", UriKind.Relative)))
        {
            resolve.Content = new StringContent($$"""{"status":"Resolved","resolutionCode":"Fixed","resolutionNotes":"{{marker}} reset"}""", Encoding.UTF8, "application/merge-patch+json");
            (await client.SendAsync(resolve, ct)).Dispose();
        }

        (await client.PostAsJsonAsync("/api/v1/tickets", new { title = new string('x', 201) + marker, impact = 1, urgency = 1 }, ct)).Dispose();
        (await client.PostAsync(new Uri("/api/v1/tickets", UriKind.Relative), new StringContent($"{{\"title\":\"{marker}\",", Encoding.UTF8, "application/json"), ct)).Dispose();

        var logged = Collector(host).GetSnapshot().Where(record => record.Level >= LogLevel.Information).ToList();
        Assert.NotEmpty(logged);
        Assert.All(logged, record =>
        {
            var text = record.Message + string.Concat(record.StructuredState?.Select(pair => pair.Value) ?? []) + record.Exception;
            Assert.DoesNotContain(marker, text, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
            Assert.DoesNotContain("s3cr3t", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task JsonConsoleFormat_OnRealProcess_LogsJsonLinesCarryingTheRequestsTraceAndSpanIds()
    {
        using var service = await RunningService.StartAsync(new Dictionary<string, string> { ["Logging__Console__FormatterName"] = "json" });

        using var response = await service.Api.GetAsync(new Uri("/api/v1/tickets/424242", UriKind.Relative), TestContext.Current.CancellationToken);
        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound, ProblemPrefix + "not-found");

        // traceparent: 00-<trace id>-<span id>-<flags>
        var traceParent = problem.GetProperty("traceId").GetString()!.Split('-');
        var line = await WaitForLineAsync(service, "answered 404");
        var entry = JsonDocument.Parse(line).RootElement;
        Assert.Equal("Information", entry.GetProperty("LogLevel").GetString());
        Assert.Equal(ProblemPrefix + "not-found", entry.GetProperty("State").GetProperty("ProblemType").GetString());
        var trace = Assert.Single(entry.GetProperty("Scopes").EnumerateArray(), scope => scope.TryGetProperty("TraceId", out _));
        Assert.Equal(traceParent[1], trace.GetProperty("TraceId").GetString());
        Assert.Equal(traceParent[2], trace.GetProperty("SpanId").GetString());
        Assert.All(service.Output.Where(output => output.Length > 0), output => JsonDocument.Parse(output).Dispose());
    }

    private static WebApplicationFactory<Program> WithFakeLogging(TriageApiFactory factory) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddFakeLogging()));

    private static FakeLogCollector Collector(WebApplicationFactory<Program> host) => host.Services.GetFakeLogCollector();

    private static async Task<string> WaitForLineAsync(RunningService service, string text)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            var line = service.Output.FirstOrDefault(output => output.Contains(text, StringComparison.Ordinal));
            if (line is not null)
            {
                return line;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken);
        }

        throw new Xunit.Sdk.XunitException($"No log line with '{text}' in:\n{string.Join('\n', service.Output)}");
    }
}
