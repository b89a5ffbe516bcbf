using System.Globalization;
using System.Net;
using System.Text.Json;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

public sealed class ReportTests(TriageApiFactory factory) : IClassFixture<TriageApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ExportTicketsCsv_ParsedBack_MatchesTheStoredTickets()
    {
        var marker = TicketClient.NewMarker();
        var tricky = await _client.CreateTicketAsync(
            $"{marker} \"quoted\", with comma",
            impact: 1,
            urgency: 1,
            description: "line one\r\nline two, \"still\" there\nCafé 打印机 🔥",
            caller: "O'Brien, Pat");
        var plain = await _client.CreateTicketAsync($"{marker} VPN slow", impact: 2, urgency: 3);

        var response = await _client.GetAsync(new Uri($"/api/v1/reports/tickets.csv?q={marker}", UriKind.Relative), TestContext.Current.CancellationToken);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^tickets-\d{8}T\d{6}Z\.csv$", response.Content.Headers.ContentDisposition?.FileName);

        var rows = await response.ReadCsvAsync();
        Assert.Equal(
            ["number", "title", "description", "impact", "urgency", "priority", "assignmentGroup", "status", "caller", "createdAt", "updatedAt", "routingRuleId",
                "assignee", "respondedAt", "resolvedAt", "closedAt", "resolutionCode", "reopenCount"],
            rows[0]);
        Assert.Equal(3, rows.Count);
        AssertRowMatches(plain, rows[1]);
        AssertRowMatches(tricky, rows[2]);
    }

    [Theory]
    [InlineData("line one\nline two")]
    [InlineData("line one\rline two")]
    [InlineData(" padded ")]
    public async Task ExportTicketsCsv_WithALineBreakOrPaddingAlone_QuotesTheCell(string description)
    {
        var marker = TicketClient.NewMarker();
        var ticket = await _client.CreateTicketAsync($"{marker} report", description: description);

        var response = await _client.GetAsync(new Uri($"/api/v1/reports/tickets.csv?q={marker}", UriKind.Relative), TestContext.Current.CancellationToken);

        var rows = await response.ReadCsvAsync();
        Assert.Equal(2, rows.Count);
        AssertRowMatches(ticket, rows[1]);
    }

    [Theory]
    [InlineData("=cmd|' /C calc'!A0")]
    [InlineData("+SUM(A1:A2)")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tTabbed")]
    [InlineData("\rCarriage")]
    public async Task ExportTicketsCsv_WithFormulaLikeCell_NeutralisesIt(string dangerous)
    {
        var marker = TicketClient.NewMarker();
        await _client.CreateTicketAsync($"{marker} report", description: dangerous, caller: dangerous);

        var response = await _client.GetAsync(new Uri($"/api/v1/reports/tickets.csv?q={marker}", UriKind.Relative), TestContext.Current.CancellationToken);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var row = (await response.ReadCsvAsync())[1];
        Assert.Equal("'" + dangerous, row[2]);
        Assert.Equal("'" + dangerous, row[8]);
    }

    [Fact]
    public async Task ExportTicketsCsv_WithFilters_ExportsOnlyMatchingTickets()
    {
        var marker = TicketClient.NewMarker();
        await _client.CreateTicketAsync($"{marker} laptop screen cracked", impact: 3, urgency: 3);
        var network = await _client.CreateTicketAsync($"{marker} network outage", impact: 1, urgency: 1);

        var response = await _client.GetAsync(new Uri($"/api/v1/reports/tickets.csv?q={marker}&priority=p1&group=NETWORK", UriKind.Relative), TestContext.Current.CancellationToken);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        var rows = await response.ReadCsvAsync();
        Assert.Equal(network.Text("number"), Assert.Single(rows.Skip(1))[0]);
    }

    [Fact]
    public async Task ExportTicketsCsv_WithInvalidFilter_ReturnsValidationProblem()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/reports/tickets.csv?status=Sleeping", UriKind.Relative), TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "urn:ticket-triage:problem:validation");
        Assert.Contains("Sleeping", problem.ErrorsFor("status")[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_ForFilteredTickets_CountsByEveryDimensionWithZeros()
    {
        var marker = TicketClient.NewMarker();
        await _client.CreateTicketAsync($"{marker} password locked", impact: 1, urgency: 1);
        await _client.CreateTicketAsync($"{marker} vpn flaps", impact: 1, urgency: 2);
        await _client.CreateTicketAsync($"{marker} wifi slow", impact: 2, urgency: 2);

        var summary = await _client.GetJsonAsync($"/api/v1/reports/summary?q={marker}");

        Assert.Equal(3, summary.GetProperty("total").GetInt32());
        Assert.Equal(
            [("P1", 1), ("P2", 2), ("P3", 0), ("P4", 0)],
            Counts(summary.GetProperty("byPriority")));
        var groups = Counts(summary.GetProperty("byGroup"));
        Assert.Contains(("Service Desk", 1), groups);
        Assert.Contains(("Network", 2), groups);
        Assert.Contains(("General Support", 0), groups);
        Assert.Contains(("Messaging", 0), groups);
        Assert.Equal(
            [("New", 3), ("InProgress", 0), ("OnHold", 0), ("Resolved", 0), ("Closed", 0), ("Cancelled", 0)],
            Counts(summary.GetProperty("byStatus")));
    }

    [Fact]
    public async Task Summary_AGroupTheRulesNoLongerName_CountsOnceWhateverTheCaseItWasStoredIn()
    {
        // Tickets from before a rules change keep their group; the database compares groups without case.
        var marker = TicketClient.NewMarker();
        await using (var connection = factory.CreateDatabaseConnection())
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            foreach (var (group, status, priority) in new[] { ("Legacy Team", "New", "P1"), ("LEGACY TEAM", "Closed", "P1"), ("legacy team", "InProgress", "P3") })
            {
                await factory.InsertTicketRowAsync(connection, $"{marker} carried over", priority, group, status);
            }
        }

        var summary = await _client.GetJsonAsync($"/api/v1/reports/summary?q={marker}");

        Assert.Equal(3, summary.GetProperty("total").GetInt32());
        var legacy = Assert.Single(Counts(summary.GetProperty("byGroup")), count => count.Key.Equals("legacy team", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(3, legacy.Count);
        var openLegacy = Assert.Single(Counts(summary.GetProperty("open").GetProperty("byGroup")), count => count.Key.Equals("legacy team", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(2, openLegacy.Count);
        Assert.Equal(2, summary.GetProperty("open").GetProperty("total").GetInt32());
        Assert.Equal([("P1", 2), ("P2", 0), ("P3", 1), ("P4", 0)], Counts(summary.GetProperty("byPriority")));
    }

    [Fact]
    public async Task SummaryCsv_ParsedBack_EqualsTheJsonSummary()
    {
        var marker = TicketClient.NewMarker();
        await _client.CreateTicketAsync($"{marker} outlook offline", impact: 3, urgency: 1);
        await _client.CreateTicketAsync($"{marker} printer toner", impact: 2, urgency: 3);

        var json = await _client.GetJsonAsync($"/api/v1/reports/summary?q={marker}");
        var response = await _client.GetAsync(new Uri($"/api/v1/reports/summary.csv?q={marker}", UriKind.Relative), TestContext.Current.CancellationToken);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^summary-\d{8}T\d{6}Z\.csv$", response.Content.Headers.ContentDisposition?.FileName);
        var rows = await response.ReadCsvAsync();
        Assert.Equal(["dimension", "key", "count"], rows[0]);
        var expected = new List<string[]> { new[] { "total", "all", "2" } };
        foreach (var (dimension, property) in new[] { ("priority", "byPriority"), ("group", "byGroup"), ("status", "byStatus") })
        {
            expected.AddRange(Counts(json.GetProperty(property)).Select(count => new[] { dimension, count.Key, count.Count.ToString(CultureInfo.InvariantCulture) }));
        }

        Assert.Equal(expected, rows.Skip(1).Take(expected.Count));
        Assert.Equal(["priority", "P4", "1"], rows.Single(row => row[0] == "priority" && row[1] == "P4"));
    }

    [Fact]
    public async Task Summary_WithInvalidFilter_ReturnsValidationProblem()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/reports/summary?priority=P9", UriKind.Relative), TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "urn:ticket-triage:problem:validation");
    }

    private static void AssertRowMatches(JsonElement ticket, string[] row)
    {
        Assert.Equal(ticket.Text("number"), row[0]);
        Assert.Equal(ticket.Text("title"), row[1]);
        Assert.Equal(ticket.GetProperty("description").ValueKind == JsonValueKind.Null ? string.Empty : ticket.Text("description"), row[2]);
        Assert.Equal(ticket.GetProperty("impact").GetInt32().ToString(CultureInfo.InvariantCulture), row[3]);
        Assert.Equal(ticket.GetProperty("urgency").GetInt32().ToString(CultureInfo.InvariantCulture), row[4]);
        Assert.Equal(ticket.Text("priority"), row[5]);
        Assert.Equal(ticket.Text("assignmentGroup"), row[6]);
        Assert.Equal(ticket.Text("status"), row[7]);
        Assert.Equal(ticket.GetProperty("caller").ValueKind == JsonValueKind.Null ? string.Empty : ticket.Text("caller"), row[8]);
        Assert.Equal(ticket.Text("createdAt"), row[9]);
    }

    private static List<(string Key, int Count)> Counts(JsonElement counts) =>
        [.. counts.EnumerateArray().Select(count => (count.Text("key"), count.GetProperty("count").GetInt32()))];
}
