using System.Net;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>Values are names, never numbers or lists; reasons can be corrected in place; final tickets take no notes.</summary>
public sealed class PatchStrictnessTests(TriageApiFactory factory) : IClassFixture<TriageApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("""{"status":"InProgress, OnHold","resolutionCode":"Fixed","resolutionNotes":"x"}""", "status")]
    [InlineData("""{"status":" +1"}""", "status")]
    [InlineData("""{"status":"OnHold","holdReason":"+0"}""", "holdReason")]
    [InlineData("""{"status":"OnHold","holdReason":" 1"}""", "holdReason")]
    [InlineData("""{"status":"OnHold","holdReason":"AwaitingCaller,AwaitingVendor"}""", "holdReason")]
    [InlineData("""{"status":"Resolved","resolutionCode":"+4","resolutionNotes":"x"}""", "resolutionCode")]
    public async Task Patch_WithNumberOrListForAName_IsRefusedAndChangesNothing(string body, string field)
    {
        var ticket = await _client.CreateTicketAsync("Strict values");

        var response = await _client.PatchTicketJsonAsync(ticket.Id(), body);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "urn:ticket-triage:problem:validation");
        Assert.NotEmpty(problem.ErrorsFor(field));
        Assert.Equal("New", (await _client.GetJsonAsync($"/api/v1/tickets/{ticket.Id()}")).Text("status"));
    }

    [Theory]
    [InlineData("priority=1")]
    [InlineData("status=InProgress,%20OnHold")]
    [InlineData("status=%2B1")]
    public async Task ListTickets_WithNumberForAName_IsRefused(string query)
    {
        var response = await _client.GetAsync(new Uri($"/api/v1/tickets?{query}", UriKind.Relative), TestContext.Current.CancellationToken);

        if (query.Contains(',', StringComparison.Ordinal))
        {
            // A comma separates values in filters: both are names, so the list is accepted.
            await response.AssertStatusAsync(HttpStatusCode.OK);
            return;
        }

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "urn:ticket-triage:problem:validation");
    }

    [Fact]
    public async Task Patch_NewHoldReasonWhileOnHold_ChangesItAndIsRecorded()
    {
        var ticket = await _client.CreateTicketAsync("Waiting on someone");
        await _client.UpdateTicketAsync(ticket.Id(), new { status = "OnHold", holdReason = "AwaitingCaller" });

        var changed = await _client.UpdateTicketAsync(ticket.Id(), new { status = "OnHold", holdReason = "AwaitingChange" });

        Assert.Equal("AwaitingChange", changed.Text("holdReason"));
        var history = await _client.GetHistoryAsync(ticket.Id());
        Assert.Contains(history, entry => entry.Text("field") == "holdReason" && entry.Text("oldValue") == "AwaitingCaller" && entry.Text("newValue") == "AwaitingChange");
    }

    [Fact]
    public async Task Patch_CorrectedResolutionWhileResolved_ChangesIt()
    {
        var ticket = await _client.CreateTicketAsync("Resolved, then corrected");
        await _client.UpdateTicketAsync(ticket.Id(), new { status = "Resolved", resolutionCode = "Fixed", resolutionNotes = "Rebooted" });

        var changed = await _client.UpdateTicketAsync(ticket.Id(), new { status = "Resolved", resolutionCode = "Workaround", resolutionNotes = "Rebooted; root cause open" });

        Assert.Equal("Workaround", changed.Text("resolutionCode"));
        Assert.Equal("Rebooted; root cause open", changed.Text("resolutionNotes"));
    }

    [Theory]
    [InlineData("Closed")]
    [InlineData("Cancelled")]
    public async Task AddNote_OnFinalTicket_IsAConflict(string status)
    {
        var ticket = await _client.DriveToAsync(await _client.CreateTicketAsync("Done and dusted"), status);

        var response = await _client.PostNoteAsync(ticket.Id(), new { body = "One more thing" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, "urn:ticket-triage:problem:ticket-closed");
        Assert.Contains(status, problem.Text("detail"), StringComparison.Ordinal);
        Assert.Empty(await _client.GetNotesAsync(ticket.Id()));
    }
}
