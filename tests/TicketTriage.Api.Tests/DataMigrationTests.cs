using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>
/// <c>migrate-data --from SQLITE --to POSTGRES</c>, as an operator moves a service: the SQLite database
/// is filled by the running service, the copy runs as its own process, and a service started on
/// PostgreSQL must then answer exactly as the old one did.
/// </summary>
public sealed class DataMigrationTests : IDisposable
{
    private const string Password = "correct horse battery staple";
    private const string Email = "ops@example.com";

    // The service's own clocks must not write while the two databases are compared.
    private static readonly Dictionary<string, string?> Quiet = new()
    {
        ["Sla:MonitorEnabled"] = "false",
        ["Webhooks:MonitorEnabled"] = "false",
    };

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ticket-triage-tests", Guid.NewGuid().ToString("N"));
    private readonly List<string> _postgresDatabases = [];

    public DataMigrationTests() => Directory.CreateDirectory(_directory);

    private string DatabasePath => Path.Combine(_directory, "tickets.db");

    private string SqliteConnectionString => $"Data Source={DatabasePath}";

    [Fact]
    public async Task MigrateData_FromAUsedSqliteDatabase_PostgresServesTheSameTicketsAndNumberingContinues()
    {
        await ServiceProcess.RunCommandAsync(DatabasePath, Password + "\n", "users", "create", "--email", Email, "--role", "Agent");
        var token = (await ServiceProcess.RunCommandAsync(DatabasePath, string.Empty, "tokens", "create", "--email", Email, "--name", "migration")).Trim();
        var noteWord = TicketClient.NewMarker();
        long accentedId;
        long notedId;
        List<Snapshot> before;
        using (var service = await ServiceProcess.StartAsync(With(ServiceProcess.OnSqlite(DatabasePath)), token))
        {
            (accentedId, notedId) = await FillAsync(service.Client, noteWord);
            before = await SnapshotAsync(service.Client);
        }

        var postgres = NewPostgresDatabase();
        var (exitCode, output, errors) = await MigrateAsync(SqliteConnectionString, postgres);

        Assert.True(exitCode == 0, $"migrate-data exited with {exitCode}: {errors}");
        TestContext.Current.TestOutputHelper?.WriteLine(output);
        var firstRun = Tables(output);
        Assert.Equal(before.Count, firstRun["Tickets"].InSource);
        Assert.True(firstRun["TicketEvents"].InSource > 1_000, "The history fits in one batch, so the keyset paging was not exercised.");
        Assert.All(firstRun.Values, table => Assert.Equal(table.InSource, table.InTarget));
        Assert.All(firstRun.Values, table => Assert.Equal(table.InSource, table.Copied));
        Assert.Equal(1, firstRun["AspNetUsers"].Copied);
        Assert.Equal(1, firstRun["ApiTokens"].Copied);
        Assert.Equal(["Tickets:vacuumed:analysed", "TicketEvents:vacuumed:analysed"], await MaintenanceAsync(postgres, "Tickets", "TicketEvents"));

        using var migrated = await ServiceProcess.StartAsync(With(ServiceProcess.OnPostgres(postgres)), token);

        // Every ticket, note and history entry reads back exactly as the SQLite service answered it.
        var after = await SnapshotAsync(migrated.Client);
        Assert.Equal(before.Select(ticket => ticket.Id), after.Select(ticket => ticket.Id));
        foreach (var (old, copy) in before.Zip(after))
        {
            Assert.Equal(old.Ticket, copy.Ticket);
            Assert.Equal(old.Notes, copy.Notes);
            Assert.Equal(old.History, copy.History);
        }

        // The search column is filled by PostgreSQL's triggers as the rows arrive.
        Assert.Equal([notedId], Ids(await migrated.Client.ListAllAsync($"q={noteWord}")));
        Assert.Equal([accentedId], Ids(await migrated.Client.ListAllAsync("q=resume%20zoe")));

        // The API token (the service's client sends it) and the password still sign the user in.
        var me = await migrated.Client.GetJsonAsync("/api/v1/me");
        Assert.Equal(Email, me.Text("email"));
        Assert.Equal("migration", me.Text("token"));
        using (var browser = new HttpClient { BaseAddress = migrated.Client.BaseAddress })
        {
            var login = await browser.PostAsJsonAsync("/api/v1/auth/login", new { email = Email, password = Password }, TestContext.Current.CancellationToken);
            await login.AssertStatusAsync(HttpStatusCode.OK);
        }

        // A second run finds everything there: nothing copied, still a success.
        var (againExitCode, againOutput, againErrors) = await MigrateAsync(SqliteConnectionString, postgres);
        Assert.True(againExitCode == 0, $"the second migrate-data exited with {againExitCode}: {againErrors}");
        var secondRun = Tables(againOutput);
        Assert.Equal(firstRun.Keys, secondRun.Keys);
        Assert.All(secondRun.Values, table => Assert.Equal(0, table.Copied));

        // The sign-in above started a session on the target: the copy keeps the target's own as well.
        Assert.All(secondRun.Where(table => table.Key != "UserSessions").Select(table => table.Value), table => Assert.Equal(table.InSource, table.InTarget));
        Assert.Equal(secondRun["UserSessions"].InSource + 1, secondRun["UserSessions"].InTarget);
        Assert.Equal(before.Count, (await migrated.Client.ListAllAsync("sort=createdAt")).Count);

        // PostgreSQL's identity sequence was carried over: the next ticket continues the numbering.
        var lastId = before.Max(ticket => ticket.Id);
        var next = await migrated.Client.CreateTicketAsync("First ticket on PostgreSQL");
        Assert.Equal(lastId + 1, next.GetProperty("id").GetInt64());
        Assert.Equal($"INC{lastId + 1:D7}", next.Text("number"));
    }

