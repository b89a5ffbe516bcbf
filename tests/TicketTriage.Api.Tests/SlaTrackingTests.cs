using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TicketTriage.Api.Persistence;
using TicketTriage.Api.Tests.Infrastructure;
using TicketTriage.Core.Tickets;

namespace TicketTriage.Api.Tests;

/// <summary>SLA clocks on every ticket, pauses on hold, and warnings and breaches that fire exactly once.</summary>
public sealed class SlaTrackingTests : IDisposable
{
    // A host of its own: these tests move the clock by hours.
    private readonly TriageApiFactory _factory = new();
    private readonly HttpClient _client;

    public SlaTrackingTests() => _client = _factory.CreateClient();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task NewP1Ticket_ShowsBothClocksRunningAgainstItsTargets()
    {
        var ticket = await _client.CreateTicketAsync("Payroll database down", impact: 1, urgency: 1);

        var response = ticket.GetProperty("sla").GetProperty("response");
        var resolution = ticket.GetProperty("sla").GetProperty("resolution");
        var created = DateTimeOffset.Parse(ticket.Text("createdAt"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("00:15:00", response.Text("target"));
        Assert.Equal("04:00:00", resolution.Text("target"));
        Assert.Equal("running", response.Text("state"));
        Assert.Equal(created.AddMinutes(15), DateTimeOffset.Parse(response.Text("dueAt"), System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromSeconds(1));
        Assert.InRange(response.GetProperty("percentElapsed").GetDouble(), 0, 1);
        Assert.Equal("00:15:00", response.Text("remaining"));
    }

    [Fact]
    public async Task OnHold_PausesTheResolutionClockUntilWorkResumes()
    {
        var ticket = await _client.CreateTicketAsync("VPN flaps for the Leeds office", impact: 2, urgency: 2);
        var id = ticket.GetProperty("id").GetInt64();
        _factory.AdvanceTime(TimeSpan.FromMinutes(30));
        await _client.UpdateTicketAsync(id, new { status = "OnHold", holdReason = "AwaitingVendor" });
        _factory.AdvanceTime(TimeSpan.FromHours(3));

        var held = (await _client.GetJsonAsync($"/api/v1/tickets/{id}")).GetProperty("sla");
        await _client.UpdateTicketAsync(id, new { status = "InProgress" });
        _factory.AdvanceTime(TimeSpan.FromHours(1));
        var resumed = (await _client.GetJsonAsync($"/api/v1/tickets/{id}")).GetProperty("sla");

        Assert.Equal("paused", held.GetProperty("resolution").Text("state"));
        Assert.Equal("00:30:00", held.GetProperty("resolution").Text("elapsed"));
        Assert.Equal("met", held.GetProperty("response").Text("state"));
        Assert.Equal("running", resumed.GetProperty("resolution").Text("state"));
        Assert.Equal("01:30:00", resumed.GetProperty("resolution").Text("elapsed"));
        Assert.Equal(18.8, resumed.GetProperty("resolution").GetProperty("percentElapsed").GetDouble(), 1);
    }

    [Fact]
    public async Task PriorityChange_MeasuresTheNewPolicyFromCreation()
    {
        var ticket = await _client.CreateTicketAsync("Printer tray jammed", impact: 3, urgency: 3);
        var id = ticket.GetProperty("id").GetInt64();
        _factory.AdvanceTime(TimeSpan.FromMinutes(30));

        var raised = await _client.UpdateTicketAsync(id, new { impact = 1, urgency = 1 });

        var response = raised.GetProperty("sla").GetProperty("response");
        Assert.Equal("P1", raised.Text("priority"));
        Assert.Equal("00:15:00", response.Text("target"));
        Assert.Equal("breached", response.Text("state"));
        Assert.Equal("00:30:00", response.Text("elapsed"));
    }

    [Fact]
    public async Task PriorityLoweredAfterBreach_TakesTheBreachBackAndRecordsTheNewTargetsCrossings()
    {
        // Monday 9:00. P1's response target is 15 minutes; P4's is 8 business hours, its warning at 6.
        var ticket = await _client.CreateTicketAsync("Core switch down", impact: 1, urgency: 1);
        var id = ticket.Id();
        _factory.AdvanceTime(TimeSpan.FromMinutes(16));
        Assert.Equal(2, await _factory.RunSlaScanAsync());
        Assert.Equal([id], await _client.ListIdsAsync("slaState=breached"));

        var lowered = await _client.UpdateTicketAsync(id, new { impact = 3, urgency = 3 });

        Assert.Equal("P4", lowered.Text("priority"));
        Assert.Equal("running", lowered.GetProperty("sla").GetProperty("response").Text("state"));
        Assert.Empty(await _client.ListIdsAsync("slaState=breached"));
        Assert.Empty(await _client.ListIdsAsync("slaState=atRisk"));

        _factory.AdvanceTime(TimeSpan.FromHours(6));
        Assert.Equal(1, await _factory.RunSlaScanAsync());
        Assert.Equal([id], await _client.ListIdsAsync("slaState=atRisk"));
        _factory.AdvanceTime(TimeSpan.FromHours(2));
        Assert.Equal(1, await _factory.RunSlaScanAsync());
        Assert.Equal(0, await _factory.RunSlaScanAsync());
        Assert.Equal([id], await _client.ListIdsAsync("slaState=breached"));

        var crossings = (await _client.GetJsonAsync($"/api/v1/tickets/{id}/history")).GetProperty("items").EnumerateArray()
            .Where(entry => entry.Text("type") is "slaWarning" or "slaBreached")
            .Select(entry => (entry.Text("type"), entry.Text("at")[11..16]))
            .ToList();
        Assert.Equal([("slaWarning", "09:11"), ("slaBreached", "09:15"), ("slaWarning", "15:00"), ("slaBreached", "17:00")], crossings);
    }

    [Fact]
    public async Task Patch_WhileTheScanRecordsAWarning_AppliesTheChangeAndKeepsTheWarning()
    {
        var ticket = await _client.CreateTicketAsync("Core switch down", impact: 1, urgency: 1);
        _factory.AdvanceTime(TimeSpan.FromMinutes(12));
        var (_, etag) = await _client.GetTicketAsync(ticket.Id());

        // The scan records the due warning between the PATCH's read and its save, as it may on any instance.
        var scanBetween = new BeforeTicketSave(_factory.RunSlaScanAsync);
        using var racing = WithInterceptor(scanBetween);
        var response = await racing.CreateClient().PatchTicketAsync(ticket.Id(), new { assignee = "kim" }, etag);

        await response.AssertStatusAsync(HttpStatusCode.OK);
        Assert.Equal(1, scanBetween.Runs);
        Assert.Equal("kim", (await response.ReadJsonAsync<JsonElement>()).Text("assignee"));
        Assert.Equal(0, await _factory.RunSlaScanAsync());
        var history = await _client.GetHistoryAsync(ticket.Id());
        Assert.Single(history, entry => entry.Text("type") == "slaWarning");
        Assert.Single(history, entry => entry.TextOrNull("field") == "assignee");
    }

    [Fact]
    public async Task AddNote_WhileTheScanRecordsAWarning_StoresTheNote()
    {
        var ticket = await _client.CreateTicketAsync("Core switch down", impact: 1, urgency: 1);
        _factory.AdvanceTime(TimeSpan.FromMinutes(12));
        var scanBetween = new BeforeTicketSave(_factory.RunSlaScanAsync);
        using var racing = WithInterceptor(scanBetween);

        await racing.CreateClient().AddNoteAsync(ticket.Id(), "Paged the network on-call");

        Assert.Equal(1, scanBetween.Runs);
        var history = await _client.GetHistoryAsync(ticket.Id());
        Assert.Single(history, entry => entry.Text("type") == "slaWarning");
        Assert.Single(history, entry => entry.Text("type") == "noteAdded");
    }

    private WebApplicationFactory<Program> WithInterceptor(IInterceptor interceptor) =>
        _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<SqliteTriageDbContext>(options => options.AddInterceptors(interceptor));
            services.ConfigureDbContext<PostgresTriageDbContext>(options => options.AddInterceptors(interceptor));
        }));

