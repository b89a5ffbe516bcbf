using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using TicketTriage.Api.Persistence;
using TicketTriage.Core.Tickets;
using TicketTriage.Core.Triage;

namespace TicketTriage.Api.Telemetry;

/// <summary>
/// The open tickets by priority and status as of the last refresh. A scrape reads this snapshot and
/// never the database; <see cref="OpenTicketsMonitor"/> refreshes it with one grouped count over the
/// open statuses. Grouping by status first lets SQLite seek the status index to the open tickets
/// only, however many closed ones pile up (about 0.1 s for 50,000 open among a million tickets).
/// </summary>
internal sealed class OpenTicketCounts(IServiceScopeFactory scopes)
{
    private readonly Lock _publish = new();
    private Measurement<long>[] _snapshot = [];
    private long _started;
    private long _published;

    /// <summary>The gauge's measurements: every priority and open status, zeros included, once a refresh has run.</summary>
    public IEnumerable<Measurement<long>> Observe() => Volatile.Read(ref _snapshot);

    /// <summary>Counts the open tickets now; a refresh that finishes after a later-started one is dropped.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var generation = Interlocked.Increment(ref _started);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TriageDbContext>();
        var open = Lifecycle.OpenStatuses;
        var rows = await db.Tickets.AsNoTracking()
            .Where(ticket => open.Contains(ticket.Status))
            .GroupBy(ticket => new { ticket.Status, ticket.Priority })
            .Select(group => new { group.Key.Status, group.Key.Priority, Count = group.LongCount() })
            .ToListAsync(cancellationToken);

        var counts = rows.ToDictionary(row => (row.Priority, row.Status), row => row.Count);
        var snapshot = new List<Measurement<long>>();
        foreach (var priority in Enum.GetValues<Priority>())
        {
            foreach (var status in open)
            {
                snapshot.Add(new Measurement<long>(
                    counts.GetValueOrDefault((priority, status)),
                    new KeyValuePair<string, object?>("priority", priority.ToString()),
                    new KeyValuePair<string, object?>("status", status.ToString())));
            }
        }

        lock (_publish)
        {
            if (generation > _published)
            {
                _published = generation;
                Volatile.Write(ref _snapshot, [.. snapshot]);
            }
        }
    }
}
