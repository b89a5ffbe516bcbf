using System.Net;
using System.Text;
using System.Text.Json;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>Work notes: adding them, listing them oldest first, and the ways a note is refused.</summary>
public sealed class TicketNotesTests(TriageApiFactory factory) : IClassFixture<TriageApiFactory>
{
    private const string Validation = "urn:ticket-triage:problem:validation";

    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string, string, string> InvalidNotes => new()
    {
        { """{"visibility":"internal"}""", "body", "missing body" },
        { """{"body":"","visibility":"internal"}""", "body", "empty body" },
        { """{"body":"   ","visibility":"public"}""", "body", "blank body" },
        { """{"body":null}""", "body", "null body" },
        { $$"""{"body":"{{new string('b', 10_001)}}"}""", "body", "body over 10000" },
        { """{"body":"Called the user","visibility":"secret"}""", "visibility", "unknown visibility" },
        { """{"body":"Called the user","visibility":""}""", "visibility", "empty visibility" },
    };

    [Theory]
    [InlineData("internal")]
    [InlineData("public")]
    public async Task AddNote_WithVisibility_ReturnsCreatedNote(string visibility)
    {
        var ticket = await _client.CreateTicketAsync("Laptop battery drains overnight");

        var response = await _client.PostNoteAsync(ticket.Id(), new { body = "Asked the caller to run a battery report", visibility });

        await response.AssertStatusAsync(HttpStatusCode.Created);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var note = await response.ReadJsonAsync<JsonElement>();
        Assert.True(note.GetProperty("id").GetInt64() > 0);
        Assert.Equal("Asked the caller to run a battery report", note.Text("body"));
        Assert.Equal(visibility, note.Text("visibility"));
        Assert.Equal(TicketWorkClient.ApiActor, note.Text("author"));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", note.Text("createdAt"));
        Assert.Equal(
            ["id", "body", "visibility", "author", "createdAt"],
            note.EnumerateObject().Select(property => property.Name));
        var added = Assert.Single(await _client.GetHistoryAsync(ticket.Id()), entry => entry.Text("type") == "noteAdded");
        Assert.Equal(visibility, added.Text("newValue"));
    }

    [Fact]
    public async Task AddNote_WithoutVisibility_IsInternal()
    {
        var ticket = await _client.CreateTicketAsync("Laptop battery drains overnight");

        var response = await _client.PostNoteAsync(ticket.Id(), new { body = "Ordered a replacement" });

        await response.AssertStatusAsync(HttpStatusCode.Created);
        Assert.Equal("internal", (await response.ReadJsonAsync<JsonElement>()).Text("visibility"));
    }

    [Fact]
    public async Task AddNote_WithUnicodeBody_RoundTripsExactly()
    {
        var ticket = await _client.CreateTicketAsync("Printer prints garbage");
        const string body = "Treiber neu installiert — 打印机 OK ✅\n\tline two <b>&amp;</b>";

        await _client.AddNoteAsync(ticket.Id(), body);

        Assert.Equal(body, Assert.Single(await _client.GetNotesAsync(ticket.Id())).Text("body"));
    }

