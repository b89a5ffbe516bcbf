using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TicketTriage.Api.Persistence;

/// <summary>The per-connection SQLite settings; journal_mode=WAL is stored in the file by the migrator.</summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    // synchronous=FULL: a commit is on disk before we answer 201, so an acknowledged ticket survives
    // a power cut, not just a killed process. busy_timeout: concurrent writers wait for the single
    // write lock inside SQLite instead of failing with SQLITE_BUSY.
    private const string Pragmas = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
