using System.Globalization;
using System.Net;
using System.Text.Json;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>Resolved tickets close by themselves once Lifecycle:AutoCloseAfter (3 days by default) has passed.</summary>
public sealed class AutoCloseTests(TriageApiFactory factory) : IClassFixture<TriageApiFactory>
{
    private static readonly TimeSpan Wait = TimeSpan.FromDays(3);

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task AutoClose_OneMinuteBeforeTheWaitEnds_LeavesTicketResolved()
    {
        var ticket = await ResolvedTicketAsync("Outlook search returns nothing");
        factory.AdvanceTime(Wait - TimeSpan.FromMinutes(1));

        await factory.RunAutoCloseAsync();

        var (stored, _) = await _client.GetTicketAsync(ticket.Id());
        Assert.Equal("Resolved", stored.Text("status"));
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("closedAt").ValueKind);
        Assert.Equal(ticket.Stored(), stored.Stored());
        Assert.DoesNotContain(await _client.GetHistoryAsync(ticket.Id()), entry => entry.Text("type") == "autoClosed");
    }

    [Fact]
    public async Task AutoClose_JustAfterTheWait_ClosesTicketAndRecordsSystemEntry()
    {
        var ticket = await ResolvedTicketAsync("Calendar shows wrong time zone");
        var (_, resolvedETag) = await _client.GetTicketAsync(ticket.Id());
        factory.AdvanceTime(Wait + TimeSpan.FromSeconds(1));

        await factory.RunAutoCloseAsync();

        var (closed, etag) = await _client.GetTicketAsync(ticket.Id());
        Assert.Equal("Closed", closed.Text("status"));
        Assert.NotEqual(resolvedETag, etag);
        var closedAt = DateTimeOffset.Parse(closed.Text("closedAt"), CultureInfo.InvariantCulture);
        var resolvedAt = DateTimeOffset.Parse(ticket.Text("resolvedAt"), CultureInfo.InvariantCulture);
        Assert.InRange(closedAt - resolvedAt, Wait, Wait + TimeSpan.FromSeconds(2));
        Assert.Equal(ticket.Text("resolvedAt"), closed.Text("resolvedAt"));
        Assert.Equal(ticket.Text("resolutionCode"), closed.Text("resolutionCode"));
        Assert.Equal(closed.Text("closedAt"), closed.Text("updatedAt"));

        var history = await _client.GetHistoryAsync(ticket.Id());
        var autoClosed = Assert.Single(history, entry => entry.Text("type") == "autoClosed");
        Assert.Equal("system", autoClosed.Text("actor"));
        Assert.Equal(("status", "Resolved", "Closed"), (autoClosed.Text("field"), autoClosed.Text("oldValue"), autoClosed.Text("newValue")));
        Assert.Equal(closed.Text("closedAt"), autoClosed.Text("at"));
        Assert.False(string.IsNullOrWhiteSpace(autoClosed.Text("reason")));
        var closedAtEntry = Assert.Single(history, entry => entry.TextOrNull("field") == "closedAt");
        Assert.Equal(("system", closed.Text("closedAt")), (closedAtEntry.Text("actor"), closedAtEntry.Text("newValue")));
    }

    [Fact]
    public async Task AutoClose_RunTwice_ClosesOnceAndLeavesOneEntry()
    {
        var ticket = await ResolvedTicketAsync("Mailbox quota warning");
        factory.AdvanceTime(Wait + TimeSpan.FromMinutes(1));
        await factory.RunAutoCloseAsync();
        var (first, _) = await _client.GetTicketAsync(ticket.Id());
        factory.AdvanceTime(TimeSpan.FromHours(1));

        await factory.RunAutoCloseAsync();

        var (second, _) = await _client.GetTicketAsync(ticket.Id());
        Assert.Equal(first.Stored(), second.Stored());
        Assert.Single(await _client.GetHistoryAsync(ticket.Id()), entry => entry.Text("type") == "autoClosed");
    }

    [Fact]
    public async Task AutoClose_ReopenedTicket_IsNotClosed()
    {
        var ticket = await ResolvedTicketAsync("Shared calendar not visible");
        factory.AdvanceTime(TimeSpan.FromDays(1));
        await _client.UpdateTicketAsync(ticket.Id(), new { status = "InProgress" });
        factory.AdvanceTime(Wait);

        await factory.RunAutoCloseAsync();

        var (stored, _) = await _client.GetTicketAsync(ticket.Id());
        Assert.Equal("InProgress", stored.Text("status"));
        Assert.Equal(1, stored.GetProperty("reopenCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("closedAt").ValueKind);
    }

    [Fact]
    public async Task AutoClose_ResolvedAgainAfterReopen_WaitsFromTheNewResolution()
    {
        var ticket = await ResolvedTicketAsync("Printer queue stuck");
        factory.AdvanceTime(TimeSpan.FromDays(2));
        await _client.UpdateTicketAsync(ticket.Id(), new { status = "InProgress" });
        var again = await _client.UpdateTicketAsync(ticket.Id(), TicketWorkClient.MoveTo("Resolved"));
        factory.AdvanceTime(TimeSpan.FromDays(2));

        await factory.RunAutoCloseAsync();
        Assert.Equal("Resolved", (await _client.GetTicketAsync(ticket.Id())).Ticket.Text("status"));

        factory.AdvanceTime(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await factory.RunAutoCloseAsync();
        var (closed, _) = await _client.GetTicketAsync(ticket.Id());
        Assert.Equal("Closed", closed.Text("status"));
        Assert.Equal(again.Text("resolvedAt"), closed.Text("resolvedAt"));
    }

    [Theory]
    [InlineData("New")]
    [InlineData("InProgress")]
    [InlineData("OnHold")]
    [InlineData("Cancelled")]
    public async Task AutoClose_TicketNotResolved_IsLeftAlone(string status)
    {
        var ticket = await _client.DriveToAsync(await _client.CreateTicketAsync("Scanner sends blank pages"), status);
        factory.AdvanceTime(Wait + TimeSpan.FromDays(1));

        await factory.RunAutoCloseAsync();

        var (stored, _) = await _client.GetTicketAsync(ticket.Id());
        Assert.Equal(ticket.Stored(), stored.Stored());
    }

    [Fact]
    public async Task PatchTicket_AfterAutoClose_ReturnsTicketClosed()
    {
        var ticket = await ResolvedTicketAsync("Laptop charger frayed");
        factory.AdvanceTime(Wait + TimeSpan.FromMinutes(1));
        await factory.RunAutoCloseAsync();

        var response = await _client.PatchTicketAsync(ticket.Id(), new { status = "InProgress" });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "urn:ticket-triage:problem:ticket-closed");
    }

    private async Task<JsonElement> ResolvedTicketAsync(string title) =>
        await _client.DriveToAsync(await _client.CreateTicketAsync(title), "Resolved");
}
