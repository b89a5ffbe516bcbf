using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TicketTriage.Api.Persistence;

/// <summary>
/// The per-connection SQLite settings; journal_mode=WAL is stored in the file by the migrator.
/// Also creates the connection EF uses, without EF's SQL functions.
/// </summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    // synchronous=FULL: a commit is on disk before we answer 201, so an acknowledged ticket survives
    // a power cut, not just a killed process. busy_timeout: concurrent writers wait for the single
    // write lock inside SQLite instead of failing with SQLITE_BUSY.
    private const string Pragmas = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000;";

    // The settings belong to the native connection, which the pool keeps open between requests; EF
    // reports an "open" each time it takes one from the pool. Each native connection is set up once.
    private readonly ConditionalWeakTable<object, object?> _configured = [];

    // EF registers seven SQL functions (regexp, and ef_add and kin for decimal arithmetic) on every
    // connection it creates, and Microsoft.Data.Sqlite registers them again on each open: a dozen
    // native registrations and finalizable callback handles per request, a tenth of the CPU of a
    // list page. The model has no decimal and no query uses Regex, so the connection goes without.
    public override InterceptionResult<DbConnection> ConnectionCreating(ConnectionCreatingEventData eventData, InterceptionResult<DbConnection> result) =>
        InterceptionResult<DbConnection>.SuppressWithResult(new SqliteConnection(eventData.ConnectionString));

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!IsConfigured(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            MarkConfigured(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!IsConfigured(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            MarkConfigured(connection);
        }
    }

    private bool IsConfigured(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } native } && _configured.TryGetValue(native, out _);

    private void MarkConfigured(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } native })
        {
            _configured.AddOrUpdate(native, null);
        }
    }
}
