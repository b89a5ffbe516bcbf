using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TicketTriage.Api.Persistence;

/// <summary>
/// On PostgreSQL, prepares the queries tagged with <see cref="Tag"/>: EF Core prepares nothing, so the server
/// parses and plans every query again. Npgsql keeps a prepared statement on its connection across the pool's
/// reuse, and after five runs PostgreSQL keeps one plan for it; only a query whose best plan is the same for
/// any value may carry the tag (a lookup by a unique key, not a search or a filter on a rare status).
/// </summary>
internal sealed class PreparedQueryInterceptor : DbCommandInterceptor
{
    public const string Tag = "prepared: one plan for any value";

    private const string TagComment = "-- " + Tag;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (IsTagged(command))
        {
            command.Prepare();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (IsTagged(command))
        {
            await command.PrepareAsync(cancellationToken);
        }

        return result;
    }

    private static bool IsTagged(DbCommand command) => command.CommandText.StartsWith(TagComment, StringComparison.Ordinal);
}