    [Fact]
    public async Task ListNotes_AfterSeveralNotes_ReturnsThemOldestFirst()
    {
        var ticket = await _client.CreateTicketAsync("Softphone has no audio");
        var first = await _client.AddNoteAsync(ticket.Id(), "Checked the headset", "internal");
        factory.AdvanceTime(TimeSpan.FromMinutes(5));
        var second = await _client.AddNoteAsync(ticket.Id(), "We are looking into it", "public");
        factory.AdvanceTime(TimeSpan.FromMinutes(5));
        var third = await _client.AddNoteAsync(ticket.Id(), "Driver update fixed it", "internal");

        var response = await _client.GetAsync(new Uri($"/api/v1/tickets/{ticket.Id()}/notes", UriKind.Relative), TestContext.Current.CancellationToken);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var items = (await response.ReadJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().Select(note => note.GetRawText());
        Assert.Equal([first.GetRawText(), second.GetRawText(), third.GetRawText()], items);
    }

    [Fact]
    public async Task AddNote_LocationHeader_GetsTheNote()
    {
        var ticket = await _client.CreateTicketAsync("Softphone has no audio");
        var other = await _client.CreateTicketAsync("Desk phone has no dial tone");

        var response = await _client.PostNoteAsync(ticket.Id(), new { body = "Reinstalled the codec", visibility = "public" });
        var created = await response.ReadJsonAsync<JsonElement>();
        var location = response.Headers.Location!.ToString();

        Assert.Equal($"/api/v1/tickets/{ticket.Id()}/notes/{created.Id()}", location);
        Assert.Equal(created.GetRawText(), (await _client.GetJsonAsync(location)).GetRawText());
        var elsewhere = await _client.GetAsync(new Uri($"/api/v1/tickets/{other.Id()}/notes/{created.Id()}", UriKind.Relative), TestContext.Current.CancellationToken);
        var problem = await elsewhere.AssertProblemAsync(HttpStatusCode.NotFound, "urn:ticket-triage:problem:not-found");
        Assert.Equal("Note not found", problem.Text("title"));
        var noTicket = await _client.GetAsync(new Uri($"/api/v1/tickets/987654321/notes/{created.Id()}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("Ticket not found", (await noTicket.AssertProblemAsync(HttpStatusCode.NotFound, "urn:ticket-triage:problem:not-found")).Text("title"));
    }

    [Fact]
    public async Task ListNotesAndHistory_ByPages_ReturnEveryEntryOnceWhileNotesArrive()
    {
        var ticket = await _client.CreateTicketAsync("Softphone has no audio");
        var written = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            written.Add((await _client.AddNoteAsync(ticket.Id(), $"Step {i}")).GetRawText());
        }

        var first = await _client.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}/notes?limit=2");
        written.Add((await _client.AddNoteAsync(ticket.Id(), "Step 6")).GetRawText());
        var rest = await _client.GetNotesAsync(ticket.Id(), limit: 2);
        var history = await _client.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}/history?limit=500");
        var historyByTwo = await _client.GetHistoryAsync(ticket.Id(), limit: 2);

        Assert.Equal(written.Take(2), first.GetProperty("items").EnumerateArray().Select(note => note.GetRawText()));
        var cursor = first.GetProperty("nextCursor").GetString();
        Assert.NotNull(cursor);
        var afterCursor = await _client.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}/notes?limit=10&cursor={cursor}");
        Assert.Equal(written.Skip(2), afterCursor.GetProperty("items").EnumerateArray().Select(note => note.GetRawText()));
        Assert.Equal(JsonValueKind.Null, afterCursor.GetProperty("nextCursor").ValueKind);
        Assert.Equal(written, rest.Select(note => note.GetRawText()));
        Assert.Equal(
            history.GetProperty("items").EnumerateArray().Select(entry => entry.GetRawText()),
            historyByTwo.Select(entry => entry.GetRawText()));
        Assert.Equal(JsonValueKind.Null, history.GetProperty("nextCursor").ValueKind);
    }

    [Theory]
    [InlineData("notes", "limit=0", "limit")]
    [InlineData("notes", "limit=501", "limit")]
    [InlineData("history", "limit=ten", "limit")]
    [InlineData("history", "cursor=abc", "cursor")]
    [InlineData("notes", "cursor=-4", "cursor")]
    public async Task ListNotesAndHistory_WithABadLimitOrCursor_AnswerValidationProblem(string list, string query, string field)
    {
        var ticket = await _client.CreateTicketAsync("Softphone has no audio");

        var response = await _client.GetAsync(new Uri($"/api/v1/tickets/{ticket.Id()}/{list}?{query}", UriKind.Relative), TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, Validation);
        Assert.Single(problem.ErrorsFor(field));
    }

    [Fact]
    public async Task ListNotes_NoNotes_ReturnsEmptyItems()
    {
        var ticket = await _client.CreateTicketAsync("Softphone has no audio");

        Assert.Empty(await _client.GetNotesAsync(ticket.Id()));
    }

    [Fact]
    public async Task ListNotes_OtherTicketsNotes_AreNotIncluded()
    {
        var ticket = await _client.CreateTicketAsync("Monitor has dead pixels");
        var other = await _client.CreateTicketAsync("Monitor arm broken");
        await _client.AddNoteAsync(other.Id(), "Ordered a new arm");

        var note = await _client.AddNoteAsync(ticket.Id(), "Under warranty");

        Assert.Equal(note.GetRawText(), Assert.Single(await _client.GetNotesAsync(ticket.Id())).GetRawText());
    }

    [Theory]
    [MemberData(nameof(InvalidNotes))]
    public async Task AddNote_InvalidNote_ReturnsValidationProblemNamingTheFieldAndStoresNothing(string json, string field, string scenario)
    {
        var ticket = await _client.CreateTicketAsync("Webcam image is upside down");
        var (_, etag) = await _client.GetTicketAsync(ticket.Id());

        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await _client.PostAsync(new Uri($"/api/v1/tickets/{ticket.Id()}/notes", UriKind.Relative), content, TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, Validation);
        Assert.True(problem.ErrorsFor(field).All(message => message.Contains(field, StringComparison.Ordinal)), scenario);
        Assert.Empty(await _client.GetNotesAsync(ticket.Id()));
        Assert.Equal(etag, (await _client.GetTicketAsync(ticket.Id())).ETag);
        Assert.Single(await _client.GetHistoryAsync(ticket.Id()));
    }

    [Fact]
    public async Task AddNote_UnknownField_ReturnsProblemNamingIt()
    {
        var ticket = await _client.CreateTicketAsync("Webcam image is upside down");

        var response = await _client.PostNoteAsync(ticket.Id(), new { body = "Rotated it", author = "someone else" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "urn:ticket-triage:problem:invalid-json");
        Assert.NotEmpty(problem.ErrorsFor("author"));
        Assert.Empty(await _client.GetNotesAsync(ticket.Id()));
    }

    [Fact]
    public async Task AddNote_UnknownTicket_ReturnsNotFoundProblem()
    {
        var response = await _client.PostNoteAsync(987654321, new { body = "Anyone there?", visibility = "internal" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound, "urn:ticket-triage:problem:not-found");
        Assert.Contains("987654321", problem.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListNotes_UnknownTicket_ReturnsNotFoundProblem()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/tickets/987654321/notes", UriKind.Relative), TestContext.Current.CancellationToken);

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "urn:ticket-triage:problem:not-found");
    }

    [Fact]
    public async Task AddNote_First_SetsRespondedAtAndChangesTheETag()
    {
        var ticket = await _client.CreateTicketAsync("Keyboard layout switches to US");
        var (_, etag) = await _client.GetTicketAsync(ticket.Id());
        factory.AdvanceTime(TimeSpan.FromMinutes(4));

        var note = await _client.AddNoteAsync(ticket.Id(), "Removed the extra layout");

        var (after, afterETag) = await _client.GetTicketAsync(ticket.Id());
        Assert.NotEqual(etag, afterETag);
        Assert.Equal(note.Text("createdAt"), after.Text("respondedAt"));
        Assert.Equal(note.Text("createdAt"), after.Text("updatedAt"));
        Assert.Equal("New", after.Text("status"));
    }

    [Fact]
    public async Task AddNote_Second_KeepsTheFirstRespondedAt()
    {
        var ticket = await _client.CreateTicketAsync("Keyboard layout switches to US");
        var first = await _client.AddNoteAsync(ticket.Id(), "Removed the extra layout");
        factory.AdvanceTime(TimeSpan.FromMinutes(4));

        await _client.AddNoteAsync(ticket.Id(), "It came back");

        Assert.Equal(first.Text("createdAt"), (await _client.GetTicketAsync(ticket.Id())).Ticket.Text("respondedAt"));
    }

    [Fact]
    public async Task AddNote_AnyNote_AddsNoteAddedHistoryEntry()
    {
        var ticket = await _client.CreateTicketAsync("Mobile email sync stopped");

        var note = await _client.AddNoteAsync(ticket.Id(), "Re-added the account on the phone", "public");

        var added = Assert.Single(await _client.GetHistoryAsync(ticket.Id()), entry => entry.Text("type") == "noteAdded");
        Assert.Equal(note.Text("createdAt"), added.Text("at"));
        Assert.Equal(TicketWorkClient.ApiActor, added.Text("actor"));
        Assert.Equal("Re-added the account on the phone", added.Text("note"));
    }
}
