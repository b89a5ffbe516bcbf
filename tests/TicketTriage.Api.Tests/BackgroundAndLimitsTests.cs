using System.Net;
using System.Net.Http.Json;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>The SLA monitor on the injected clock, and the per-caller write limit, each on a host of its own.</summary>
public sealed class BackgroundAndLimitsTests
{
    [Fact]
    public async Task SlaMonitor_Enabled_RecordsABreachWithinOneScanInterval()
    {
        using var factory = TriageApiFactory.WithSettings(new Dictionary<string, string?>
        {
            ["Sla:MonitorEnabled"] = "true",
            ["Sla:ScanInterval"] = "00:00:15",
        });
        var client = factory.CreateClient();
        var ticket = await client.CreateTicketAsync("Trading floor offline", impact: 1, urgency: 1);
        factory.AdvanceTime(TimeSpan.FromMinutes(15));

        // The monitor's timer runs on the fake clock: one scan interval later it must have seen the breach.
        var breaches = 0;
        for (var step = 0; step < 50 && breaches == 0; step++)
        {
            factory.AdvanceTime(TimeSpan.FromSeconds(step == 0 ? 15 : 0));
            await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
            breaches = (await client.GetHistoryAsync(ticket.Id())).Count(entry => entry.Text("type") == "slaBreached");
        }

        Assert.Equal(1, breaches);
    }

    [Fact]
    public async Task Writes_BeyondTheCallersLimit_AreRateLimitedPerCaller()
    {
        using var factory = TriageApiFactory.WithSettings(new Dictionary<string, string?>
        {
            ["RateLimits:WritesPerSecond"] = "1",
            ["RateLimits:WriteBurst"] = "2",
        });
        var dana = factory.CreateClientAs("Agent", "dana@example.test");
        var erin = factory.CreateClientAs("Agent", "erin@example.test");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await dana.PostAsJsonAsync("/api/v1/tickets", new { title = $"burst {i}", impact = 3, urgency = 3 }, TestContext.Current.CancellationToken));
        }

        var other = await erin.PostAsJsonAsync("/api/v1/tickets", new { title = "someone else", impact = 3, urgency = 3 }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, answers[0].StatusCode);
        Assert.Equal(HttpStatusCode.Created, answers[1].StatusCode);
        var limited = answers.First(answer => answer.StatusCode == HttpStatusCode.TooManyRequests);
        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests, "urn:ticket-triage:problem:too-many-requests");
        Assert.NotNull(limited.Headers.RetryAfter);
        await other.AssertStatusAsync(HttpStatusCode.Created);
    }
}
