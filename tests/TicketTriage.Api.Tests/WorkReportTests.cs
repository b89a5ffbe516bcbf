using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>The lifecycle filters and report figures, checked against values worked out by hand.</summary>
public sealed class WorkReportTests : IDisposable
{
    // A host of its own: these tests move the clock by hours and days.
    private readonly TriageApiFactory _factory = new();
    private readonly HttpClient _client;

    public WorkReportTests() => _client = _factory.CreateClient();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Summary_AfterTimedWork_GivesHandComputedMeanTimesAndOpenCounts()
    {
        var marker = TicketClient.NewMarker();
        var start = _factory.Time.GetUtcNow();
        var a = await _client.CreateTicketAsync($"{marker} vpn a", impact: 1, urgency: 2);    // P2
        var b = await _client.CreateTicketAsync($"{marker} vpn b", impact: 2, urgency: 1);    // P2
        var c = await _client.CreateTicketAsync($"{marker} laptop c", impact: 3, urgency: 3); // P4, stays New

        _factory.AdvanceTime(TimeSpan.FromMinutes(10));
        await PatchAsync(a, new { status = "InProgress" });                                     // A responds after 600 s
        _factory.AdvanceTime(TimeSpan.FromMinutes(20));
        await AddNoteAsync(b, "Looking at it");                                                // B responds after 1800 s
        _factory.AdvanceTime(TimeSpan.FromMinutes(30));
        await PatchAsync(a, new { status = "Resolved", resolutionCode = "Fixed", resolutionNotes = "Rebooted the VPN concentrator" }); // A resolves after 3600 s
        _factory.AdvanceTime(TimeSpan.FromMinutes(60));
        await PatchAsync(b, new { status = "Resolved", resolutionCode = "Workaround", resolutionNotes = "Use the backup tunnel" });    // B resolves after 7200 s

        var all = await _client.GetJsonAsync($"/api/v1/reports/summary?q={marker}");
        Assert.Equal([("P1", 0, null), ("P2", 2, 1200L), ("P3", 0, null), ("P4", 0, null)], Means(all.GetProperty("meanTimeToRespond")));
        Assert.Equal([("P1", 0, null), ("P2", 2, 5400L), ("P3", 0, null), ("P4", 0, null)], Means(all.GetProperty("meanTimeToResolve")));
        var open = all.GetProperty("open");
        Assert.Equal(1, open.GetProperty("total").GetInt32());
        Assert.Equal([("New", 1), ("InProgress", 0), ("OnHold", 0)], Counts(open.GetProperty("byStatus")));
        Assert.Contains((c.Text("assignmentGroup"), 1), Counts(open.GetProperty("byGroup")));
        Assert.Contains(("Network", 0), Counts(open.GetProperty("byGroup")));

        // One team's summary: its mean times count that group's tickets alone, the group named in any case.
        var network = await _client.GetJsonAsync($"/api/v1/reports/summary?q={marker}&group=network");
        Assert.Equal(("P2", 2, 5400L), Means(network.GetProperty("meanTimeToResolve"))[1]);
        var elsewhere = await _client.GetJsonAsync($"/api/v1/reports/summary?q={marker}&group={Uri.EscapeDataString(c.Text("assignmentGroup"))}");
        Assert.All(Means(elsewhere.GetProperty("meanTimeToRespond")), mean => Assert.Equal(0, mean.Tickets));

        var from = Iso(start + TimeSpan.FromMinutes(15));
        var to = Iso(start + TimeSpan.FromMinutes(90));
        var windowed = await _client.GetJsonAsync($"/api/v1/reports/summary?q={marker}&from={from}&to={to}");
        Assert.Equal(("P2", 1, 1800L), Means(windowed.GetProperty("meanTimeToRespond"))[1]);
        Assert.Equal(("P2", 1, 3600L), Means(windowed.GetProperty("meanTimeToResolve"))[1]);
        Assert.Equal(from, windowed.Text("from"));

        var csv = await _client.GetCsvAsync($"/api/v1/reports/summary.csv?q={marker}");
        Assert.Contains(["meanSecondsToRespond", "P2", "1200"], csv);
        Assert.Contains(["meanSecondsToResolve", "P2", "5400"], csv);
        Assert.Contains(["meanSecondsToResolve", "P4", ""], csv);
        Assert.Contains(["open", "all", "1"], csv);
        Assert.Contains(["openStatus", "New", "1"], csv);
    }

    [Fact]
    public async Task ListTickets_ByAssigneeAndOpen_ReturnsHandPickedTickets()
    {
        var marker = TicketClient.NewMarker();
        var dana = await _client.CreateTicketAsync($"{marker} one");
        var sam = await _client.CreateTicketAsync($"{marker} two");
        var nobody = await _client.CreateTicketAsync($"{marker} three");
        await PatchAsync(dana, new { assignee = "Dana Scully" });
        await PatchAsync(sam, new { assignee = "Sam Tyler", status = "Cancelled", reason = "Raised twice" });

        Assert.Equal([Id(dana)], Ids(await _client.ListAllAsync($"q={marker}&assignee=dana%20scully")));
        Assert.Equal([Id(sam), Id(dana)], Ids(await _client.ListAllAsync($"q={marker}&assignee=Dana%20Scully&assignee=SAM%20TYLER")));
        Assert.Equal([Id(nobody), Id(dana)], Ids(await _client.ListAllAsync($"q={marker}&open=true")));
        Assert.Equal([Id(sam)], Ids(await _client.ListAllAsync($"q={marker}&open=false")));
    }

