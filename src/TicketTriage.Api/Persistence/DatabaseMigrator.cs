using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;

namespace TicketTriage.Api.Persistence;

/// <summary>
/// Brings the schema up to date before the server accepts requests, and before any other hosted
/// service starts: Data Protection loads its keys from the database when it starts.
/// </summary>
internal sealed partial class DatabaseMigrator(IServiceProvider services, IOptions<DatabaseOptions> options, ILogger<DatabaseMigrator> logger)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStartup)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        await MigrateAsync(scope.ServiceProvider.GetRequiredService<TriageDbContext>(), cancellationToken);
        LogMigrated(logger, options.Value.Provider);
    }

    /// <summary>Applies every pending migration; the administration commands call it too, so they leave the database as a start would.</summary>
    public static async Task MigrateAsync(TriageDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.GetDbConnection() is SqliteConnection sqlite)
        {
            CreateDirectoryFor(sqlite.DataSource);
        }

        // Created first so that a fresh database is not greeted with a failed query (and an error in the
        // log) when migrating looks for the table that records applied migrations.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers work while a ticket is written; the mode is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void CreateDirectoryFor(string dataSource)
    {
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:")
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date ({Provider})")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider);
}
