using System.Net;
using System.Text.Json;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>The slaState filter on the list and the CSV export: tickets whose clocks are breached, at risk or paused now.</summary>
public sealed class SlaStateFilterTests : IDisposable
{
    // A host of its own: these tests move the clock by hours.
    private readonly TriageApiFactory _factory = new();
    private readonly HttpClient _client;

    public SlaStateFilterTests() => _client = _factory.CreateClient();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task SlaState_ListsTheTicketsWithAClockInThatStateAsTimePasses()
    {
        // P1: response 15 min, resolution 4 h; P2: 1 h / 8 h; warnings at 75 %.
        var waiting = (await _client.CreateTicketAsync("Core switch down", impact: 1, urgency: 1)).Id();
        var worked = (await _client.CreateTicketAsync("Payroll export fails", impact: 1, urgency: 1)).Id();
        var held = (await _client.CreateTicketAsync("VPN flaps for the Leeds office", impact: 2, urgency: 2)).Id();
        var done = (await _client.CreateTicketAsync("Mail queue stuck", impact: 1, urgency: 1)).Id();
        await _client.UpdateTicketAsync(worked, new { status = "InProgress" });
        await _client.UpdateTicketAsync(held, new { status = "OnHold", holdReason = "AwaitingVendor" });
        await _client.UpdateTicketAsync(done, new { status = "Resolved", resolutionCode = "Fixed", resolutionNotes = "Queue restarted" });

        _factory.AdvanceTime(TimeSpan.FromMinutes(12));
        Assert.Equal([waiting], await IdsAsync("slaState=atRisk"));
        Assert.Equal([held], await IdsAsync("slaState=paused"));
        Assert.Empty(await IdsAsync("slaState=breached"));

        // Past the response target: breached before the scan records it and after, the same.
        _factory.AdvanceTime(TimeSpan.FromMinutes(4));
        Assert.Equal([waiting], await IdsAsync("slaState=breached"));
        Assert.Empty(await IdsAsync("slaState=atRisk"));
        Assert.Equal(2, await _factory.RunSlaScanAsync());
        Assert.Equal([waiting], await IdsAsync("slaState=breached"));
        Assert.Equal([waiting, held], await IdsAsync("slaState=BREACHED,paused"));
        Assert.Equal([waiting, held], await IdsAsync("slaState=breached&slaState=paused"));

        // Three hours in, both P1 resolution clocks pass 75 %: the one whose response breached is at risk too.
        _factory.AdvanceTime(TimeSpan.FromHours(3));
        Assert.Equal([waiting, worked], await IdsAsync("slaState=atRisk"));
        Assert.Equal([waiting, worked], await IdsAsync("slaState=atRisk&sort=priority"));
        Assert.Equal([worked], await IdsAsync("slaState=atRisk&status=InProgress"));
        Assert.Equal([waiting, worked, held], await IdsAsync("slaState=atRisk,paused&open=true"));
        Assert.Empty(await IdsAsync("slaState=paused&status=Closed"));

        // Each listed ticket shows the state it was listed for.
        foreach (var ticket in await _client.ListAllAsync("slaState=breached"))
        {
            Assert.Contains("breached", Clocks(ticket).Select(clock => clock.Text("state")));
        }

        foreach (var ticket in await _client.ListAllAsync("slaState=atRisk"))
        {
            Assert.Contains(Clocks(ticket), clock => clock.Text("state") == "running" && clock.GetProperty("percentElapsed").GetDouble() >= 75);
        }

        foreach (var ticket in await _client.ListAllAsync("slaState=paused"))
        {
            Assert.Contains("paused", Clocks(ticket).Select(clock => clock.Text("state")));
        }

        // Work resumes on the held ticket: no longer paused, not yet at risk (its clock stood still on hold).
        await _client.UpdateTicketAsync(held, new { status = "InProgress" });
        Assert.Empty(await IdsAsync("slaState=paused"));
        Assert.DoesNotContain(held, await IdsAsync("slaState=atRisk"));
    }

    [Fact]
    public async Task SlaState_FiltersTheCsvExport()
    {
        var held = await _client.CreateTicketAsync("VPN flaps for the Leeds office", impact: 2, urgency: 2);
        await _client.CreateTicketAsync("Printer tray jammed", impact: 3, urgency: 3);
        await _client.UpdateTicketAsync(held.Id(), new { status = "OnHold", holdReason = "AwaitingCaller" });

        var rows = await _client.GetCsvAsync("/api/v1/reports/tickets.csv?slaState=paused");

        Assert.Equal(2, rows.Count);
        Assert.Equal(held.Text("number"), rows[1][0]);
    }

    [Theory]
    [InlineData("/api/v1/tickets?slaState=late")]
    [InlineData("/api/v1/reports/tickets.csv?slaState=breached,overdue")]
    public async Task SlaState_Unknown_IsA400NamingTheStates(string url)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "urn:ticket-triage:problem:validation");
        Assert.Contains("breached, atRisk, paused", Assert.Single(problem.ErrorsFor("slaState")), StringComparison.Ordinal);
    }

    private async Task<long[]> IdsAsync(string query) => [.. (await _client.ListIdsAsync(query, limit: 1)).Order()];

    private static IEnumerable<JsonElement> Clocks(JsonElement ticket) =>
        [ticket.GetProperty("sla").GetProperty("response"), ticket.GetProperty("sla").GetProperty("resolution")];
}
