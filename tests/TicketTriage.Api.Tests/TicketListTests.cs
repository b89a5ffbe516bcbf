using System.Net;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

public sealed class TicketListTests(TriageApiFactory factory) : IClassFixture<TriageApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>Six tickets spanning priorities, groups and (by fallback) the default group, all carrying one marker.</summary>
    private async Task<(string Marker, List<long> Ids)> SeedAsync()
    {
        var marker = TicketClient.NewMarker();
        var ids = new List<long>();
        foreach (var (title, impact, urgency) in new[]
        {
            ($"{marker} password expired", 1, 1),      // P1 Service Desk
            ($"{marker} VPN down in Leeds", 1, 2),      // P2 Network
            ($"{marker} network switch loops", 2, 3),   // P3 Network
            ($"{marker} laptop fan noise", 3, 3),       // P4 IT Support
            ($"{marker} Outlook crashes", 2, 2),        // P2 Messaging
            ($"{marker} coffee machine leaking", 3, 1), // P4 General Support
        })
        {
            var ticket = await _client.CreateTicketAsync(title, impact, urgency);
            ids.Add(ticket.GetProperty("id").GetInt64());
        }

        return (marker, ids);
    }

    [Fact]
    public async Task ListTickets_WithoutFilters_ReturnsNewestFirst()
    {
        var (marker, ids) = await SeedAsync();

        var items = await _client.ListAllAsync($"q={marker}");

        Assert.Equal(Enumerable.Reverse(ids), items.Select(item => item.GetProperty("id").GetInt64()));
    }

    [Theory]
    [InlineData("priority=P2", new[] { 1, 4 })]
    [InlineData("priority=p2&priority=P4", new[] { 1, 3, 4, 5 })]
    [InlineData("priority=P1,P3", new[] { 0, 2 })]
    [InlineData("group=network", new[] { 1, 2 })]
    [InlineData("group=Network&group=general%20support", new[] { 1, 2, 5 })]
    [InlineData("status=new", new[] { 0, 1, 2, 3, 4, 5 })]
    [InlineData("status=Resolved", new int[0])]
    [InlineData("priority=P2&group=Network", new[] { 1 })]
    [InlineData("priority=P4&group=IT%20Support&status=New", new[] { 3 })]
    public async Task ListTickets_WithFilters_ReturnsOnlyMatchingTickets(string filters, int[] expectedSeedIndexes)
    {
        var (marker, ids) = await SeedAsync();

        var items = await _client.ListAllAsync($"q={marker}&{filters}");

        var expected = expectedSeedIndexes.Select(index => ids[index]).OrderDescending();
        Assert.Equal(expected, items.Select(item => item.GetProperty("id").GetInt64()));
    }

    [Theory]
    [InlineData("LEEDS", 1)]
    [InlineData("fan", 3)]
    [InlineData("general support", 5)]
    public async Task ListTickets_WithKeyword_MatchesEveryWordInTitleDescriptionOrGroupIgnoringCase(string keyword, int seedIndex)
    {
        var (marker, ids) = await SeedAsync();

        var items = await _client.ListAllAsync($"q={marker}%20{Uri.EscapeDataString(keyword)}");

        Assert.Contains(ids[seedIndex], items.Select(item => item.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task ListTickets_WithKeywordInDescription_FindsTicket()
    {
        var marker = TicketClient.NewMarker();
        var ticket = await _client.CreateTicketAsync("Printer jams", description: $"Floor two {marker} tray");

        var items = await _client.ListAllAsync($"q={marker}");

        Assert.Equal(ticket.GetProperty("id").GetInt64(), Assert.Single(items).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task ListTickets_WithTicketNumber_FindsThatTicket()
    {
        var ticket = await _client.CreateTicketAsync("Monitor flickers");

        var items = await _client.ListAllAsync($"q={ticket.Text("number")}");

        Assert.Contains(ticket.GetProperty("id").GetInt64(), items.Select(item => item.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task ListTickets_PagedWhileInserting_HasNoDuplicatesOrGaps()
    {
        var marker = TicketClient.NewMarker();
        var original = new List<long>();
        for (var i = 0; i < 25; i++)
        {
            original.Add((await _client.CreateTicketAsync($"{marker} outage {i}")).GetProperty("id").GetInt64());
        }

        var seen = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await _client.GetJsonAsync($"/api/v1/tickets?q={marker}&sort=-createdAt&limit=4" + (cursor is null ? string.Empty : $"&cursor={cursor}"));
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 1, 4);
            seen.AddRange(items.Select(item => item.GetProperty("id").GetInt64()));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;

            // Tickets arriving between pages are newer than every cursor, so they belong before page one.
            await _client.CreateTicketAsync($"{marker} late arrival {pages}");
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Reverse(original), seen.Where(original.Contains));
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(original.Count, seen.Count);
        Assert.Equal(7, pages);
    }

    [Theory]
    [InlineData("-createdAt")]
    [InlineData("createdAt")]
    [InlineData("priority")]
    public async Task ListTickets_PagedWithCreationTimesTied_ReturnsEveryTicketOnceInSortOrder(string sort)
    {
        // Created within one instant, the tickets are ordered by id alone inside each priority: every page
        // boundary falls on a tie, and with the priority sort some fall between priorities as well.
        var marker = TicketClient.NewMarker();
        var created = new List<(long Id, string Priority)>();
        factory.Time.AutoAdvanceAmount = TimeSpan.Zero;
        try
        {
            foreach (var (impact, urgency) in new[] { (3, 3), (1, 1), (2, 2), (3, 3), (1, 1), (2, 3), (2, 2), (3, 3), (1, 1) })
            {
                var ticket = await _client.CreateTicketAsync($"{marker} tied {created.Count}", impact, urgency);
                created.Add((ticket.GetProperty("id").GetInt64(), ticket.Text("priority")));
            }
        }
        finally
        {
            factory.Time.AutoAdvanceAmount = TimeSpan.FromMilliseconds(1);
        }

        var expected = sort switch
        {
            "createdAt" => created.OrderBy(ticket => ticket.Id),
            "priority" => created.OrderBy(ticket => ticket.Priority, StringComparer.Ordinal).ThenByDescending(ticket => ticket.Id),
            _ => created.OrderByDescending(ticket => ticket.Id),
        };
        foreach (var limit in new[] { 1, 2, 3 })
        {
            var items = await _client.ListAllAsync($"q={marker}&sort={sort}", limit);
            Assert.Equal(expected.Select(ticket => ticket.Id), items.Select(item => item.GetProperty("id").GetInt64()));
        }
    }

    [Fact]
    public async Task ListTickets_WithLimit_ReturnsThatManyAndACursor()
    {
        var (marker, ids) = await SeedAsync();

        var page = await _client.GetJsonAsync($"/api/v1/tickets?q={marker}&sort=-createdAt&limit=2");

        Assert.Equal([ids[5], ids[4]], page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetInt64()));
        Assert.False(string.IsNullOrEmpty(page.Text("nextCursor")));
    }

    [Fact]
    public async Task ListTickets_LastPage_HasNullCursor()
    {
        var (marker, _) = await SeedAsync();

        var page = await _client.GetJsonAsync($"/api/v1/tickets?q={marker}&sort=-createdAt&limit=6");

        Assert.Equal(6, page.GetProperty("items").GetArrayLength());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
    }

    [Theory]
    [InlineData("priority=P5", "priority")]
    [InlineData("priority=high", "priority")]
    [InlineData("priority=2", "priority")]
    [InlineData("status=Open", "status")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("cursor=AAAA", "cursor")]
    public async Task ListTickets_WithInvalidParameter_ReturnsValidationProblemNamingIt(string query, string parameter)
    {
        var response = await _client.GetAsync(new Uri($"/api/v1/tickets?{query}", UriKind.Relative), TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "urn:ticket-triage:problem:validation");
        Assert.Contains(parameter, problem.ErrorsFor(parameter)[0], StringComparison.Ordinal);
    }
}
