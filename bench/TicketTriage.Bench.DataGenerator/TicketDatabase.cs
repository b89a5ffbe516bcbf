using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using TicketTriage.Api.Persistence;
using TicketTriage.Api.Sla;
using TicketTriage.Core.Tickets;
using TicketTriage.Core.Triage;

namespace TicketTriage.Bench.DataGenerator;

/// <summary>
/// Creates the database with the service's real migrations, then bulk-loads generated tickets with
/// raw prepared INSERTs in large transactions. The bulk-load settings (no journal, no fsync) belong
/// to this one connection; the file is left in WAL mode, as the service's migrator leaves it, and
/// the service applies its own per-connection settings when it opens the file.
/// </summary>
internal static class TicketDatabase
{
    private const int BatchSize = 2_000;
    private const int RowsPerTransaction = 100_000;
    private const int ProgressEvery = 100_000;

    public static LoadStatistics Generate(string path, GeneratorOptions options, TriageEngine engine, SlaSettings sla, DateTimeOffset end)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var connectionString = ConnectionString(path);
        var statistics = new LoadStatistics(path);
        var clock = Stopwatch.StartNew();

        using var context = CreateContext(connectionString);
        context.Database.Migrate();
        var model = context.Model;
        statistics.MigratedIn = clock.Elapsed;

        var batches = Channel.CreateBounded<GeneratedTicket[]>(new BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(async () =>
        {
            var busy = TimeSpan.Zero;
            try
            {
                var random = new Random(options.Seed);
                var times = CreationTimes.Draw(random, options.Count, end.AddDays(-options.Days), end);
                var factory = new TicketFactory(engine, sla, random, end, options.History);
                for (var first = 0; first < times.Length; first += BatchSize)
                {
                    var started = Stopwatch.GetTimestamp();
                    var batch = new GeneratedTicket[Math.Min(BatchSize, times.Length - first)];
                    for (var i = 0; i < batch.Length; i++)
                    {
                        batch[i] = factory.Create(first + i + 1, new DateTimeOffset(times[first + i], TimeSpan.Zero));
                    }

                    busy += Stopwatch.GetElapsedTime(started);

                    await batches.Writer.WriteAsync(batch);
                }

                batches.Writer.Complete();
            }
            catch (Exception ex)
            {
                batches.Writer.Complete(ex);
            }

            return busy;
        });

        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            var search = SearchIndex.Find(context, connection);
            Execute(connection, """
                PRAGMA journal_mode = OFF;
                PRAGMA synchronous = OFF;
                PRAGMA locking_mode = EXCLUSIVE;
                PRAGMA temp_store = MEMORY;
                PRAGMA cache_size = -1048576;
                """);
            search?.Suspend(connection);

            using var tickets = new TableWriter<Ticket>(model, connection, ["Id"]);
            using var events = new TableWriter<TicketEvent>(model, connection, ["Id", "TicketId"]);
            var transaction = connection.BeginTransaction();
            tickets.Prepare(transaction);
            events.Prepare(transaction);
            var loadClock = Stopwatch.StartNew();
            var written = 0;
            Span<long> keys = stackalloc long[2];
            while (batches.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (batches.Reader.TryRead(out var batch))
                {
                    var started = Stopwatch.GetTimestamp();
                    foreach (var generated in batch)
                    {
                        keys[0] = generated.Id;
                        tickets.Insert(generated.Ticket, keys);
                        if (generated.Created is { } created)
                        {
                            keys[1] = generated.Id;
                            events.Insert(created, keys);
                            statistics.Events++;
                        }

                        statistics.Count(generated.Ticket);
                        written++;
                        if (written % RowsPerTransaction == 0)
                        {
                            transaction.Commit();
                            transaction.Dispose();
                            transaction = connection.BeginTransaction();
                            tickets.Use(transaction);
                            events.Use(transaction);
                        }

                        if (written % ProgressEvery == 0)
                        {
                            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {written,10:N0} tickets  {written / loadClock.Elapsed.TotalSeconds,9:N0} tickets/s"));
                        }
                    }

                    statistics.InsertedIn += Stopwatch.GetElapsedTime(started);
                }
            }

            statistics.GeneratedIn = producer.GetAwaiter().GetResult();
            transaction.Commit();
            transaction.Dispose();
            statistics.LoadedIn = loadClock.Elapsed;

            if (search is not null)
            {
                var indexClock = Stopwatch.StartNew();
                search.Resume(connection);
                statistics.SearchIndexedIn = indexClock.Elapsed;
                statistics.SearchIndex = search.Describe();
            }
        }

        // The mode the service's migrator sets; it is stored in the file.
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode = WAL;");
        }

        statistics.Total = clock.Elapsed;
        statistics.Bytes = new FileInfo(path).Length;
        Verify(context, options.Count, end, statistics);
        return statistics;
    }

    /// <summary>True when the file holds exactly the tickets asked for and the current schema.</summary>
    public static bool IsReusable(string path, int count, bool history, out string why)
    {
        try
        {
            using var context = CreateContext(ConnectionString(path));
            var pending = context.Database.GetPendingMigrations().ToList();
            if (pending.Count > 0)
            {
                why = $"migrations {string.Join(", ", pending)} are not applied";
                return false;
            }

            var tickets = context.Tickets.LongCount();
            var events = context.TicketEvents.LongCount();
            why = string.Create(CultureInfo.InvariantCulture, $"{tickets:N0} tickets, {events:N0} history entries, schema up to date");
            return tickets == count && events == (history ? count : 0);
        }
        catch (SqliteException ex)
        {
            why = ex.Message;
            return false;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
        {
            File.Delete(path + suffix);
        }
    }

    /// <summary>Reads the result back through the service's own model, so a mismatch with the mapping fails here.</summary>
    private static void Verify(SqliteTriageDbContext context, int count, DateTimeOffset end, LoadStatistics statistics)
    {
        var stored = context.Tickets.LongCount();
        var newest = context.Tickets.AsNoTracking().OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).First();
        var oldest = context.Tickets.AsNoTracking().OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).First();
        if (stored != count || newest.CreatedAt > end || newest.Id != count || oldest.Id != 1)
        {
            throw new InvalidOperationException($"The database does not read back as written: {stored} tickets, newest {newest.Number} at {newest.CreatedAt:O}.");
        }

        statistics.Newest = $"{newest.Number} {newest.CreatedAt:yyyy-MM-dd HH:mm:ss.fff}Z {newest.Status} {newest.Priority} {newest.AssignmentGroup}: {newest.Title}";
        statistics.Oldest = $"{oldest.Number} {oldest.CreatedAt:yyyy-MM-dd HH:mm:ss.fff}Z {oldest.Status} {oldest.Priority} {oldest.AssignmentGroup}: {oldest.Title}";
        SqliteConnection.ClearAllPools();
    }

    private static SqliteTriageDbContext CreateContext(string connectionString) =>
        new(new DbContextOptionsBuilder<SqliteTriageDbContext>().UseSqlite(connectionString).Options);

    private static string ConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
