using Microsoft.EntityFrameworkCore;

namespace TicketTriage.Api.Persistence;

/// <summary>
/// The SQLite full-text index (the FTS5 table "TicketSearch") as EF queries it. Its rowid is the ticket id, the
/// hidden column named after the table takes the query (FTS5 reads <c>"TicketSearch" = ?</c> as MATCH), and the
/// hidden column <c>rank</c> gives each match its relevance. Queried through the model rather than as raw SQL so
/// that EF caches the SQL: raw SQL with parameters makes EF write the statement again for every search, one
/// request at a time under a lock.
/// </summary>
internal sealed class SqliteSearchIndex
{
    private const string TableName = "TicketSearch";

    public long Id { get; init; }

    /// <summary>Compared with an FTS5 query, never read.</summary>
    public string Match { get; init; } = string.Empty;

    /// <summary>
    /// The match's bm25 with the column weights the RankWeights migration stores in the index's configuration
    /// (number, title, description, caller, notes, group: a hit in the number or the title says more than one in a
    /// long description). A column rather than a call to bm25: FTS5 computes bm25 only for the row under its own
    /// cursor, and a column keeps its place in the query that matches, where EF may move a function call out of it.
    /// </summary>
    public double Rank { get; init; }

    public static void Map(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SqliteSearchIndex>(index =>
        {
            // The virtual table, its triggers and its rank configuration come from hand-written migration SQL.
            index.ToTable(TableName, table => table.ExcludeFromMigrations());
            index.HasNoKey();
            index.Property(row => row.Id).HasColumnName("rowid");
            index.Property(row => row.Match).HasColumnName(TableName).IsRequired();
            index.Property(row => row.Rank).HasColumnName("rank");
        });
    }
}
