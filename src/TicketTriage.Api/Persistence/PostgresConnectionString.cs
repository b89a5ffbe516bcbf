using Npgsql;

namespace TicketTriage.Api.Persistence;

/// <summary>The service's defaults for an Npgsql connection string; whatever the string sets itself wins.</summary>
internal static class PostgresConnectionString
{
    /// <summary>
    /// Statements Npgsql prepares on each connection once they have run a few times. EF Core never prepares
    /// its commands, so without this PostgreSQL parses and plans every statement of every request: planning
    /// a ticket's insert (a table of eighteen indexes) took a fifth of the machine's CPU under load. Npgsql
    /// keeps the most used statements of a connection up to this number and recycles the least used.
    /// </summary>
    public const int MaxAutoPrepare = 64;

    private const string MaxAutoPrepareKeyword = "Max Auto Prepare";

    public static string WithDefaults(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);

        // Keys lists the keywords the string sets, under their canonical names; an explicit 0 (a pooler
        // that cannot keep prepared statements) is kept.
        if (!builder.Keys.Contains(MaxAutoPrepareKeyword, StringComparer.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        return builder.ConnectionString;
    }
}