    [Fact]
    public async Task ListTickets_ByCreatedAndUpdatedRanges_ReturnsTicketsInsideThem()
    {
        var marker = TicketClient.NewMarker();
        var early = await _client.CreateTicketAsync($"{marker} early");
        _factory.AdvanceTime(TimeSpan.FromDays(1));
        var middle = _factory.Time.GetUtcNow();
        var late = await _client.CreateTicketAsync($"{marker} late");
        _factory.AdvanceTime(TimeSpan.FromDays(1));
        var touched = _factory.Time.GetUtcNow();
        await PatchAsync(early, new { title = $"{marker} early, edited" });

        Assert.Equal([Id(early)], Ids(await _client.ListAllAsync($"q={marker}&createdTo={Iso(middle)}")));
        Assert.Equal([Id(late)], Ids(await _client.ListAllAsync($"q={marker}&createdFrom={Iso(middle)}")));
        Assert.Equal([Id(early)], Ids(await _client.ListAllAsync($"q={marker}&updatedFrom={Iso(touched)}")));
        Assert.Equal([Id(late)], Ids(await _client.ListAllAsync($"q={marker}&updatedFrom={Iso(middle)}&updatedTo={Iso(touched)}")));
        Assert.Empty(await _client.ListAllAsync($"q={marker}&createdFrom={Iso(touched)}"));
    }

    [Theory]
    [InlineData("open=maybe", "open")]
    [InlineData("createdFrom=yesterday", "createdFrom")]
    [InlineData("createdTo=2026-13-45", "createdTo")]
    [InlineData("updatedFrom=2026-11-02&updatedTo=2026-11-01", "updatedTo")]
    public async Task ListTickets_WithInvalidLifecycleFilter_ReturnsValidationProblem(string query, string parameter)
    {
        var response = await _client.GetAsync(new Uri($"/api/v1/tickets?{query}", UriKind.Relative), TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "urn:ticket-triage:problem:validation");
        Assert.Contains(parameter, problem.ErrorsFor(parameter)[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_WithWindowEndingBeforeItStarts_ReturnsValidationProblem()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/reports/summary?from=2026-11-02&to=2026-11-01", UriKind.Relative), TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "urn:ticket-triage:problem:validation");
        Assert.NotEmpty(problem.ErrorsFor("to"));
    }

    [Fact]
    public async Task ExportTicketsCsv_AfterWork_CarriesAssigneeAndLifecycleTimes()
    {
        var marker = TicketClient.NewMarker();
        var ticket = await _client.CreateTicketAsync($"{marker} printer toner");
        await PatchAsync(ticket, new { assignee = "Pat", status = "Resolved", resolutionCode = "Fixed", resolutionNotes = "New toner" });
        await PatchAsync(ticket, new { status = "Closed" });
        var stored = await _client.GetJsonAsync($"/api/v1/tickets/{Id(ticket)}");

        var rows = await _client.GetCsvAsync($"/api/v1/reports/tickets.csv?q={marker}");

        var header = rows[0].ToList();
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal("Pat", row[header.IndexOf("assignee")]);
        Assert.Equal(stored.Text("respondedAt"), row[header.IndexOf("respondedAt")]);
        Assert.Equal(stored.Text("resolvedAt"), row[header.IndexOf("resolvedAt")]);
        Assert.Equal(stored.Text("closedAt"), row[header.IndexOf("closedAt")]);
        Assert.Equal("Closed", row[header.IndexOf("status")]);
        Assert.Equal("Fixed", row[header.IndexOf("resolutionCode")]);
        Assert.Equal("0", row[header.IndexOf("reopenCount")]);
    }

    private async Task PatchAsync(JsonElement ticket, object patch)
    {
        using var content = new StringContent(JsonSerializer.Serialize(patch), Encoding.UTF8, "application/merge-patch+json");
        var response = await _client.PatchAsync(new Uri($"/api/v1/tickets/{Id(ticket)}", UriKind.Relative), content, TestContext.Current.CancellationToken);
        await response.AssertStatusAsync(HttpStatusCode.OK);
    }

    private async Task AddNoteAsync(JsonElement ticket, string body)
    {
        var response = await _client.PostAsJsonAsync($"/api/v1/tickets/{Id(ticket)}/notes", new { body, visibility = "internal" }, TestContext.Current.CancellationToken);
        await response.AssertStatusAsync(HttpStatusCode.Created);
    }

    private static long Id(JsonElement ticket) => ticket.GetProperty("id").GetInt64();

    private static List<long> Ids(IEnumerable<JsonElement> tickets) => [.. tickets.Select(Id)];

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static List<(string Key, int Count)> Counts(JsonElement counts) =>
        [.. counts.EnumerateArray().Select(count => (count.Text("key"), count.GetProperty("count").GetInt32()))];

    private static List<(string Priority, int Tickets, long? MeanSeconds)> Means(JsonElement means) =>
        [.. means.EnumerateArray().Select(mean => (
            mean.Text("priority"),
            mean.GetProperty("tickets").GetInt32(),
            mean.GetProperty("meanSeconds").ValueKind == JsonValueKind.Null ? (long?)null : mean.GetProperty("meanSeconds").GetInt64()))];
}