    [Fact]
    public async Task MigrateData_IdentityRowsBeyondOneBatch_CopiesEveryRowOnceWithItsKey()
    {
        // No endpoint writes external logins, user tokens or claims, but Identity keeps them in tables with
        // composite and generated keys, which the service's own data never fills past one batch: written underneath.
        await ServiceProcess.RunCommandAsync(DatabasePath, Password + "\n", "users", "create", "--email", Email, "--role", "Agent");
        await using (var sqlite = new SqliteConnection($"{SqliteConnectionString};Pooling=False"))
        {
            await sqlite.OpenAsync(TestContext.Current.CancellationToken);
            await using var transaction = await sqlite.BeginTransactionAsync(TestContext.Current.CancellationToken);
            var userId = await ScalarAsync<string>(sqlite, """SELECT "Id" FROM "AspNetUsers" """);
            for (var i = 0; i < 1_200; i++)
            {
                await ExecuteAsync(sqlite, """INSERT INTO "AspNetUserTokens" ("UserId", "LoginProvider", "Name", "Value") VALUES (@user, @a, @b, @c)""", userId, $"provider{i % 3}", $"name{i}", $"value {i} é");
                if (i < 1_100)
                {
                    await ExecuteAsync(sqlite, """INSERT INTO "AspNetUserLogins" ("LoginProvider", "ProviderKey", "ProviderDisplayName", "UserId") VALUES (@a, @b, @c, @user)""", userId, $"idp{i % 2}", $"key{i}", "Corporate IdP");
                }

                if (i < 1_050)
                {
                    await ExecuteAsync(sqlite, """INSERT INTO "AspNetUserClaims" ("UserId", "ClaimType", "ClaimValue") VALUES (@user, @a, @b || @c)""", userId, "department", $"team {i}", string.Empty);
                }
            }

            await transaction.CommitAsync(TestContext.Current.CancellationToken);
        }

        var postgres = NewPostgresDatabase();
        var (exitCode, output, errors) = await MigrateAsync(SqliteConnectionString, postgres);
        Assert.True(exitCode == 0, $"migrate-data exited with {exitCode}: {errors}");
        var (againExitCode, againOutput, againErrors) = await MigrateAsync(SqliteConnectionString, postgres);
        Assert.True(againExitCode == 0, $"the second migrate-data exited with {againExitCode}: {againErrors}");

        var firstRun = Tables(output);
        Assert.Equal(new TableLine(1_200, 1_200, 1_200), firstRun["AspNetUserTokens"]);
        Assert.Equal(new TableLine(1_100, 1_100, 1_100), firstRun["AspNetUserLogins"]);
        Assert.Equal(new TableLine(1_050, 1_050, 1_050), firstRun["AspNetUserClaims"]);
        Assert.All(Tables(againOutput).Values, table => Assert.Equal(0, table.Copied));

        const string rows = """
            SELECT "UserId" || '|' || "LoginProvider" || '|' || "Name" || '|' || "Value" FROM "AspNetUserTokens"
            UNION ALL SELECT "UserId" || '|' || "LoginProvider" || '|' || "ProviderKey" || '|' || "ProviderDisplayName" FROM "AspNetUserLogins"
            UNION ALL SELECT CAST("Id" AS TEXT) || '|' || "UserId" || '|' || "ClaimType" || '|' || "ClaimValue" FROM "AspNetUserClaims"
            """;
        await using var source = new SqliteConnection($"{SqliteConnectionString};Pooling=False");
        await using var target = new NpgsqlConnection(postgres);
        var copied = await RowsAsync(target, rows);
        Assert.Equal(3_350, copied.Count);
        Assert.Equal(await RowsAsync(source, rows), copied);

        // Claims have a generated key: PostgreSQL's next one follows the copied ones.
        var maxClaimId = await ScalarAsync<int>(target, """SELECT max("Id") FROM "AspNetUserClaims" """);
        Assert.Equal(maxClaimId + 1, await ScalarAsync<long>(target, """SELECT nextval(pg_get_serial_sequence('"AspNetUserClaims"', 'Id'))"""));
    }

