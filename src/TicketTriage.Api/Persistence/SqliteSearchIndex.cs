using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace TicketTriage.Api.Persistence;

/// <summary>
/// The SQLite full-text index (the FTS5 table "TicketSearch") as EF queries it. Its rowid is the ticket id, and the
/// hidden column named after the table takes the query: FTS5 reads <c>"TicketSearch" = ?</c> as MATCH. Queried
/// through the model rather than as raw SQL so that EF caches the SQL: raw SQL with parameters makes EF write the
/// statement again for every search, one request at a time under a lock.
/// </summary>
internal sealed class SqliteSearchIndex
{
    public const string TableName = "TicketSearch";

    /// <summary>
    /// bm25 with the column weights for number, title, description, caller, notes and group: a hit in the number or
    /// the title says more about a ticket than one in a long description.
    /// </summary>
    public const string RankSql = $"bm25(\"{TableName}\", {Weights})";

    private const string Weights = "10.0, 4.0, 1.0, 2.0, 1.0, 1.0";

    public long Id { get; init; }

    /// <summary>Compared with an FTS5 query, never read.</summary>
    public string Match { get; init; } = string.Empty;

    /// <summary><see cref="RankSql"/> of the row, in queries over this index only.</summary>
    public static double Rank(string match) => throw new InvalidOperationException("Rank is only translated to SQL.");

    public static void Map(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SqliteSearchIndex>(index =>
        {
            // The virtual table and its triggers come from hand-written migration SQL.
            index.ToTable(TableName, table => table.ExcludeFromMigrations());
            index.HasNoKey();
            index.Property(row => row.Id).HasColumnName("rowid");
            index.Property(row => row.Match).HasColumnName(TableName).IsRequired();
        });

        modelBuilder.HasDbFunction(() => Rank(default!))
            .HasTranslation(arguments => new SqlFunctionExpression(
                "bm25",
                [arguments[0], new SqlFragmentExpression(Weights)],
                nullable: false,
                argumentsPropagateNullability: [false, false],
                typeof(double),
                typeMapping: null));
    }
}
