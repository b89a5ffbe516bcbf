using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace TicketTriage.Bench.DataGenerator;

/// <summary>
/// A full-text index over the tickets that triggers keep in step (the FullTextSearch migration's
/// contentless FTS5 table), if the schema has one. Indexing row by row through the insert trigger
/// is the slow part of a bulk load, so the trigger is dropped for the load, put back afterwards
/// exactly as the migration created it, and the index is filled in one pass by the statement the
/// migration itself uses to index the tickets that exist when it runs.
/// </summary>
internal sealed class SearchIndex
{
    private readonly string _table;
    private readonly List<(string Name, string Sql)> _insertTriggers;
    private readonly string _fill;

    private SearchIndex(string table, List<(string Name, string Sql)> insertTriggers, string fill)
    {
        _table = table;
        _insertTriggers = insertTriggers;
        _fill = fill;
    }

    /// <summary>The FTS5 table fed from "Tickets", or null when the schema has none.</summary>
    public static SearchIndex? Find(DbContext context, SqliteConnection connection)
    {
        var tables = new List<string>();
        var triggers = new List<(string Table, string Name, string Sql)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT name, NULL FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'
                UNION ALL
                SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Tickets' AND sql LIKE '%AFTER INSERT ON "Tickets"%'
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (reader.IsDBNull(1))
                {
                    tables.Add(reader.GetString(0));
                }
                else
                {
                    triggers.Add((string.Empty, reader.GetString(0), reader.GetString(1)));
                }
            }
        }

        foreach (var table in tables)
        {
            var feeding = triggers.Where(trigger => trigger.Sql.Contains($"INSERT INTO \"{table}\"", StringComparison.OrdinalIgnoreCase))
                .Select(trigger => (trigger.Name, trigger.Sql)).ToList();
            if (feeding.Count > 0)
            {
                var fill = FillStatement(context, table)
                    ?? throw new InvalidOperationException($"No migration says how to index existing tickets into {table}; the generator cannot bulk-load it.");
                return new SearchIndex(table, feeding, fill);
            }
        }

        return null;
    }

    public void Suspend(SqliteConnection connection)
    {
        foreach (var (name, _) in _insertTriggers)
        {
            TicketDatabase.Execute(connection, $"DROP TRIGGER \"{name}\";");
        }
    }

    public void Resume(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        foreach (var sql in _insertTriggers.Select(trigger => trigger.Sql).Append(_fill))
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public string Describe() =>
        $"{_table} filled by its migration's statement; trigger {string.Join(", ", _insertTriggers.Select(t => t.Name))} restored";

    /// <summary>The last migration statement that fills the table from the tickets (INSERT INTO table ... FROM "Tickets").</summary>
    private static string? FillStatement(DbContext context, string table)
    {
        var migrations = context.GetService<IMigrationsAssembly>();
        var provider = context.Database.ProviderName!;
        return migrations.Migrations.OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .SelectMany(pair => migrations.CreateMigration(pair.Value, provider).UpOperations.OfType<SqlOperation>())
            .Select(operation => operation.Sql.Trim())
            .LastOrDefault(sql => sql.StartsWith($"INSERT INTO \"{table}\"", StringComparison.OrdinalIgnoreCase)
                && sql.Contains("FROM \"Tickets\"", StringComparison.OrdinalIgnoreCase));
    }
}
