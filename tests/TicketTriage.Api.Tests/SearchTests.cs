using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>Full-text search: its syntax, ranking, number lookup, and an index that follows every change.</summary>
public sealed class SearchTests(TriageApiFactory factory) : IClassFixture<TriageApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Search_WithSeveralWords_FindsTicketsHavingThemAll()
    {
        var marker = TicketClient.NewMarker();
        var both = await _client.CreateTicketAsync($"{marker} vpn drops in Leeds");
        await _client.CreateTicketAsync($"{marker} vpn drops in York");

        Assert.Equal([Id(both)], Ids(await _client.ListAllAsync($"q={marker}%20leeds%20VPN")));
    }

    [Fact]
    public async Task Search_WithPhrase_MatchesTheWordsInThatOrderOnly()
    {
        var marker = TicketClient.NewMarker();
        var phrase = await _client.CreateTicketAsync($"{marker} printer paper jam on floor two");
        await _client.CreateTicketAsync($"{marker} jam in the printer paper tray");

        Assert.Equal([Id(phrase)], Ids(await _client.ListAllAsync($"q={marker}%20%22paper%20jam%22")));
    }

    [Fact]
    public async Task Search_WithPrefix_MatchesWordsStartingWithIt()
    {
        var marker = TicketClient.NewMarker();
        var network = await _client.CreateTicketAsync($"{marker} networking gear offline");
        var net = await _client.CreateTicketAsync($"{marker} .NET runtime crash", description: "net runtime");
        await _client.CreateTicketAsync($"{marker} laptop fan");

        Assert.Equal([Id(net), Id(network)], Ids(await _client.ListAllAsync($"q={marker}%20net*")));
    }

    [Fact]
    public async Task Search_WithExclusion_LeavesOutTicketsHavingTheWord()
    {
        var marker = TicketClient.NewMarker();
        var keep = await _client.CreateTicketAsync($"{marker} outlook crashes on start");
        await _client.CreateTicketAsync($"{marker} outlook crashes on mobile");

        Assert.Equal([Id(keep)], Ids(await _client.ListAllAsync($"q={marker}%20outlook%20-mobile")));
    }

    [Fact]
    public async Task Search_WithOrAndNot_FindsEitherGroupAndLeavesOutTheExcluded()
    {
        var marker = TicketClient.NewMarker();
        var vpn = await _client.CreateTicketAsync($"{marker} vpn drops in Leeds");
        var printer = await _client.CreateTicketAsync($"{marker} printer paper jam");
        await _client.CreateTicketAsync($"{marker} printer out of toner");
        await _client.CreateTicketAsync($"{marker} laptop fan");

        Assert.Equal([Id(printer), Id(vpn)], Ids(await _client.ListAllAsync($"q={marker}%20vpn%20OR%20{marker}%20printer%20NOT%20toner")));
        Assert.Equal([Id(vpn), Id(printer)], Ids(await _client.ListAllAsync($"q={marker}%20leeds%20OR%20{marker}%20%22paper%20jam%22&sort=relevance")).Order());
    }

    [Fact]
    public async Task Search_WithPunctuationOrControlCharactersBetweenWords_SearchesTheWords()
    {
        var marker = TicketClient.NewMarker();
        var ticket = await _client.CreateTicketAsync($"{marker} VPN drops for the Leeds office");

        Assert.Equal([Id(ticket)], Ids(await _client.ListAllAsync($"q={marker}%20VPN%20%E2%80%93%20Leeds%20%F0%9F%94%A5")));
        Assert.Equal([Id(ticket)], Ids(await _client.ListAllAsync($"q={marker}%00leeds")));
        var csv = await _client.GetAsync(new Uri($"/api/v1/reports/tickets.csv?q={marker}%00leeds", UriKind.Relative), TestContext.Current.CancellationToken);
        await csv.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(2, (await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task TextTypedDecomposed_IsStoredComposedAndFoundByItsLetters()
    {
        var marker = TicketClient.NewMarker();
        const string Decomposed = "N\u0303andu\u0303x";
        var ticket = await _client.CreateTicketAsync($"{marker} {Decomposed} router", description: $"{Decomposed} again");
        await _client.AddNoteAsync(ticket.Id(), $"{marker}note {Decomposed}");

        Assert.Equal($"{marker} \u00d1and\u0169x router", ticket.Text("title"));
        Assert.Equal("\u00d1and\u0169x again", ticket.Text("description"));
        Assert.Equal($"{marker}note \u00d1and\u0169x", (await _client.GetNotesAsync(ticket.Id()))[0].Text("body"));
        Assert.Equal([Id(ticket)], Ids(await _client.ListAllAsync($"q={marker}%20nandux")));
    }

    [Fact]
    public async Task Search_IgnoresCaseAndAccents()
    {
        var marker = TicketClient.NewMarker();
        var accented = await _client.CreateTicketAsync($"{marker} Résumé upload fails for Zoë at the café");

        Assert.Equal([Id(accented)], Ids(await _client.ListAllAsync($"q={marker}%20RESUME%20zoe%20Cafe")));
        Assert.Equal([Id(accented)], Ids(await _client.ListAllAsync($"q={marker}%20r%C3%A9sum%C3%A9")));
    }

    [Fact]
    public async Task Search_CoversDescriptionCallerAndNotes()
    {
        var marker = TicketClient.NewMarker();
        var byDescription = await _client.CreateTicketAsync("Slow logins", description: $"Seen from {marker}-desc only");
        var byCaller = await _client.CreateTicketAsync("Slow logins", caller: $"{marker}caller@example.com");
        var byNote = await _client.CreateTicketAsync("Slow logins");
        var response = await _client.PostAsJsonAsync($"/api/v1/tickets/{Id(byNote)}/notes", new { body = $"Traced to {marker}note switch" }, TestContext.Current.CancellationToken);
        await response.AssertStatusAsync(HttpStatusCode.Created);

        Assert.Equal([Id(byDescription)], Ids(await _client.ListAllAsync($"q={marker}")));
        Assert.Equal([Id(byCaller)], Ids(await _client.ListAllAsync($"q={marker}caller*")));
        Assert.Equal([Id(byNote)], Ids(await _client.ListAllAsync($"q={marker}note")));
    }

    [Fact]
    public async Task Search_ByRelevance_RanksTitleHitsAndRepeatsFirst()
    {
        var marker = TicketClient.NewMarker();
        var weak = await _client.CreateTicketAsync($"{marker} monitor flickers", description: "the dock might be involved, or maybe not, hard to tell after the long weekend");
        var strong = await _client.CreateTicketAsync($"{marker} dock dead", description: "dock shows no lights; second dock also dead");

        var ranked = await _client.GetJsonAsync($"/api/v1/tickets?q={marker}%20dock");

        Assert.Equal([Id(strong), Id(weak)], Ids(ranked.GetProperty("items").EnumerateArray()));
    }

    [Fact]
    public async Task Search_ByRelevanceWithAFilter_PagesThroughTheFilteredMatchesInRankOrder()
    {
        var marker = TicketClient.NewMarker();
        await _client.CreateTicketAsync($"{marker} monitor flickers", impact: 1, urgency: 1, description: "the dock might be involved");
        await _client.CreateTicketAsync($"{marker} dock dead", impact: 1, urgency: 1, description: "dock shows no lights; second dock also dead");
        await _client.CreateTicketAsync($"{marker} dock loose", impact: 1, urgency: 1);
        var other = await _client.CreateTicketAsync($"{marker} dock dead too", impact: 3, urgency: 3, description: "dock dock dock");
        var ranked = Ids(await _client.ListAllAsync($"q={marker}%20dock&sort=relevance"));

        // One ticket a page: every page after the first continues from the previous page's rank.
        var filtered = Ids(await _client.ListAllAsync($"q={marker}%20dock&priority=P1&sort=relevance", limit: 1));

        Assert.Equal(4, ranked.Count);
        Assert.Equal([.. ranked.Where(id => id != Id(other))], filtered);
    }

    [Fact]
    public async Task Search_ForATicketNumber_ListsThatTicketFirst()
    {
        var marker = TicketClient.NewMarker();
        var target = await _client.CreateTicketAsync($"{marker} target");
        for (var i = 0; i < 3; i++)
        {
            await _client.CreateTicketAsync($"{marker} mentions {target.Text("number")} {target.Text("number")} in the title");
        }

        var page = await _client.GetJsonAsync($"/api/v1/tickets?q={target.Text("number")}&limit=2");

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(Id(target), Id(items[0]));
        var all = await _client.ListAllAsync($"q={target.Text("number")}&sort=relevance", limit: 1);
        Assert.Equal(4, all.Count);
        Assert.Equal(Id(target), Id(all[0]));
        Assert.Equal(4, all.Select(Id).Distinct().Count());
        var shortForm = $"inc{Id(target)}";
        Assert.Equal(Id(target), Id((await _client.GetJsonAsync($"/api/v1/tickets?q={shortForm}")).GetProperty("items")[0]));
    }

    [Fact]
    public async Task Search_WithQGivenTwice_ReturnsValidationProblem()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/tickets?q=printer&q=offline", UriKind.Relative), TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "urn:ticket-triage:problem:validation");
        Assert.Contains("more than once", problem.ErrorsFor("q")[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"unclosed phrase")]
    [InlineData("-only -exclusions")]
    [InlineData("***")]
    [InlineData("\"\"")]
    [InlineData("AND OR NOT ( ) : ^ - \"")]
    public async Task Search_WithMalformedQuery_ReturnsValidationProblemNotServerError(string query)
    {
        var response = await _client.GetAsync(new Uri($"/api/v1/tickets?q={Uri.EscapeDataString(query)}", UriKind.Relative), TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "urn:ticket-triage:problem:validation");
        Assert.NotEmpty(problem.ErrorsFor("q")[0]);
    }

    [Theory]
    [InlineData("and or not")]
    [InlineData("NEAR(a b)")]
    [InlineData("title:vpn")]
    [InlineData("{col} ^start")]
    [InlineData("a'b\"")]
    public async Task Search_WithFtsOperatorsAsText_TreatsThemAsWords(string query)
    {
        var response = await _client.GetAsync(new Uri($"/api/v1/tickets?q={Uri.EscapeDataString(query.TrimEnd('"'))}", UriKind.Relative), TestContext.Current.CancellationToken);

        await response.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Search_AfterTitleChange_FindsNewWordsAndNotOldOnes()
    {
        var marker = TicketClient.NewMarker();
        var old = $"{marker}old";
        var fresh = $"{marker}new";
        var ticket = await _client.CreateTicketAsync($"{old} title");
        using var patch = new StringContent(JsonSerializer.Serialize(new { title = $"{fresh} title" }), Encoding.UTF8, "application/merge-patch+json");
        var response = await _client.PatchAsync(new Uri($"/api/v1/tickets/{Id(ticket)}", UriKind.Relative), patch, TestContext.Current.CancellationToken);
        await response.AssertStatusAsync(HttpStatusCode.OK);

        Assert.Empty(await _client.ListAllAsync($"q={old}"));
        Assert.Equal([Id(ticket)], Ids(await _client.ListAllAsync($"q={fresh}")));
    }

    [Fact]
    public async Task SearchIndex_AfterRowsDeletedInTheDatabase_ForgetsThem()
    {
        var marker = TicketClient.NewMarker();
        await using var connection = factory.CreateDatabaseConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await factory.InsertTicketRowAsync(connection, $"{marker} ghost");

        Assert.Single(await _client.ListAllAsync($"q={marker}"));
        await using (var delete = connection.CreateCommand())
        {
            delete.CommandText = """DELETE FROM "Tickets" WHERE "Title" = @title""";
            delete.AddParameter("title", $"{marker} ghost");
            Assert.Equal(1, await delete.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        }

        Assert.Empty(await _client.ListAllAsync($"q={marker}"));
    }

    [Theory]
    [InlineData("sort=-createdAt")]
    [InlineData("sort=createdAt")]
    [InlineData("sort=priority")]
    [InlineData("sort=relevance")]
    public async Task ListTickets_PagedInEverySortWhileInserting_HasNoDuplicatesOrGaps(string sort)
    {
        var marker = TicketClient.NewMarker();
        var original = new HashSet<long>();
        for (var i = 0; i < 13; i++)
        {
            original.Add(Id(await _client.CreateTicketAsync($"{marker} disk full {i}", impact: (i % 3) + 1, urgency: ((i / 3) % 3) + 1)));
        }

        var seen = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await _client.GetJsonAsync($"/api/v1/tickets?q={marker}&{sort}&limit=3" + (cursor is null ? string.Empty : $"&cursor={cursor}"));
            seen.AddRange(Ids(page.GetProperty("items").EnumerateArray()));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
            await _client.CreateTicketAsync($"{marker} disk full late {pages}");
        }
        while (cursor is not null && pages < 20);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Subset(seen.ToHashSet(), original);
    }

    [Theory]
    [InlineData("sort=-createdAt")]
    [InlineData("sort=createdAt")]
    [InlineData("sort=priority")]
    public async Task ListTickets_WordInOverAThousandTickets_PagesInTheSortsOrderAsWithoutSearch(string sort)
    {
        // Enough matches for SQLite to walk the sort's index and test each ticket against the matches, where it
        // starts from the matches for fewer; the group lists the same tickets without a search.
        var marker = TicketClient.NewMarker();
        await using (var connection = factory.CreateDatabaseConnection())
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await factory.InsertTicketRowsAsync(connection, $"{marker} printer offline", 1050, group: marker);
        }

        var expected = Ids(await _client.ListAllAsync($"group={marker}&{sort}", limit: 100));
        Assert.Equal(1050, expected.Count);
        Assert.Equal(expected, Ids(await _client.ListAllAsync($"q={marker}&{sort}", limit: 100)));
        Assert.Equal(expected, Ids(await _client.ListAllAsync($"q={marker}&status=New&status=Closed&{sort}", limit: 100)));
        Assert.Equal(
            Ids(await _client.ListAllAsync($"group={marker}&priority=P3&{sort}", limit: 50)),
            Ids(await _client.ListAllAsync($"q={marker}%20printer&priority=P3&{sort}", limit: 50)));
    }

    [Theory]
    [InlineData("sort=newest", "sort")]
    [InlineData("sort=relevance", "sort")]
    public async Task ListTickets_WithInvalidSort_ReturnsValidationProblem(string query, string parameter)
    {
        var response = await _client.GetAsync(new Uri($"/api/v1/tickets?{query}", UriKind.Relative), TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "urn:ticket-triage:problem:validation");
        Assert.NotEmpty(problem.ErrorsFor(parameter));
    }

    [Fact]
    public async Task ListTickets_WithCursorFromAnotherSort_ReturnsValidationProblem()
    {
        var marker = TicketClient.NewMarker();
        await _client.CreateTicketAsync($"{marker} a");
        await _client.CreateTicketAsync($"{marker} b");
        var page = await _client.GetJsonAsync($"/api/v1/tickets?q={marker}&sort=createdAt&limit=1");

        var response = await _client.GetAsync(new Uri($"/api/v1/tickets?q={marker}&sort=priority&cursor={page.Text("nextCursor")}", UriKind.Relative), TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "urn:ticket-triage:problem:validation");
        Assert.NotEmpty(problem.ErrorsFor("cursor"));
    }

    [Fact]
    public async Task ListTickets_SortedByPriority_PutsP1FirstThenNewest()
    {
        var marker = TicketClient.NewMarker();
        var p4 = await _client.CreateTicketAsync($"{marker} x", impact: 3, urgency: 3);
        var p1Old = await _client.CreateTicketAsync($"{marker} y", impact: 1, urgency: 1);
        var p2 = await _client.CreateTicketAsync($"{marker} z", impact: 2, urgency: 2);
        var p1New = await _client.CreateTicketAsync($"{marker} w", impact: 1, urgency: 1);

        Assert.Equal([Id(p1New), Id(p1Old), Id(p2), Id(p4)], Ids(await _client.ListAllAsync($"q={marker}&sort=priority", limit: 1)));
        Assert.Equal([Id(p4), Id(p1Old), Id(p2), Id(p1New)], Ids(await _client.ListAllAsync($"q={marker}&sort=createdAt", limit: 3)));
    }

    private static long Id(JsonElement ticket) => ticket.GetProperty("id").GetInt64();

    private static List<long> Ids(IEnumerable<JsonElement> tickets) => [.. tickets.Select(Id)];
}