    [Fact]
    public async Task MigrateData_IntoADatabaseTheServiceAlreadyStartedOn_KeepsPeopleSignedIn()
    {
        using var sqlite = TriageApiFactory.WithSettings(OnProvider("Sqlite"));
        var email = AuthClient.NewEmail("kim");
        await sqlite.CreateUserAsync(email, "Agent");
        var session = await sqlite.SignInAsync(email);

        // Started once on the new database before the copy, the service made a key of its own under the id of the source's key.
        using var postgres = TriageApiFactory.WithSettings(OnProvider("Postgres"));
        postgres.CreateClient();

        var (exitCode, output, errors) = await MigrateAsync($"Data Source={sqlite.DatabasePath}", postgres.ConnectionString);

        Assert.True(exitCode == 0, $"migrate-data exited with {exitCode}: {errors}");
        Assert.Equal(new TableLine(1, 2, 1), Tables(output)["DataProtectionKeys"]);
        using var migrated = TriageApiFactory.OnDirectory(postgres.Directory, OnProvider("Postgres"));
        Assert.Equal(email, (await migrated.CreateClientWithSession(session).GetJsonAsync("/api/v1/me")).Text("email"));
    }

    [Fact]
    public async Task MigrateData_IntoADatabaseWithATicketOfItsOwn_FailsNamingTheTable()
    {
        using var sqlite = TriageApiFactory.WithSettings(OnProvider("Sqlite"));
        await sqlite.CreateClient().CreateTicketAsync("Laptop will not boot");
        using var postgres = TriageApiFactory.WithSettings(OnProvider("Postgres"));
        postgres.AdvanceTime(TimeSpan.FromDays(1));
        await postgres.CreateClient().CreateTicketAsync("Trying out the new database");

        var (exitCode, _, errors) = await MigrateAsync($"Data Source={sqlite.DatabasePath}", postgres.ConnectionString);

        Assert.Equal(1, exitCode);
        TestContext.Current.TestOutputHelper?.WriteLine(errors);
        Assert.StartsWith("migrate-data failed: Tickets: the target holds another row under the source's key (1)", errors.Trim(), StringComparison.Ordinal);
        var ticket = await postgres.CreateClient().GetJsonAsync("/api/v1/tickets/1");
        Assert.Equal("Trying out the new database", ticket.Text("title"));
    }

