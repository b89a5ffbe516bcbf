using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;

namespace TicketTriage.Bench.PageRead;

/// <summary>
/// What reading one list page costs in SQLite and Microsoft.Data.Sqlite alone, without EF, JSON or
/// HTTP: the load script's filtered first page (51 rows through the same index seek), with the
/// ceiling app's 8 columns, with all 37 columns of a ticket (what the service reads for a list
/// item), and with the ids alone. A new command per page, as the service and the ceiling make.
/// </summary>
public class PageReadBenchmarks : IDisposable
{
    private const string Page = """
        FROM "Tickets" WHERE "AssignmentGroup" = $group AND "Status" = $status AND "Priority" = $priority
        ORDER BY "CreatedAt" DESC, "Id" DESC LIMIT 51
        """;

    private SqliteConnection _connection = null!;

    [GlobalSetup]
    public void Open()
    {
        var path = Environment.GetEnvironmentVariable("TRIAGE_BENCH_DATABASE");
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException("Set TRIAGE_BENCH_DATABASE to a database made by bench/TicketTriage.Bench.DataGenerator.");
        }

        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString());
        _connection.Open();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _connection.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, Description = "the ceiling's 8 columns")]
    public long CeilingColumns() => Read("""SELECT "Id", "AssignmentGroup", "Title", "Description", "Impact", "Urgency", "Caller", "CreatedAt" """ + Page);

    [Benchmark(Description = "a ticket's 37 columns")]
    public long TicketColumns() => Read("SELECT * " + Page);

    [Benchmark(Description = "the ids alone")]
    public long Ids() => Read("""SELECT "Id" """ + Page);

    private long Read(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$group", "Network");
        command.Parameters.AddWithValue("$status", "InProgress");
        command.Parameters.AddWithValue("$priority", "P2");
        using var reader = command.ExecuteReader();

        // Read each value with the getter of its declared type, as a materializer that knows the
        // model would; the sum only keeps the reads from being optimised away.
        var isText = new bool[reader.FieldCount];
        for (var column = 0; column < isText.Length; column++)
        {
            isText[column] = reader.GetDataTypeName(column) == "TEXT";
        }

        long checksum = 0;
        while (reader.Read())
        {
            for (var column = 0; column < isText.Length; column++)
            {
                if (!reader.IsDBNull(column))
                {
                    checksum += isText[column] ? reader.GetString(column).Length : reader.GetInt64(column);
                }
            }
        }

        return checksum;
    }
}
