using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using TicketTriage.Api.Persistence;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>
/// <c>users create</c> and <c>tokens create</c> follow <c>Database:MigrateOnStartup</c> as the service does:
/// they migrate where a start would, and where the operator applies migrations elsewhere they only check
/// the schema, on the database the test provider chooses.
/// </summary>
public sealed class AdminCommandMigrationTests : IDisposable
{
    private const string Email = "ops@example.com";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ticket-triage-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _postgresDatabase;
    private readonly Dictionary<string, string?> _database;

    public AdminCommandMigrationTests()
    {
        Directory.CreateDirectory(_directory);
        if (TriageApiFactory.DefaultProvider == DatabaseProvider.Postgres)
        {
            _postgresDatabase = "t_" + Guid.NewGuid().ToString("N");
            _database = ServiceProcess.OnPostgres(PostgresServer.Shared.CreateDatabase(_postgresDatabase));
        }
        else
        {
            _database = ServiceProcess.OnSqlite(Path.Combine(_directory, "tickets.db"));
        }
    }

    [Fact]
    public async Task UsersCreate_WithMigrateOnStartupOffOnANewDatabase_FailsAndAppliesNoMigration()
    {
        var (exitCode, output, errors) = await ServiceProcess.RunAsync(NotMigrating(), AuthClient.Password + "\n", "users", "create", "--email", Email, "--role", "Admin");

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("The database schema is not up to date", errors, StringComparison.Ordinal);
        Assert.Contains("Database:MigrateOnStartup is false", errors, StringComparison.Ordinal);
        Assert.Equal(0, await TableCountAsync());
    }

    [Fact]
    public async Task TokensCreate_WithMigrateOnStartupOffOnAMigratedDatabase_IssuesTheToken()
    {
        var (created, _, createErrors) = await ServiceProcess.RunAsync(_database, AuthClient.Password + "\n", "users", "create", "--email", Email, "--role", "Agent");
        Assert.True(created == 0, $"users create exited with {created}: {createErrors}");

        var (exitCode, output, errors) = await ServiceProcess.RunAsync(NotMigrating(), string.Empty, "tokens", "create", "--email", Email, "--name", "ci");

        Assert.True(exitCode == 0, $"tokens create exited with {exitCode}: {errors}");
        Assert.StartsWith("tt_", output.Trim(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (_postgresDatabase is not null)
        {
            PostgresServer.Shared.DropDatabase(_postgresDatabase);
        }

        Directory.Delete(_directory, recursive: true);
    }

    private Dictionary<string, string?> NotMigrating() => new(_database) { ["Database:MigrateOnStartup"] = "false" };

    /// <summary>How many tables the database holds: none until a migration runs.</summary>
    private async Task<long> TableCountAsync()
    {
        var connectionString = _database["ConnectionStrings:Tickets"]!;
        await using DbConnection connection = _postgresDatabase is null
            ? new SqliteConnection($"{connectionString};Pooling=False")
            : new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = _postgresDatabase is null
            ? "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
            : "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'";
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