    /// <summary>Runs an action once, just before the first save of a changed ticket.</summary>
    private sealed class BeforeTicketSave(Func<Task<int>> action) : SaveChangesInterceptor
    {
        public int Runs { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Runs == 0 && eventData.Context!.ChangeTracker.Entries<Ticket>().Any(entry => entry.State == EntityState.Modified))
            {
                Runs++;
                await action();
            }

            return result;
        }
    }

    [Fact]
    public async Task WarningAndBreach_AreRecordedExactlyOnceEach()
    {
        var ticket = await _client.CreateTicketAsync("Core switch down", impact: 1, urgency: 1);
        var id = ticket.GetProperty("id").GetInt64();

        _factory.AdvanceTime(TimeSpan.FromMinutes(11));
        Assert.Equal(0, await _factory.RunSlaScanAsync());
        _factory.AdvanceTime(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await _factory.RunSlaScanAsync());
        Assert.Equal(0, await _factory.RunSlaScanAsync());
        _factory.AdvanceTime(TimeSpan.FromMinutes(4));
        Assert.Equal(1, await _factory.RunSlaScanAsync());
        Assert.Equal(0, await _factory.RunSlaScanAsync());

        var history = (await _client.GetJsonAsync($"/api/v1/tickets/{id}/history")).GetProperty("items").EnumerateArray().ToList();
        var warning = Assert.Single(history, entry => entry.Text("type") == "slaWarning");
        var breach = Assert.Single(history, entry => entry.Text("type") == "slaBreached");
        Assert.Equal("sla.response", warning.Text("field"));
        Assert.Equal("system", breach.Text("actor"));
        var created = DateTimeOffset.Parse(ticket.Text("createdAt"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(created.AddMinutes(15), DateTimeOffset.Parse(breach.Text("at"), System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task RespondedInTime_NeverWarnsAboutTheResponse()
    {
        var ticket = await _client.CreateTicketAsync("Mail queue stuck", impact: 1, urgency: 1);
        var id = ticket.GetProperty("id").GetInt64();
        _factory.AdvanceTime(TimeSpan.FromMinutes(5));
        await _client.UpdateTicketAsync(id, new { status = "InProgress" });
        _factory.AdvanceTime(TimeSpan.FromMinutes(20));

        await _factory.RunSlaScanAsync();

        var history = (await _client.GetJsonAsync($"/api/v1/tickets/{id}/history")).GetProperty("items").EnumerateArray();
        Assert.DoesNotContain(history, entry => entry.Text("field") == "sla.response");
        var sla = (await _client.GetJsonAsync($"/api/v1/tickets/{id}")).GetProperty("sla");
        Assert.Equal("met", sla.GetProperty("response").Text("state"));
    }

    [Fact]
    public async Task Scan_WithOneTicketItCannotMeasure_StillRecordsTheOthers()
    {
        var damaged = await _client.CreateTicketAsync("Core switch down", impact: 1, urgency: 1);
        var healthy = await _client.CreateTicketAsync("Payroll database down", impact: 1, urgency: 1);

        // A pause that ends before it starts, as a damaged row or another tool might leave it: its clock cannot be measured.
        await using (var connection = _factory.CreateDatabaseConnection())
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var damage = connection.CreateCommand();
            damage.CommandText = """UPDATE "Tickets" SET "SlaPauses" = @pauses WHERE "Id" = @id""";
            damage.AddParameter("pauses", """[{"start":"2026-11-02T10:00:00Z","end":"2026-11-02T09:30:00Z"}]""");
            damage.AddParameter("id", damaged.Id());
            await damage.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        _factory.AdvanceTime(TimeSpan.FromMinutes(16));

        Assert.Equal(2, await _factory.RunSlaScanAsync());
        var history = (await _client.GetJsonAsync($"/api/v1/tickets/{healthy.Id()}/history")).GetProperty("items").EnumerateArray();
        Assert.Contains(history, entry => entry.Text("type") == "slaBreached");
    }

    [Fact]
    public async Task Calendar_WithConfiguredDays_CountsThoseDaysOnly()
    {
        // Sunday to Thursday: the Monday to Friday default must not stay underneath.
        using var factory = TriageApiFactory.WithSettings(new Dictionary<string, string?>
        {
            ["Sla:Calendars:business-hours:Days:0"] = "Sunday",
            ["Sla:Calendars:business-hours:Days:1"] = "Monday",
            ["Sla:Calendars:business-hours:Days:2"] = "Tuesday",
            ["Sla:Calendars:business-hours:Days:3"] = "Wednesday",
            ["Sla:Calendars:business-hours:Days:4"] = "Thursday",
        });
        var client = factory.CreateClient();
        factory.AdvanceTime(TimeSpan.FromDays(4));

        // Friday 6 November, 9:00: a P3 ticket's 4 business hours start on Sunday.
        var ticket = await client.CreateTicketAsync("Printer tray jammed", impact: 2, urgency: 3);

        Assert.Equal("P3", ticket.Text("priority"));
        var dueAt = DateTimeOffset.Parse(ticket.GetProperty("sla").GetProperty("response").Text("dueAt"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(new DateTimeOffset(2026, 11, 8, 13, 0, 0, TimeSpan.Zero), dueAt, TimeSpan.FromSeconds(1));
    }

    [Theory]
    [InlineData("Sla:Policies:P3:Calendar", "nowhere", "nowhere")]
    [InlineData("Sla:Calendars:business-hours:TimeZone", "Mars/Olympus_Mons", "Mars/Olympus_Mons")]
    [InlineData("Sla:WarningAt", "1.5", "Sla:WarningAt")]
    [InlineData("Sla:Policies:P2:Response", "-00:10:00", "Sla:Policies:P2")]
    public void Start_WithBrokenSlaSettings_FailsNamingTheProblem(string key, string value, string expected)
    {
        var failure = TriageApiFactory.StartFailure(new Dictionary<string, string?> { [key] = value });

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }
}
