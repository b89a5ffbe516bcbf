using System.Data.Common;
using System.Net;
using System.Text.Json;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>A ticket's append-only history: what each entry holds, that it rebuilds the ticket, and that it cannot be rewritten.</summary>
public sealed class TicketHistoryTests(TriageApiFactory factory) : IClassFixture<TriageApiFactory>
{
    /// <summary>The ticket fields that history must rebuild exactly as GET returns them.</summary>
    private static readonly string[] RebuiltFields =
    [
        "title", "description", "impact", "urgency", "priority", "assignmentGroup", "assignee", "status",
        "holdReason", "resolutionCode", "resolutionNotes", "cancelReason", "respondedAt", "resolvedAt", "closedAt", "cancelledAt",
        "reopenCount",
    ];

    private static readonly string[] ChangeTypes = ["fieldChanged", "statusChanged", "autoClosed"];

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task GetHistory_NewTicket_HasOnlyTheCreatedEntryWithTicketAndTriage()
    {
        var ticket = await _client.CreateTicketAsync("Locked out after password change", impact: 1, urgency: 2, description: "MFA prompt loops", caller: "ann@example.com");

        var response = await _client.GetAsync(new Uri($"/api/v1/tickets/{ticket.Id()}/history", UriKind.Relative), TestContext.Current.CancellationToken);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var created = Assert.Single((await response.ReadJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray());
        Assert.Equal("created", created.Text("type"));
        Assert.Equal(TicketWorkClient.ApiActor, created.Text("actor"));
        Assert.Equal(ticket.Text("createdAt"), created.Text("at"));
        var opened = created.GetProperty("ticket");
        Assert.Equal("Locked out after password change", opened.Text("title"));
        Assert.Equal("MFA prompt loops", opened.Text("description"));
        Assert.Equal(1, opened.GetProperty("impact").GetInt32());
        Assert.Equal(2, opened.GetProperty("urgency").GetInt32());
        Assert.Equal("P2", opened.Text("priority"));
        Assert.Equal("Service Desk", opened.Text("assignmentGroup"));
        Assert.Equal("New", opened.Text("status"));
        Assert.Equal("ann@example.com", opened.Text("caller"));
        var triage = opened.GetProperty("triage");
        var routing = ticket.GetProperty("triage").GetProperty("routing");
        Assert.Equal("sign-in", triage.Text("ruleId"));
        Assert.Equal(routing.GetProperty("matchedTerms").GetRawText(), triage.GetProperty("matchedTerms").GetRawText());
        Assert.Equal(["password", "locked out", "mfa"], triage.GetProperty("matchedTerms").EnumerateArray().Select(term => term.GetString()));
        Assert.Equal(ticket.GetProperty("triage").Text("explanation"), triage.Text("explanation"));
    }

    [Fact]
    public async Task GetHistory_AfterFieldChanges_RecordsOldAndNewValues()
    {
        var ticket = await _client.CreateTicketAsync("VPN drops hourly", impact: 2, urgency: 2);

        var changed = await _client.UpdateTicketAsync(ticket.Id(), new { title = "VPN drops every hour", urgency = 1, assignee = "mo" });

        var changes = (await _client.GetHistoryAsync(ticket.Id())).Skip(1).ToList();
        Assert.Equal(
            [("fieldChanged", "title", "VPN drops hourly", "VPN drops every hour"), ("fieldChanged", "urgency", "2", "1"), ("fieldChanged", "assignee", null, "mo")],
            changes.Select(entry => (entry.Text("type"), entry.Text("field"), entry.TextOrNull("oldValue"), entry.TextOrNull("newValue"))));
        Assert.All(changes, entry =>
        {
            Assert.Equal(TicketWorkClient.ApiActor, entry.Text("actor"));
            Assert.Equal(changed.Text("updatedAt"), entry.Text("at"));
            Assert.Equal(JsonValueKind.Null, entry.GetProperty("reason").ValueKind);
        });
    }

    [Fact]
    public async Task GetHistory_AfterImpactChange_RecordsThePriorityItComputed()
    {
        var ticket = await _client.CreateTicketAsync("Network outage in warehouse", impact: 3, urgency: 1);

        await _client.UpdateTicketAsync(ticket.Id(), new { impact = 1 });

        var changes = (await _client.GetHistoryAsync(ticket.Id())).Skip(1);
        Assert.Equal(
            [("impact", "3", "1"), ("priority", "P4", "P1")],
            changes.Select(entry => (entry.Text("field"), entry.Text("oldValue"), entry.Text("newValue"))));
    }

    [Fact]
    public async Task GetHistory_AfterReassignment_RecordsTheReason()
    {
        var ticket = await _client.CreateTicketAsync("Password reset for SAP");

        await _client.UpdateTicketAsync(ticket.Id(), new { assignmentGroup = "Application Support", reason = "SAP has its own accounts" });

        var change = Assert.Single(await _client.GetHistoryAsync(ticket.Id()), entry => entry.TextOrNull("field") == "assignmentGroup");
        Assert.Equal("fieldChanged", change.Text("type"));
        Assert.Equal(("Service Desk", "Application Support"), (change.Text("oldValue"), change.Text("newValue")));
        Assert.Equal("SAP has its own accounts", change.Text("reason"));
    }

    [Theory]
    [InlineData("OnHold", "AwaitingCaller")]
    [InlineData("Resolved", "Fixed: Replaced the faulty cable")]
    [InlineData("Cancelled", "Logged twice")]
    public async Task GetHistory_AfterStatusMove_RecordsStatusChangeWithReason(string to, string reason)
    {
        var ticket = await _client.CreateTicketAsync("Ethernet port dead in room 12");

        var moved = await _client.UpdateTicketAsync(ticket.Id(), TicketWorkClient.MoveTo(to));

        var change = Assert.Single(await _client.GetHistoryAsync(ticket.Id()), entry => entry.Text("type") == "statusChanged");
        Assert.Equal(("status", "New", to), (change.Text("field"), change.Text("oldValue"), change.Text("newValue")));
        Assert.Equal(reason, change.Text("reason"));
        Assert.Equal(TicketWorkClient.ApiActor, change.Text("actor"));
        Assert.Equal(moved.Text("updatedAt"), change.Text("at"));
    }

    [Fact]
    public async Task GetHistory_AfterEveryKindOfChange_FoldsBackIntoTheCurrentTicket()
    {
        var ticket = await _client.CreateTicketAsync("Password reset email never arrives", impact: 2, urgency: 2, description: "Checked spam folder", caller: "bea@example.com");
        factory.AdvanceTime(TimeSpan.FromMinutes(2));
        await _client.UpdateTicketAsync(ticket.Id(), new { title = "Password reset emails never arrive" });
        await _client.UpdateTicketAsync(ticket.Id(), new { impact = 1 });
        await _client.UpdateTicketAsync(ticket.Id(), new { urgency = 1 });
        await _client.UpdateTicketAsync(ticket.Id(), new { assignmentGroup = "Messaging", reason = "Mail delivery, not sign-in" });
        await _client.UpdateTicketAsync(ticket.Id(), new { assignee = "lena" });
        factory.AdvanceTime(TimeSpan.FromMinutes(3));
        await _client.AddNoteAsync(ticket.Id(), "Mail relay queue is stuck");
        await _client.UpdateTicketAsync(ticket.Id(), new { status = "OnHold", holdReason = "AwaitingVendor" });
        factory.AdvanceTime(TimeSpan.FromHours(1));
        await _client.UpdateTicketAsync(ticket.Id(), new { status = "InProgress", description = "Relay vendor restarted the queue" });
        await _client.UpdateTicketAsync(ticket.Id(), new { status = "Resolved", resolutionCode = "Workaround", resolutionNotes = "Sent from the backup relay" });
        await _client.AddNoteAsync(ticket.Id(), "Caller says it is still broken", "public");
        await _client.UpdateTicketAsync(ticket.Id(), new { status = "InProgress" });
        await _client.UpdateTicketAsync(ticket.Id(), new { assignee = (string?)null, description = (string?)null });
        await _client.UpdateTicketAsync(ticket.Id(), new { assignee = "omar", status = "Resolved", resolutionCode = "Fixed", resolutionNotes = "Relay certificate renewed" });
        factory.AdvanceTime(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        await factory.RunAutoCloseAsync();

        var (current, _) = await _client.GetTicketAsync(ticket.Id());
        var history = await _client.GetHistoryAsync(ticket.Id());

        Assert.Equal("Closed", current.Text("status"));
        Assert.Equal(1, current.GetProperty("reopenCount").GetInt32());
        Assert.Equal("created", history[0].Text("type"));
        Assert.Equal(
            new[] { "autoClosed", "created", "fieldChanged", "noteAdded", "statusChanged" },
            history.Select(entry => entry.Text("type")).Distinct().Order(StringComparer.Ordinal));
        var ids = history.Select(entry => entry.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.Order(), ids);
        var instants = history.Select(entry => entry.Text("at")).ToList();
        Assert.Equal(instants.Order(StringComparer.Ordinal), instants);

        Assert.All(history, entry => Assert.Equal(entry.Text("at") == current.Text("closedAt") ? "system" : TicketWorkClient.ApiActor, entry.Text("actor")));

        AssertRebuilds(current, history);
    }

    [Fact]
    public async Task GetHistory_OfACancelledTicket_RebuildsItsCancellation()
    {
        var ticket = await _client.CreateTicketAsync("Shared drive full");
        await _client.UpdateTicketAsync(ticket.Id(), new { status = "InProgress", assignee = "lena" });
        factory.AdvanceTime(TimeSpan.FromMinutes(7));
        await _client.UpdateTicketAsync(ticket.Id(), new { status = "Cancelled", reason = "Raised twice; see the other ticket" });

        var (current, _) = await _client.GetTicketAsync(ticket.Id());

        Assert.NotNull(current.TextOrNull("cancelledAt"));
        AssertRebuilds(current, await _client.GetHistoryAsync(ticket.Id()));
    }

    /// <summary>Replays the history's changes over the ticket as created, and compares the result with the ticket now.</summary>
    private static void AssertRebuilds(JsonElement current, List<JsonElement> history)
    {
        var state = Opened(history[0].GetProperty("ticket"));
        foreach (var entry in history.Where(entry => ChangeTypes.Contains(entry.Text("type"))))
        {
            var field = entry.Text("field");
            Assert.Equal(state.GetValueOrDefault(field), entry.TextOrNull("oldValue"));
            state[field] = entry.TextOrNull("newValue");
        }

        Assert.All(RebuiltFields, field => Assert.Equal((field, current.TextOrNull(field)), (field, state[field])));
    }

    [Fact]
    public async Task GetHistory_AfterMoreChanges_StartsWithExactlyTheEarlierEntries()
    {
        var ticket = await _client.CreateTicketAsync("Dock does not detect second monitor");
        await _client.UpdateTicketAsync(ticket.Id(), new { assignee = "pat", status = "InProgress" });
        await _client.AddNoteAsync(ticket.Id(), "Swapped the cable");
        var earlier = (await _client.GetHistoryAsync(ticket.Id())).Select(entry => entry.GetRawText()).ToList();

        await _client.UpdateTicketAsync(ticket.Id(), new { title = "Dock ignores second monitor", assignee = "quinn" });
        await _client.UpdateTicketAsync(ticket.Id(), TicketWorkClient.MoveTo("Resolved"));
        var later = (await _client.GetHistoryAsync(ticket.Id())).Select(entry => entry.GetRawText()).ToList();

        Assert.True(later.Count > earlier.Count);
        Assert.Equal(earlier, later.Take(earlier.Count));
    }

    [Fact]
    public async Task TicketEvents_UpdateOrDeleteInTheDatabase_IsRefused()
    {
        var ticket = await _client.CreateTicketAsync("Phishing email reported");
        await _client.UpdateTicketAsync(ticket.Id(), new { assignee = "rita" });
        var before = (await _client.GetHistoryAsync(ticket.Id())).Select(entry => entry.GetRawText()).ToList();

        await using (var connection = factory.CreateDatabaseConnection())
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            var update = await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(connection, """UPDATE "TicketEvents" SET "Actor" = 'mallory' WHERE "TicketId" = @id""", ticket.Id()));
            var delete = await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(connection, """DELETE FROM "TicketEvents" WHERE "TicketId" = @id""", ticket.Id()));
            Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
            Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, (await _client.GetHistoryAsync(ticket.Id())).Select(entry => entry.GetRawText()));
        await _client.UpdateTicketAsync(ticket.Id(), new { status = "Cancelled", reason = "Reported to the security team instead" });
        var after = (await _client.GetHistoryAsync(ticket.Id())).Select(entry => entry.GetRawText()).ToList();
        Assert.True(after.Count > before.Count);
        Assert.Equal(before, after.Take(before.Count));
    }

    [Fact]
    public async Task GetHistory_ChangesByANamedAgent_NameThatAgentAsActor()
    {
        var nora = factory.CreateClientAs("Agent", "nora@example.test");
        var ticket = await nora.CreateTicketAsync("Guest Wi-Fi portal loops");

        await nora.UpdateTicketAsync(ticket.Id(), new { status = "InProgress" });
        await nora.AddNoteAsync(ticket.Id(), "Portal certificate expired");

        var history = await _client.GetHistoryAsync(ticket.Id());
        Assert.Equal(["created", "statusChanged", "fieldChanged", "noteAdded"], history.Select(entry => entry.Text("type")));
        Assert.All(history, entry => Assert.Equal("nora@example.test", entry.Text("actor")));
        Assert.Equal("nora@example.test", Assert.Single(await _client.GetNotesAsync(ticket.Id())).Text("author"));
    }

    [Fact]
    public async Task GetHistory_UnknownTicket_ReturnsNotFoundProblem()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/tickets/987654321/history", UriKind.Relative), TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound, "urn:ticket-triage:problem:not-found");
        Assert.Contains("987654321", problem.Text("detail"), StringComparison.Ordinal);
    }

    /// <summary>The ticket as the created entry shows it, in history's text form; fields it does not carry start empty.</summary>
    private static Dictionary<string, string?> Opened(JsonElement snapshot)
    {
        var state = RebuiltFields.ToDictionary(field => field, _ => (string?)null);
        foreach (var field in new[] { "title", "description", "impact", "urgency", "priority", "assignmentGroup", "status" })
        {
            state[field] = snapshot.TextOrNull(field);
        }

        state["reopenCount"] = "0";
        return state;
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, string sql, long ticketId)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.AddParameter("id", ticketId);
        return await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