    [Theory]
    [InlineData("migrate-data")]
    [InlineData("migrate-data", "--from", "Data Source=tickets.db")]
    [InlineData("migrate-data", "--to", "Host=127.0.0.1;Database=triage")]
    [InlineData("migrate-data", "--from", "Data Source=tickets.db", "--to")]
    [InlineData("migrate-data", "--from", "Data Source=tickets.db", "--into", "Host=127.0.0.1;Database=triage")]
    [InlineData("migrate-data", "--from", "Data Source=tickets.db", "--to", "Host=127.0.0.1;Database=triage", "--batch", "10")]
    public async Task MigrateData_WithWrongArguments_PrintsUsageAndExits2(params string[] arguments)
    {
        var (exitCode, output, errors) = await ServiceProcess.RunAsync(WithoutServiceDatabase(), string.Empty, arguments);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("migrate-data --from <sqlite connection string> --to <postgres connection string>", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateData_ToAnUnreachableServer_NamesTheTargetAndNeverPrintsThePassword()
    {
        const string secret = "Sup3r-Secret-Pw";
        await File.WriteAllBytesAsync(DatabasePath, [], TestContext.Current.CancellationToken);
        var to = $"Host=127.0.0.1;Port={ClosedPort()};Database=triage;Username=triage;Password={secret};Timeout=5";

        var (exitCode, output, errors) = await MigrateAsync(SqliteConnectionString, to);

        Assert.Equal(1, exitCode);
        TestContext.Current.TestOutputHelper?.WriteLine(errors);
        var line = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("migrate-data: --to failed", line, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, output + errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public async Task MigrateData_FromAFileThatDoesNotExist_NamesTheSourceAndCreatesNothing()
    {
        var postgres = NewPostgresDatabase();

        var (exitCode, output, errors) = await MigrateAsync($"Data Source={Path.Combine(_directory, "typo.db")}", postgres);

        Assert.Equal(1, exitCode);
        TestContext.Current.TestOutputHelper?.WriteLine(errors);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("migrate-data: --from", errors.Trim(), StringComparison.Ordinal);
        Assert.Contains("typo.db", errors, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_directory));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var name in _postgresDatabases)
        {
            PostgresServer.Shared.DropDatabase(name);
        }

        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>
    /// Tickets as a team leaves them: worked through statuses, edited, noted in public and private,
    /// one with accents. Enough edits that the history takes more than one batch.
    /// </summary>
    private static async Task<(long AccentedId, long NotedId)> FillAsync(HttpClient client, string noteWord)
    {
        var accented = await client.CreateTicketAsync("Résumé upload fails for Zoë at the café", impact: 1, urgency: 2, description: "Crème brûlée menu PDF too", caller: "Zoë Brontë");
        var noted = await client.CreateTicketAsync("VPN drops every hour", description: "Since the client update");
        await client.AddNoteAsync(noted.Id(), $"Caller confirms the {noteWord} workaround helps");
        await client.AddNoteAsync(noted.Id(), "Asked the network team", visibility: "public");
        await client.AddNoteAsync(accented.Id(), "Reproduced with an accented file name: «été».");
        await client.DriveToAsync(accented, "InProgress");
        await client.DriveToAsync(noted, "Resolved");

        var others = new List<JsonElement>();
        for (var i = 0; i < 30; i++)
        {
            others.Add(await client.CreateTicketAsync($"Printer {i} jams on floor {i % 5}", impact: 1 + (i % 3), urgency: 1 + (i % 3)));
        }

        // Three history entries per edit, twelve edits per ticket, written a few at a time.
        await Parallel.ForEachAsync(others, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = TestContext.Current.CancellationToken }, async (ticket, _) =>
        {
            for (var edit = 1; edit <= 12; edit++)
            {
                await client.UpdateTicketAsync(ticket.Id(), new { title = $"{ticket.Text("title")} (edit {edit})", description = $"Edit {edit}", assignee = $"agent{edit}@example.com" });
            }
        });

        await client.DriveToAsync(others[0], "OnHold");
        await client.DriveToAsync(others[1], "Closed");
        await client.DriveToAsync(others[2], "Cancelled");
        return (accented.Id(), noted.Id());
    }

    /// <summary>Every ticket with its notes and history, oldest first, without the SLA clocks that move with time.</summary>
    private static async Task<List<Snapshot>> SnapshotAsync(HttpClient client)
    {
        var snapshots = new List<Snapshot>();
        foreach (var listed in await client.ListAllAsync("sort=createdAt"))
        {
            var id = listed.Id();
            snapshots.Add(new Snapshot(
                id,
                (await client.GetJsonAsync($"/api/v1/tickets/{id}")).Stored(),
                [.. (await client.GetNotesAsync(id)).Select(note => note.GetRawText())],
                [.. (await client.GetHistoryAsync(id)).Select(entry => entry.GetRawText())]));
        }

        return snapshots;
    }

    /// <summary>
    /// Runs the command as an operator does, without ConnectionStrings:Tickets: both ends are on the command line.
    /// </summary>
    private static Task<(int ExitCode, string Output, string Errors)> MigrateAsync(string from, string to) =>
        ServiceProcess.RunAsync(WithoutServiceDatabase(), string.Empty, "migrate-data", "--from", from, "--to", to);

    /// <summary>The command's output, one line per table: "Tickets: 3 in source, 3 in target, 3 copied now".</summary>
    /// <summary>Whether each table was vacuumed and analysed by hand (autovacuum keeps columns of its own).</summary>
    private static async Task<List<string>> MaintenanceAsync(string postgres, params string[] tables)
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var states = new List<string>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT last_vacuum IS NOT NULL, last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = @table";
            command.Parameters.AddWithValue("table", table);
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken), $"No statistics row for {table}.");
            states.Add($"{table}:{(reader.GetBoolean(0) ? "vacuumed" : "not vacuumed")}:{(reader.GetBoolean(1) ? "analysed" : "not analysed")}");
        }

        return states;
    }

    private static Dictionary<string, TableLine> Tables(string output)
    {
        var tables = new Dictionary<string, TableLine>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = System.Text.RegularExpressions.Regex.Match(line, @"^(\w+): (\d+) in source, (\d+) in target, (\d+) copied now$");
            Assert.True(match.Success, $"Unexpected output line: {line}");
            tables.Add(match.Groups[1].Value, new TableLine(Number(match.Groups[2]), Number(match.Groups[3]), Number(match.Groups[4])));
        }

        Assert.Equal(
            ["AspNetUsers", "AspNetUserClaims", "AspNetUserLogins", "AspNetUserTokens", "ApiTokens", "UserSessions", "Tickets", "TicketNotes", "TicketEvents", "OutboxMessages", "DataProtectionKeys"],
            tables.Keys);
        return tables;
    }

    private static long Number(System.Text.RegularExpressions.Group group) => long.Parse(group.Value, System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string?> With(Dictionary<string, string?> settings)
    {
        foreach (var (key, value) in Quiet)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static Dictionary<string, string?> OnProvider(string provider) => new() { ["Database:Provider"] = provider };

    /// <summary>No service database configured: the command must not need one.</summary>
    private static Dictionary<string, string?> WithoutServiceDatabase() => new() { ["ConnectionStrings:Tickets"] = null };

    private string NewPostgresDatabase()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        _postgresDatabases.Add(name);
        return PostgresServer.Shared.CreateDatabase(name);
    }

    private static async Task<T> ScalarAsync<T>(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, string user, string a, string b, string c)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.AddParameter("user", user);
        command.AddParameter("a", a);
        command.AddParameter("b", b);
        command.AddParameter("c", c);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The first column of every row the query returns, in the same order whichever database answered; leaves the connection open.</summary>
    private static async Task<List<string>> RowsAsync(DbConnection connection, string sql)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(reader.GetString(0));
        }

        return [.. rows.Order(StringComparer.Ordinal)];
    }

    private static long[] Ids(IEnumerable<JsonElement> tickets) => [.. tickets.Select(ticket => ticket.Id())];

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Snapshot(long Id, string Ticket, List<string> Notes, List<string> History);

    private sealed record TableLine(long InSource, long InTarget, long Copied);
}
