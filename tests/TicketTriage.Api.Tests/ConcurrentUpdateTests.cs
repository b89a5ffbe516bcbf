using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>ETags on every ticket answer and If-Match on PATCH: a stale or racing writer is refused whole.</summary>
public sealed class ConcurrentUpdateTests(TriageApiFactory factory) : IClassFixture<TriageApiFactory>
{
    private const string PreconditionFailed = "urn:ticket-triage:problem:precondition-failed";

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task TicketAnswers_CreateGetAndPatch_CarryTheCurrentETag()
    {
        var created = await _client.PostAsJsonAsync("/api/v1/tickets", new { title = "Proxy refuses connections", impact = 2, urgency = 2 }, TestContext.Current.CancellationToken);
        await created.AssertStatusAsync(HttpStatusCode.Created);
        var ticket = await created.ReadJsonAsync<JsonElement>();
        Assert.Matches("^\"[^\"]+\"$", created.ETag());

        var (_, fetched) = await _client.GetTicketAsync(ticket.Id());
        var patched = await _client.PatchTicketAsync(ticket.Id(), new { assignee = "frank" });
        await patched.AssertStatusAsync(HttpStatusCode.OK);
        var (_, refetched) = await _client.GetTicketAsync(ticket.Id());

        Assert.Equal(created.ETag(), fetched);
        Assert.NotNull(patched.ETag());
        Assert.NotEqual(fetched, patched.ETag());
        Assert.Equal(patched.ETag(), refetched);
    }

    [Fact]
    public async Task WriteTicket_EachChangeMoveOrNote_ChangesTheETag()
    {
        var ticket = await _client.CreateTicketAsync("DNS lookups time out");
        var (_, first) = await _client.GetTicketAsync(ticket.Id());
        var seen = new List<string> { first };

        await _client.UpdateTicketAsync(ticket.Id(), new { title = "DNS lookups time out on the guest network" });
        seen.Add((await _client.GetTicketAsync(ticket.Id())).ETag);
        await _client.UpdateTicketAsync(ticket.Id(), new { status = "InProgress" });
        seen.Add((await _client.GetTicketAsync(ticket.Id())).ETag);
        await _client.AddNoteAsync(ticket.Id(), "Flushed the resolver cache");
        seen.Add((await _client.GetTicketAsync(ticket.Id())).ETag);
        await _client.AddNoteAsync(ticket.Id(), "Still failing", "public");
        seen.Add((await _client.GetTicketAsync(ticket.Id())).ETag);
        await _client.UpdateTicketAsync(ticket.Id(), TicketWorkClient.MoveTo("Resolved"));
        seen.Add((await _client.GetTicketAsync(ticket.Id())).ETag);

        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task PatchTicket_WithCurrentETag_Succeeds()
    {
        var ticket = await _client.CreateTicketAsync("Shared mailbox missing");
        var (_, etag) = await _client.GetTicketAsync(ticket.Id());

        var response = await _client.PatchTicketAsync(ticket.Id(), new { assignee = "gina" }, etag);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("gina", (await response.ReadJsonAsync<JsonElement>()).Text("assignee"));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("\"stale\", CURRENT")]
    public async Task PatchTicket_WithIfMatchNamingCurrentVersion_Succeeds(string ifMatch)
    {
        var ticket = await _client.CreateTicketAsync("Shared mailbox missing");
        var (_, etag) = await _client.GetTicketAsync(ticket.Id());

        var response = await _client.PatchTicketAsync(ticket.Id(), new { assignee = "gina" }, ifMatch.Replace("CURRENT", etag, StringComparison.Ordinal));

        await response.AssertStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PatchTicket_WithStaleETag_ReturnsPreconditionFailedAndChangesNothing()
    {
        var ticket = await _client.CreateTicketAsync("Distribution list bounces");
        var (_, stale) = await _client.GetTicketAsync(ticket.Id());
        await _client.UpdateTicketAsync(ticket.Id(), new { assignee = "hank" });
        var (before, current) = await _client.GetTicketAsync(ticket.Id());
        var history = await _client.GetHistoryAsync(ticket.Id());

        var response = await _client.PatchTicketAsync(ticket.Id(), new { title = "Overwritten", status = "InProgress", assignee = "ivy" }, stale);

        var problem = await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed, PreconditionFailed);
        Assert.Equal(current, problem.Text("currentETag"));
        var (after, afterETag) = await _client.GetTicketAsync(ticket.Id());
        Assert.Equal(before.Stored(), after.Stored());
        Assert.Equal(current, afterETag);
        Assert.Equal("hank", after.Text("assignee"));
        Assert.Equal(
            history.Select(entry => entry.GetRawText()),
            (await _client.GetHistoryAsync(ticket.Id())).Select(entry => entry.GetRawText()));
    }

    [Fact]
    public async Task PatchTicket_WithETagFromBeforeANote_ReturnsPreconditionFailed()
    {
        var ticket = await _client.CreateTicketAsync("Spam filter too strict");
        var (_, stale) = await _client.GetTicketAsync(ticket.Id());
        await _client.AddNoteAsync(ticket.Id(), "Checked the quarantine");

        var response = await _client.PatchTicketAsync(ticket.Id(), new { assignee = "jo" }, stale);

        await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed, PreconditionFailed);
    }

    [Theory]
    [InlineData("\"999\"")]
    [InlineData("not-a-quoted-tag")]
    public async Task PatchTicket_WithIfMatchNamingNoVersion_ReturnsPreconditionFailed(string ifMatch)
    {
        var ticket = await _client.CreateTicketAsync("Spam filter too strict");

        var response = await _client.PatchTicketAsync(ticket.Id(), new { assignee = "jo" }, ifMatch);

        await response.AssertProblemAsync(HttpStatusCode.PreconditionFailed, PreconditionFailed);
        var (stored, _) = await _client.GetTicketAsync(ticket.Id());
        Assert.Equal(ticket.Stored(), stored.Stored());
    }

    [Fact]
    public async Task PatchTicket_TwoWritersWithSameETag_ExactlyOneWinsAndTheStoredTicketIsTheWinners()
    {
        for (var round = 0; round < 10; round++)
        {
            var ticket = await _client.CreateTicketAsync($"Firewall rule request {round}");
            var (_, etag) = await _client.GetTicketAsync(ticket.Id());

            var responses = await Task.WhenAll(
                _client.PatchTicketAsync(ticket.Id(), new { title = $"First writer {round}", assignee = "kim" }, etag),
                _client.PatchTicketAsync(ticket.Id(), new { title = $"Second writer {round}", status = "InProgress" }, etag));

            var statuses = responses.Select(response => response.StatusCode).Order().ToList();
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], statuses);
            var winner = responses.Single(response => response.StatusCode == HttpStatusCode.OK);
            var loser = responses.Single(response => response.StatusCode == HttpStatusCode.PreconditionFailed);
            Assert.Equal("application/problem+json", loser.Content.Headers.ContentType?.MediaType);
            var problem = await loser.ReadJsonAsync<JsonElement>();
            Assert.Contains(problem.Text("type"), new[] { PreconditionFailed, "urn:ticket-triage:problem:edit-conflict" });
            var answered = await winner.ReadJsonAsync<JsonElement>();
            var (stored, storedETag) = await _client.GetTicketAsync(ticket.Id());
            Assert.Equal(answered.Stored(), stored.Stored());
            Assert.Equal(winner.ETag(), storedETag);
            var titleChange = Assert.Single(await _client.GetHistoryAsync(ticket.Id()), entry => entry.TextOrNull("field") == "title");
            Assert.Equal(answered.Text("title"), titleChange.Text("newValue"));
        }
    }
}
