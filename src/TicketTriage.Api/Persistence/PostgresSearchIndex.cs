using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace TicketTriage.Api.Persistence;

/// <summary>
/// The tickets' search vectors as EF queries them on PostgreSQL: the "SearchVector" column that the migration's
/// trigger keeps up to date, read only by searches and never with a ticket. Queried through the model rather than
/// as raw SQL so that EF caches the SQL: raw SQL with parameters makes EF write the statement again for every
/// search, one request at a time under a lock.
/// </summary>
internal sealed class PostgresSearchIndex
{
    public long Id { get; init; }

    public NpgsqlTsVector SearchVector { get; init; } = null!;

    public static void Map(ModelBuilder modelBuilder)
    {
        // Mapped as a view of the tickets table: a second, keyless view of the same rows that migrations leave alone
        // (the column and its index come from hand-written migration SQL).
        modelBuilder.Entity<PostgresSearchIndex>(index =>
        {
            index.ToView("Tickets");
            index.HasNoKey();
        });
    }
}
