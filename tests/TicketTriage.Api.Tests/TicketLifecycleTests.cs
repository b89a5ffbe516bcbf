using System.Globalization;
using System.Net;
using System.Text.Json;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>Status moves through PATCH: the allowed ones, the refused ones, their reasons and the times they record.</summary>
public sealed class TicketLifecycleTests(TriageApiFactory factory) : IClassFixture<TriageApiFactory>
{
    private const string Validation = "urn:ticket-triage:problem:validation";
    private const string TransitionNotAllowed = "urn:ticket-triage:problem:transition-not-allowed";
    private const string TicketClosed = "urn:ticket-triage:problem:ticket-closed";

    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["New"] = ["InProgress", "OnHold", "Resolved", "Cancelled"],
        ["InProgress"] = ["OnHold", "Resolved", "Cancelled"],
        ["OnHold"] = ["InProgress", "Resolved", "Cancelled"],
        ["Resolved"] = ["InProgress", "Closed"],
        ["Closed"] = [],
        ["Cancelled"] = [],
    };

    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>Every from/to pair of statuses.</summary>
    public static TheoryData<string, string> Pairs()
    {
        var pairs = new TheoryData<string, string>();
        foreach (var from in TicketWorkClient.Statuses)
        {
            foreach (var to in TicketWorkClient.Statuses)
            {
                pairs.Add(from, to);
            }
        }

        return pairs;
    }

    public static TheoryData<string, string, string> MissingOrUnknownReasons => new()
    {
        { """{"status":"OnHold"}""", "holdReason", "missing holdReason" },
        { """{"status":"OnHold","holdReason":"AwaitingGodot"}""", "holdReason", "unknown holdReason" },
        { """{"status":"OnHold","holdReason":""}""", "holdReason", "empty holdReason" },
        { """{"status":"OnHold","holdReason":null}""", "holdReason", "null holdReason" },
        { """{"status":"Resolved","resolutionNotes":"Rebooted"}""", "resolutionCode", "missing resolutionCode" },
        { """{"status":"Resolved","resolutionCode":"Magic","resolutionNotes":"Rebooted"}""", "resolutionCode", "unknown resolutionCode" },
        { """{"status":"Resolved","resolutionCode":"Fixed"}""", "resolutionNotes", "missing resolutionNotes" },
        { """{"status":"Resolved","resolutionCode":"Fixed","resolutionNotes":"   "}""", "resolutionNotes", "blank resolutionNotes" },
        { """{"status":"Cancelled"}""", "reason", "missing reason" },
        { """{"status":"Cancelled","reason":"  "}""", "reason", "blank reason" },
        { """{"status":"Cancelled","reason":42}""", "reason", "reason as number" },
        { """{"status":"Paused"}""", "status", "unknown status" },
        { """{"status":null}""", "status", "null status" },
        { """{"holdReason":"AwaitingCaller"}""", "holdReason", "holdReason without status" },
        { """{"resolutionCode":"Fixed","resolutionNotes":"Rebooted"}""", "resolutionCode", "resolution without status" },
        { """{"status":"InProgress","holdReason":"AwaitingCaller"}""", "holdReason", "holdReason with another status" },
        { """{"status":"Resolved","resolutionCode":"Fixed","resolutionNotes":"Rebooted","reason":"Done"}""", "reason", "reason with Resolved" },
        { """{"reason":"Picked up"}""", "reason", "reason without a status or group" },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task PatchStatus_FromEachStatusToEachStatus_FollowsTheLifecycle(string from, string to)
    {
        var ticket = await _client.DriveToAsync(await _client.CreateTicketAsync($"Printer offline {from} to {to}"), from);
        var (before, etag) = await _client.GetTicketAsync(ticket.Id());

        var response = await _client.PatchTicketAsync(ticket.Id(), TicketWorkClient.MoveTo(to));

        if (Allowed[from].Contains(to))
        {
            await response.AssertStatusAsync(HttpStatusCode.OK);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            var moved = await response.ReadJsonAsync<JsonElement>();
            Assert.Equal(to, moved.Text("status"));
            Assert.NotEqual(etag, response.ETag());
            var (stored, storedETag) = await _client.GetTicketAsync(ticket.Id());
            Assert.Equal(moved.Stored(), stored.Stored());
            Assert.Equal(response.ETag(), storedETag);
            return;
        }

        if (Allowed[from].Length == 0)
        {
            var closed = await response.AssertProblemAsync(HttpStatusCode.Conflict, TicketClosed);
            Assert.Contains(from, closed.Text("detail"), StringComparison.Ordinal);
        }
        else if (from == to)
        {
            // Asking for the status the ticket already has is not a move: nothing happens.
            await response.AssertStatusAsync(HttpStatusCode.OK);
            Assert.Equal(etag, response.ETag());
        }
        else
        {
            var refused = await response.AssertProblemAsync(HttpStatusCode.Conflict, TransitionNotAllowed);
            var detail = refused.Text("detail");
            Assert.Contains(from, detail, StringComparison.Ordinal);
            Assert.All(Allowed[from], next => Assert.Contains(next, detail, StringComparison.Ordinal));
            Assert.Equal(from, refused.Text("currentStatus"));
            Assert.Equal(Allowed[from], refused.GetProperty("allowedStatuses").EnumerateArray().Select(status => status.GetString()));
        }

        var (after, afterETag) = await _client.GetTicketAsync(ticket.Id());
        Assert.Equal(before.Stored(), after.Stored());
        Assert.Equal(etag, afterETag);
    }

    [Theory]
    [MemberData(nameof(MissingOrUnknownReasons))]
    public async Task PatchStatus_WithMissingOrUnknownReason_ReturnsValidationProblemNamingTheField(string patch, string field, string scenario)
    {
        var ticket = await _client.CreateTicketAsync("Laptop docking station flickers");

        var response = await _client.PatchTicketJsonAsync(ticket.Id(), patch);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, Validation);
        Assert.True(problem.ErrorsFor(field).All(message => message.Contains(field, StringComparison.Ordinal)), scenario);
        var (stored, _) = await _client.GetTicketAsync(ticket.Id());
        Assert.Equal(ticket.Stored(), stored.Stored());
        Assert.Single(await _client.GetHistoryAsync(ticket.Id()));
    }

    [Theory]
    [InlineData("AwaitingCaller")]
    [InlineData("AwaitingVendor")]
    [InlineData("AwaitingChange")]
    public async Task PatchStatus_OnHoldWithEachReason_RecordsHoldReason(string reason)
    {
        var ticket = await _client.CreateTicketAsync("Mailbox full, waiting for licence");

        var held = await _client.UpdateTicketAsync(ticket.Id(), new { status = "OnHold", holdReason = reason });

        Assert.Equal("OnHold", held.Text("status"));
        Assert.Equal(reason, held.Text("holdReason"));
    }

    [Theory]
    [InlineData("Fixed")]
    [InlineData("Workaround")]
    [InlineData("NotReproducible")]
    [InlineData("Duplicate")]
    [InlineData("UserError")]
    public async Task PatchStatus_ResolvedWithEachCode_RecordsResolution(string code)
    {
        var ticket = await _client.CreateTicketAsync("Outlook keeps asking for the password");

        var resolved = await _client.UpdateTicketAsync(ticket.Id(), new { status = "Resolved", resolutionCode = code, resolutionNotes = "  Cleared cached credentials  " });

        Assert.Equal("Resolved", resolved.Text("status"));
        Assert.Equal(code, resolved.Text("resolutionCode"));
        Assert.Equal("Cleared cached credentials", resolved.Text("resolutionNotes"));
        Assert.Equal(resolved.Text("updatedAt"), resolved.Text("resolvedAt"));
    }

    [Fact]
    public async Task PatchStatus_Cancelled_RecordsCancelReason()
    {
        var ticket = await _client.CreateTicketAsync("Webcam not detected");

        var cancelled = await _client.UpdateTicketAsync(ticket.Id(), new { status = "Cancelled", reason = " Caller fixed it themselves " });

        Assert.Equal("Cancelled", cancelled.Text("status"));
        Assert.Equal("Caller fixed it themselves", cancelled.Text("cancelReason"));
    }

    [Fact]
    public async Task PatchStatus_LeavingHold_ClearsHoldReason()
    {
        var ticket = await _client.DriveToAsync(await _client.CreateTicketAsync("Headset crackles"), "OnHold");

        var resumed = await _client.UpdateTicketAsync(ticket.Id(), new { status = "InProgress" });

        Assert.Equal(JsonValueKind.Null, resumed.GetProperty("holdReason").ValueKind);
    }

    [Theory]
    [InlineData("Closed")]
    [InlineData("Cancelled")]
    public async Task PatchField_OnFinalTicket_ReturnsTicketClosedAndChangesNothing(string final)
    {
        var ticket = await _client.DriveToAsync(await _client.CreateTicketAsync("Keyboard missing keys"), final);
        var history = await _client.GetHistoryAsync(ticket.Id());

        var response = await _client.PatchTicketAsync(ticket.Id(), new { title = "Keyboard missing more keys", assignee = "dana" });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict, TicketClosed);
        Assert.Contains(final, problem.Text("detail"), StringComparison.Ordinal);
        var (stored, _) = await _client.GetTicketAsync(ticket.Id());
        Assert.Equal(ticket.Stored(), stored.Stored());
        Assert.Equal(history.Count, (await _client.GetHistoryAsync(ticket.Id())).Count);
    }

    [Fact]
    public async Task CreateTicket_New_HasNoResponseResolutionOrCloseTimes()
    {
        var ticket = await _client.CreateTicketAsync("Monitor flickers");

        Assert.Equal(JsonValueKind.Null, ticket.GetProperty("respondedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, ticket.GetProperty("resolvedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, ticket.GetProperty("closedAt").ValueKind);
        Assert.Equal(0, ticket.GetProperty("reopenCount").GetInt32());
    }

    [Theory]
    [InlineData("InProgress")]
    [InlineData("OnHold")]
    [InlineData("Resolved")]
    [InlineData("Cancelled")]
    public async Task PatchStatus_FirstMoveOutOfNew_SetsRespondedAt(string to)
    {
        var ticket = await _client.CreateTicketAsync("Wi-Fi drops in meeting room");
        factory.AdvanceTime(TimeSpan.FromMinutes(7));

        var moved = await _client.UpdateTicketAsync(ticket.Id(), TicketWorkClient.MoveTo(to));

        Assert.Equal(moved.Text("updatedAt"), moved.Text("respondedAt"));
        Assert.True(DateTimeOffset.Parse(moved.Text("respondedAt"), CultureInfo.InvariantCulture)
            >= DateTimeOffset.Parse(ticket.Text("createdAt"), CultureInfo.InvariantCulture).AddMinutes(7));
    }

    [Fact]
    public async Task PatchFields_WhileNew_DoNotSetRespondedAt()
    {
        var ticket = await _client.CreateTicketAsync("Laptop fan loud");

        var changed = await _client.UpdateTicketAsync(ticket.Id(), new { title = "Laptop fan very loud", assignee = "eve", impact = 1 });

        Assert.Equal(JsonValueKind.Null, changed.GetProperty("respondedAt").ValueKind);
    }

    [Fact]
    public async Task PatchStatus_LaterMoves_KeepTheFirstRespondedAt()
    {
        var ticket = await _client.CreateTicketAsync("VPN slow from home");
        var started = await _client.UpdateTicketAsync(ticket.Id(), new { status = "InProgress" });
        factory.AdvanceTime(TimeSpan.FromHours(1));

        await _client.UpdateTicketAsync(ticket.Id(), TicketWorkClient.MoveTo("OnHold"));
        var resolved = await _client.UpdateTicketAsync(ticket.Id(), TicketWorkClient.MoveTo("Resolved"));

        Assert.Equal(started.Text("respondedAt"), resolved.Text("respondedAt"));
    }

    [Fact]
    public async Task AddNote_BeforeAnyMove_SetsRespondedAtThatTheMoveKeeps()
    {
        var ticket = await _client.CreateTicketAsync("Docking station not charging");
        factory.AdvanceTime(TimeSpan.FromMinutes(3));
        var note = await _client.AddNoteAsync(ticket.Id(), "Asked the caller for the model number");
        factory.AdvanceTime(TimeSpan.FromMinutes(30));

        var started = await _client.UpdateTicketAsync(ticket.Id(), new { status = "InProgress" });

        Assert.Equal(note.Text("createdAt"), started.Text("respondedAt"));
    }

    [Fact]
    public async Task PatchStatus_ResolveThenClose_SetsResolvedAtAndClosedAt()
    {
        var ticket = await _client.CreateTicketAsync("Toner empty on 4th floor");
        var resolved = await _client.UpdateTicketAsync(ticket.Id(), TicketWorkClient.MoveTo("Resolved"));
        factory.AdvanceTime(TimeSpan.FromHours(2));

        var closed = await _client.UpdateTicketAsync(ticket.Id(), new { status = "Closed" });

        Assert.Equal(resolved.Text("resolvedAt"), closed.Text("resolvedAt"));
        Assert.Equal(closed.Text("updatedAt"), closed.Text("closedAt"));
        Assert.Equal("Fixed", closed.Text("resolutionCode"));
    }

    [Fact]
    public async Task PatchStatus_Reopen_CountsItAndClearsTheResolution()
    {
        var ticket = await _client.CreateTicketAsync("Calendar invite not delivered");
        var resolved = await _client.UpdateTicketAsync(ticket.Id(), TicketWorkClient.MoveTo("Resolved"));

        var reopened = await _client.UpdateTicketAsync(ticket.Id(), new { status = "InProgress" });

        Assert.Equal("InProgress", reopened.Text("status"));
        Assert.Equal(1, reopened.GetProperty("reopenCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("resolvedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("resolutionCode").ValueKind);
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("resolutionNotes").ValueKind);
        Assert.Equal(resolved.Text("respondedAt"), reopened.Text("respondedAt"));

        await _client.UpdateTicketAsync(ticket.Id(), TicketWorkClient.MoveTo("Resolved"));
        var again = await _client.UpdateTicketAsync(ticket.Id(), new { status = "InProgress" });
        Assert.Equal(2, again.GetProperty("reopenCount").GetInt32());
    }

    [Fact]
    public async Task PatchStatus_WithAReason_RecordsItWithTheMove()
    {
        var ticket = await _client.CreateTicketAsync("Calendar invite not delivered");
        await _client.UpdateTicketAsync(ticket.Id(), new { status = "OnHold", holdReason = "AwaitingVendor", reason = "Vendor case 4471" });
        await _client.UpdateTicketAsync(ticket.Id(), new { status = "InProgress", reason = "Vendor sent a fix" });
        await _client.UpdateTicketAsync(ticket.Id(), TicketWorkClient.MoveTo("Resolved"));
        var reopened = await _client.UpdateTicketAsync(ticket.Id(), new { status = "InProgress", reason = " Caller still gets no invites " });

        var moves = (await _client.GetHistoryAsync(ticket.Id()))
            .Where(entry => entry.Text("type") == "statusChanged")
            .Select(entry => (entry.Text("newValue"), entry.TextOrNull("reason")))
            .ToList();

        Assert.Equal(1, reopened.GetProperty("reopenCount").GetInt32());
        Assert.Equal(
            [("OnHold", "AwaitingVendor: Vendor case 4471"), ("InProgress", "Vendor sent a fix"), ("Resolved", "Fixed: Replaced the faulty cable"), ("InProgress", "Caller still gets no invites")],
            moves);
    }
}
