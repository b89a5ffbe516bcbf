using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TicketTriage.Api.Persistence;

/// <summary>
/// On PostgreSQL, plans every full-text statement for the words searched. The service's connections keep
/// their statements prepared (<see cref="PostgresConnectionString.MaxAutoPrepare"/>), and after five runs
/// PostgreSQL may plan a prepared statement once for any value; a search planned for no word in particular
/// expects a few thousand matches whatever the words, and such a plan, made while a common word was searched,
/// started parallel workers for every later search: 22 ms for a rare word that takes 0.4 ms. Each search
/// statement therefore runs after <c>SET plan_cache_mode = force_custom_plan</c> in the same round trip;
/// Npgsql resets the setting (RESET ALL) when the connection goes back to its pool.
/// </summary>
internal sealed class SearchPlanInterceptor : DbCommandInterceptor
{
    /// <summary>The tag <see cref="PostgresTriageDbContext.Search"/> puts on every query that searches.</summary>
    public const string Tag = "full-text search: planned for its words";

    private const string TagComment = "-- " + Tag;
    private const string PlanForTheWords = "SET plan_cache_mode = force_custom_plan;\n";

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        PlanForWords(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        PlanForWords(command);
        return ValueTask.FromResult(result);
    }

    private static void PlanForWords(DbCommand command)
    {
        if (command.CommandText.StartsWith(TagComment, StringComparison.Ordinal))
        {
            command.CommandText = PlanForTheWords + command.CommandText;
        }
    }
}
