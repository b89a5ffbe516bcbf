using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>What the API acknowledged stays stored: across restarts, a killed process and concurrent writers.</summary>
public sealed class DurabilityTests
{
    [Fact]
    public async Task CreateTicket_ThenHostRestarted_TicketIsStillThere()
    {
        var directory = NewDirectory();
        try
        {
            JsonElement created;
            using (var first = TriageApiFactory.OnDirectory(directory))
            {
                created = await first.CreateClient().CreateTicketAsync("Database deadlock on payroll", impact: 1, urgency: 1);
            }

            using var second = TriageApiFactory.OnDirectory(directory);
            var client = second.CreateClient();
            var fetched = await client.GetJsonAsync($"/api/v1/tickets/{created.GetProperty("id").GetInt64()}");

            Assert.Equal(created.Stored(), fetched.Stored());
            var next = await client.CreateTicketAsync("Next one");
            Assert.Equal(created.GetProperty("id").GetInt64() + 1, next.GetProperty("id").GetInt64());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task CreateTicket_200Concurrently_Stores200TicketsWith200DistinctNumbers()
    {
        using var factory = new TriageApiFactory();
        var client = factory.CreateClient();
        var marker = TicketClient.NewMarker();

        var created = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => client.CreateTicketAsync($"{marker} outage report {i}")));

        var numbers = created.Select(ticket => ticket.Text("number")).ToList();
        Assert.Equal(200, numbers.Distinct().Count());
        var stored = await client.ListAllAsync($"q={marker}");
        Assert.Equal(200, stored.Count);
        Assert.Equal(numbers.Order(), stored.Select(ticket => ticket.Text("number")).Order());
    }

    [Fact]
    public async Task CreateTicket_ThenProcessKilledWithSigkill_TicketSurvivesRestart()
    {
        var directory = NewDirectory();
        try
        {
            var databasePath = Path.Combine(directory, "tickets.db");
            await ServiceProcess.RunCommandAsync(databasePath, "correct horse battery staple\n", "users", "create", "--email", "ops@example.com", "--role", "Agent");
            var token = (await ServiceProcess.RunCommandAsync(databasePath, string.Empty, "tokens", "create", "--email", "ops@example.com", "--name", "durability")).Trim();
            Assert.StartsWith("tt_", token, StringComparison.Ordinal);
            JsonElement created;
            using (var service = await ServiceProcess.StartAsync(databasePath, token))
            {
                var response = await service.Client.PostAsJsonAsync(
                    "/api/v1/tickets",
                    new { title = "Killed mid-flight: café ☕ 打印机", impact = 2, urgency = 1, description = "Must survive SIGKILL" },
                    TestContext.Current.CancellationToken);
                await response.AssertStatusAsync(HttpStatusCode.Created);
                created = await response.ReadJsonAsync<JsonElement>();
                service.Kill();
            }

            using var restarted = await ServiceProcess.StartAsync(databasePath, token);
            var fetched = await restarted.Client.GetJsonAsync($"/api/v1/tickets/{created.GetProperty("id").GetInt64()}");

            Assert.Equal(created.Stored(), fetched.Stored());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string NewDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "ticket-triage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }
}
