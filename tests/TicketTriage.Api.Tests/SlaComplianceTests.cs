using System.Globalization;
using System.Text.Json;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>The summary's SLA compliance: met and breached clocks by priority and by group over a window, worked out by hand.</summary>
public sealed class SlaComplianceTests : IDisposable
{
    // A host of its own: these tests move the clock by hours.
    private readonly TriageApiFactory _factory = new();
    private readonly HttpClient _client;

    public SlaComplianceTests() => _client = _factory.CreateClient();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Summary_CountsEachClockAsMetOrBreachedWhenItsOutcomeIsDecided()
    {
        var start = await DriveFiveTicketsForFiveHoursAsync();

        var summary = await _client.GetJsonAsync("/api/v1/reports/summary");

        // Response: quick met it; slow (New 20 min), vpn (answered after 2 h) and ignored breached it.
        var response = summary.GetProperty("slaCompliance").GetProperty("response");
        Assert.Equal((1, 3, 25.0), Totals(response));
        Assert.Equal((1, 2, 33.3), Entry(response, "byPriority", "P1"));
        Assert.Equal((0, 1, 0.0), Entry(response, "byPriority", "P2"));
        Assert.Equal((0, 1, 0.0), Entry(response, "byGroup", "Network"));
        Assert.Equal(JsonValueKind.Null, Find(response, "byPriority", "P3").GetProperty("percentage").ValueKind);

        // Resolution: quick and vpn resolved in time; slow and ignored passed 4 h unresolved, before any scan recorded it.
        var resolution = summary.GetProperty("slaCompliance").GetProperty("resolution");
        Assert.Equal((2, 2, 50.0), Totals(resolution));
        Assert.Equal((1, 2, 33.3), Entry(resolution, "byPriority", "P1"));
        Assert.Equal((1, 0, 100.0), Entry(resolution, "byGroup", "Network"));

        // A window counts the outcomes decided in it: after 3 h, only the two resolution breaches at 4 h.
        var late = (await _client.GetJsonAsync($"/api/v1/reports/summary?from={Iso(start.AddHours(3))}")).GetProperty("slaCompliance");
        Assert.Equal((0, 0, (double?)null), TotalsOrNull(late.GetProperty("response")));
        Assert.Equal((0, 2, 0.0), Totals(late.GetProperty("resolution")));
        var early = (await _client.GetJsonAsync($"/api/v1/reports/summary?to={Iso(start.AddHours(3))}")).GetProperty("slaCompliance");
        Assert.Equal((1, 3, 25.0), Totals(early.GetProperty("response")));
        Assert.Equal((2, 0, 100.0), Totals(early.GetProperty("resolution")));

        // The filters narrow it like every other figure.
        var network = (await _client.GetJsonAsync("/api/v1/reports/summary?group=network")).GetProperty("slaCompliance");
        Assert.Equal((0, 1, 0.0), Totals(network.GetProperty("response")));
    }

    [Fact]
    public async Task SummaryCsv_HasTheComplianceRows()
    {
        await DriveFiveTicketsForFiveHoursAsync();

        var rows = (await _client.GetCsvAsync("/api/v1/reports/summary.csv")).ConvertAll(row => string.Join(',', row));

        Assert.Contains("slaResponseMet,all,1", rows);
        Assert.Contains("slaResponseBreached,all,3", rows);
        Assert.Contains("slaResponsePercentage,all,25.0", rows);
        Assert.Contains("slaResolutionBreachedByPriority,P1,2", rows);
        Assert.Contains("slaResolutionPercentageByGroup,Network,100.0", rows);
        Assert.Contains("slaResponsePercentageByPriority,P4,", rows);
    }

    /// <summary>
    /// Five tickets, five hours: a P1 answered and resolved in time, a P1 left New 20 min then worked, a Network P2
    /// answered after 2 h and resolved 10 min later, a P1 cancelled at once (left out), and a P1 never touched. The
    /// SLA scan runs once, at 3 h. Returns when the tickets were created.
    /// </summary>
    private async Task<DateTimeOffset> DriveFiveTicketsForFiveHoursAsync()
    {
        var quick = await _client.CreateTicketAsync("Payroll export fails", impact: 1, urgency: 1);
        var slow = await _client.CreateTicketAsync("Laptop battery swollen", impact: 1, urgency: 1);
        var vpn = await _client.CreateTicketAsync("VPN drops every hour", impact: 2, urgency: 2);
        var cancelled = await _client.CreateTicketAsync("Printer tray jammed", impact: 1, urgency: 1);
        await _client.CreateTicketAsync("Badge reader dead at the front door", impact: 1, urgency: 1);
        Assert.Equal("Network", vpn.Text("assignmentGroup"));
        Assert.NotEqual("Network", quick.Text("assignmentGroup"));
        Assert.NotEqual("Network", slow.Text("assignmentGroup"));
        var start = DateTimeOffset.Parse(quick.Text("createdAt"), CultureInfo.InvariantCulture);
        await _client.UpdateTicketAsync(cancelled.Id(), new { status = "Cancelled", reason = "Logged twice" });

        _factory.AdvanceTime(TimeSpan.FromMinutes(5));
        await _client.UpdateTicketAsync(quick.Id(), new { status = "InProgress" });
        _factory.AdvanceTime(TimeSpan.FromMinutes(15));
        await _client.UpdateTicketAsync(slow.Id(), new { status = "InProgress" });
        _factory.AdvanceTime(TimeSpan.FromMinutes(40));
        await _client.UpdateTicketAsync(quick.Id(), Resolve);
        _factory.AdvanceTime(TimeSpan.FromHours(1));
        await _client.UpdateTicketAsync(vpn.Id(), new { status = "InProgress" });
        _factory.AdvanceTime(TimeSpan.FromMinutes(10));
        await _client.UpdateTicketAsync(vpn.Id(), Resolve);
        _factory.AdvanceTime(TimeSpan.FromMinutes(50));
        Assert.True(await _factory.RunSlaScanAsync() > 0);
        _factory.AdvanceTime(TimeSpan.FromHours(2));
        return start;
    }

    private static readonly object Resolve = new { status = "Resolved", resolutionCode = "Fixed", resolutionNotes = "Done" };

    private static string Iso(DateTimeOffset instant) => Uri.EscapeDataString(instant.ToString("O", CultureInfo.InvariantCulture));

    private static (int Met, int Breached, double Percentage) Totals(JsonElement clock) =>
        (clock.GetProperty("met").GetInt32(), clock.GetProperty("breached").GetInt32(), clock.GetProperty("percentage").GetDouble());

    private static (int Met, int Breached, double? Percentage) TotalsOrNull(JsonElement clock) =>
        (clock.GetProperty("met").GetInt32(), clock.GetProperty("breached").GetInt32(),
            clock.GetProperty("percentage").ValueKind == JsonValueKind.Null ? null : clock.GetProperty("percentage").GetDouble());

    private static (int Met, int Breached, double Percentage) Entry(JsonElement clock, string dimension, string key) => Totals(Find(clock, dimension, key));

    private static JsonElement Find(JsonElement clock, string dimension, string key) =>
        Assert.Single(clock.GetProperty(dimension).EnumerateArray(), entry => entry.Text("key") == key);
}
