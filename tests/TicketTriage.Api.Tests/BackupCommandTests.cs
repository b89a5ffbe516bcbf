using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
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
    public async Task Backup_OfAUsedDatabase_HoldsTheSameSchemaAndEveryRowOfEveryTable()
    {
        var token = await CreateAgentTokenAsync();
        var backupPath = Path.Combine(_directory, "backup.db");
        var settings = ServiceProcess.OnSqlite(DatabasePath);

        // Quiet clocks, so nothing changes between the backup and the comparison; an endpoint nobody
        // listens on, so the P1's event stays in the outbox.
        settings["Sla:MonitorEnabled"] = "false";
        settings["Webhooks:MonitorEnabled"] = "false";
        settings["Webhooks:Endpoints:0:Url"] = "http://127.0.0.1:9/hooks";
        settings["Webhooks:Endpoints:0:Secret"] = "backup-test-secret";
        using (var service = await ServiceProcess.StartAsync(settings, token))
        {
            var ticket = await service.Client.CreateTicketAsync("Core router down: café ☕", impact: 1, urgency: 1, description: "Every site offline");
            await service.Client.AddNoteAsync(ticket.Id(), "Failed over to the spare", visibility: "public");
            await service.Client.UpdateTicketAsync(ticket.Id(), new { assignee = "neteng@example.com" });
            await service.Client.DriveToAsync(ticket, "Resolved");
            await service.Client.CreateTicketAsync("Monitor flickers", impact: 3, urgency: 3);

            var (exitCode, _, errors) = await ServiceProcess.RunAsync(DatabasePath, string.Empty, "backup", "--to", backupPath);
            Assert.True(exitCode == 0, $"backup exited with {exitCode}: {errors}");
        }

        var original = await ContentsAsync(DatabasePath);
        var backup = await ContentsAsync(backupPath);

        Assert.Equal(original.Keys.Order(StringComparer.Ordinal), backup.Keys.Order(StringComparer.Ordinal));
        foreach (var (table, rows) in original)
        {
            Assert.True(rows.SequenceEqual(backup[table]), $"{table} differs in the backup: {rows.Count} rows in the database, {backup[table].Count} in the backup.");
        }

        string[] used = ["AspNetUsers", "ApiTokens", "Tickets", "TicketNotes", "TicketEvents", "OutboxMessages", "DataProtectionKeys", "__EFMigrationsHistory"];
        Assert.All(used, table => Assert.NotEmpty(original[$"rows {table}"]));
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

    /// <summary>
    /// A database as plain SQL sees it: "schema" lists every table, index, trigger and view with its SQL,
    /// and "rows T" every row of table T (search indexes and their shadow tables included) in the order
    /// of all its columns, each value with its storage class.
    /// </summary>
    private static async Task<Dictionary<string, List<string>>> ContentsAsync(string path)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(ct);
        var contents = new Dictionary<string, List<string>>(StringComparer.Ordinal)
        {
            ["schema"] = await RowsAsync(connection, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name"),
        };
        var tables = new List<string>();
        await using (var names = connection.CreateCommand())
        {
            names.CommandText = "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name";
            await using var reader = await names.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT count(*) FROM pragma_table_info(@table)";
            count.AddParameter("table", table);
            var columns = (long)(await count.ExecuteScalarAsync(ct))!;
            contents[$"rows {table}"] = await RowsAsync(connection, $"SELECT * FROM \"{table}\" ORDER BY {string.Join(", ", Enumerable.Range(1, (int)columns))}");
        }

        return contents;
    }

    /// <summary>Each row as its values joined by '|', each written as its storage class and value.</summary>
    private static async Task<List<string>> RowsAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i) switch
            {
                DBNull => "null",
                byte[] blob => "blob:" + Convert.ToHexString(blob),
                double real => "real:" + real.ToString("R", CultureInfo.InvariantCulture),
                long integer => "integer:" + integer.ToString(CultureInfo.InvariantCulture),
                var text => "text:" + text,
            })));
        }

        return rows;
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
