using System.Text.Json;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>The background monitor and the Lifecycle settings, each on a host of its own.</summary>
public sealed class AutoCloseMonitorTests
{
    [Fact]
    public async Task Monitor_Enabled_ClosesResolvedTicketOnceTheClockPassesTheWait()
    {
        using var factory = TriageApiFactory.WithSettings(new Dictionary<string, string?>
        {
            ["Lifecycle:MonitorEnabled"] = "true",
            ["Lifecycle:ScanInterval"] = "00:01:00",
        });
        var client = factory.CreateClient();
        var ticket = await client.DriveToAsync(await client.CreateTicketAsync("Wi-Fi password rotated"), "Resolved");
        factory.AdvanceTime(TimeSpan.FromDays(3));

        // The monitor's timer runs on the fake clock: each minute step lets it tick, then it needs real time to scan.
        var status = "Resolved";
        for (var step = 0; step < 100 && status != "Closed"; step++)
        {
            factory.AdvanceTime(TimeSpan.FromMinutes(1));
            await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
            status = (await client.GetTicketAsync(ticket.Id())).Ticket.Text("status");
        }

        Assert.Equal("Closed", status);
        var autoClosed = Assert.Single(await client.GetHistoryAsync(ticket.Id()), entry => entry.Text("type") == "autoClosed");
        Assert.Equal("system", autoClosed.Text("actor"));
    }

    [Fact]
    public async Task AutoClose_WithConfiguredWait_UsesIt()
    {
        using var factory = TriageApiFactory.WithSettings(new Dictionary<string, string?> { ["Lifecycle:AutoCloseAfter"] = "04:00:00" });
        var client = factory.CreateClient();
        var ticket = await client.DriveToAsync(await client.CreateTicketAsync("Teams call drops"), "Resolved");

        factory.AdvanceTime(TimeSpan.FromHours(4) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await factory.RunAutoCloseAsync());
        factory.AdvanceTime(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await factory.RunAutoCloseAsync());

        var (closed, _) = await client.GetTicketAsync(ticket.Id());
        Assert.Equal("Closed", closed.Text("status"));
        Assert.NotEqual(JsonValueKind.Null, closed.GetProperty("closedAt").ValueKind);
    }
}
