using System.Text.Json;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>
/// <c>backup --to FILE</c>, run as an operator runs it: a process beside a running service, whose copy
/// another service then starts on.
/// </summary>
public sealed class BackupCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ticket-triage-tests", Guid.NewGuid().ToString("N"));

    public BackupCommandTests() => Directory.CreateDirectory(_directory);

    private string DatabasePath => Path.Combine(_directory, "tickets.db");

    [Fact]
    public async Task Backup_WhileTheServiceWrites_CopyServesEveryTicketAcknowledgedBeforeIt()
    {
        var token = await CreateAgentTokenAsync();
        var backupPath = Path.Combine(_directory, "backup.db");
        JsonElement ticket;
        List<JsonElement> notes;
        var acknowledgedBeforeBackup = new List<long>();
        var storedAfterBackup = 0;
        using (var service = await ServiceProcess.StartAsync(DatabasePath, token))
        {
            var created = await service.Client.CreateTicketAsync("Payroll database deadlock: café ☕", impact: 1, urgency: 1, description: "Must be in the backup");
            var createdId = created.GetProperty("id").GetInt64();
            await service.Client.AddNoteAsync(createdId, "Restarted the batch job");
            ticket = await service.Client.GetJsonAsync($"/api/v1/tickets/{createdId}");
            notes = await service.Client.GetNotesAsync(createdId);

            // Tickets keep arriving while the backup runs: the copy must be one consistent snapshot.
            using var stop = new CancellationTokenSource();
            var writer = WriteUntilStoppedAsync(service.Client, stop.Token);
            await Task.Delay(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);
            acknowledgedBeforeBackup.AddRange(await TicketIdsAsync(service.Client));

            var (exitCode, output, errors) = await ServiceProcess.RunAsync(DatabasePath, string.Empty, "backup", "--to", backupPath);

            await stop.CancelAsync();
            await writer;
            storedAfterBackup = (await TicketIdsAsync(service.Client)).Count;
            Assert.True(exitCode == 0, $"backup exited with {exitCode}: {errors}");
            Assert.Equal(string.Empty, output);
            Assert.Equal(string.Empty, errors.Trim());
        }

        Assert.True(File.Exists(backupPath));
        Assert.Empty(Directory.GetFiles(_directory, "*.partial"));
        using var restored = await ServiceProcess.StartAsync(backupPath, token);
        var id = ticket.GetProperty("id").GetInt64();
        var fetched = await restored.Client.GetJsonAsync($"/api/v1/tickets/{id}");
        Assert.Equal(ticket.Stored(), fetched.Stored());
        Assert.Equal(notes.Select(note => note.GetRawText()), (await restored.Client.GetNotesAsync(id)).Select(note => note.GetRawText()));

        // A snapshot at a commit: every ticket acknowledged before the backup, and no gap in the numbering.
        var copied = await TicketIdsAsync(restored.Client);
        Assert.Subset(copied.ToHashSet(), acknowledgedBeforeBackup.ToHashSet());
        Assert.Equal(Enumerable.Range(1, copied.Count).Select(n => (long)n), copied.Order());
        Assert.InRange(copied.Count, acknowledgedBeforeBackup.Count, storedAfterBackup);
        Assert.True(storedAfterBackup > acknowledgedBeforeBackup.Count, "No ticket was written while the backup ran.");
        TestContext.Current.TestOutputHelper?.WriteLine($"{acknowledgedBeforeBackup.Count} tickets before the backup, {copied.Count} in it, {storedAfterBackup} after it.");
    }

    [Fact]
    public async Task Backup_ToAFileThatExists_RefusesAndLeavesItAlone()
    {
        await CreateAgentTokenAsync();
        var existing = Path.Combine(_directory, "existing.db");
        await File.WriteAllTextAsync(existing, "last night's backup", TestContext.Current.CancellationToken);

        var (exitCode, output, errors) = await ServiceProcess.RunAsync(DatabasePath, string.Empty, "backup", "--to", existing);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("already exists", errors, StringComparison.Ordinal);
        Assert.Equal("last night's backup", await File.ReadAllTextAsync(existing, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Backup_WithoutADatabase_FailsWithoutCreatingOne()
    {
        var (exitCode, output, errors) = await ServiceProcess.RunAsync(DatabasePath, string.Empty, "backup", "--to", Path.Combine(_directory, "backup.db"));

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("No database", errors, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    [Theory]
    [InlineData("backup")]
    [InlineData("backup", "--to")]
    [InlineData("backup", "--into", "copy.db")]
    [InlineData("backup", "--to", "copy.db", "--force", "true")]
    public async Task Backup_WithWrongArguments_PrintsUsageAndExits2(params string[] arguments)
    {
        var (exitCode, output, errors) = await ServiceProcess.RunAsync(DatabasePath, string.Empty, arguments);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("backup --to <file>", errors, StringComparison.Ordinal);
        Assert.Contains("users create", errors, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<string> CreateAgentTokenAsync()
    {
        await ServiceProcess.RunCommandAsync(DatabasePath, "correct horse battery staple\n", "users", "create", "--email", "ops@example.com", "--role", "Agent");
        var token = (await ServiceProcess.RunCommandAsync(DatabasePath, string.Empty, "tokens", "create", "--email", "ops@example.com", "--name", "backup-tests")).Trim();
        Assert.StartsWith("tt_", token, StringComparison.Ordinal);
        return token;
    }

    private static async Task WriteUntilStoppedAsync(HttpClient client, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            await client.CreateTicketAsync($"Printer jam on floor {i}");
        }
    }

    private static async Task<List<long>> TicketIdsAsync(HttpClient client) =>
        [.. (await client.ListAllAsync("sort=createdAt")).Select(ticket => ticket.GetProperty("id").GetInt64())];
}
