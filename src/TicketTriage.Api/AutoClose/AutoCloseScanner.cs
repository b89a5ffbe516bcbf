using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TicketTriage.Api.Persistence;
using TicketTriage.Api.Telemetry;
using TicketTriage.Core.Tickets;

namespace TicketTriage.Api.AutoClose;

/// <summary>One pass of closing resolved tickets whose wait is over; safe to run again at any time.</summary>
internal sealed partial class AutoCloseScanner(
    TriageDbContext db,
    IOptions<LifecycleOptions> options,
    TriageMetrics metrics,
    ILogger<AutoCloseScanner> logger)
{
    private const int BatchSize = 100;

    /// <summary>Closes every ticket resolved at or before now minus the wait; returns how many it closed.</summary>
    public async Task<int> ScanAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - options.Value.AutoCloseAfter;
        var closed = 0;
        long afterId = 0;
        while (true)
        {
            // Only ids are read in bulk; each ticket is then loaded and closed on its own, so one
            // failure or concurrent reopen skips that ticket and not the rest.
            var due = await db.Tickets.AsNoTracking()
                .Where(t => t.Status == TicketStatus.Resolved && t.ResolvedAt <= cutoff && t.Id > afterId)
                .OrderBy(t => t.Id)
                .Select(t => t.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return closed;
            }

            foreach (var id in due)
            {
                if (await TryCloseAsync(id, now, cutoff, cancellationToken))
                {
                    closed++;
                }
            }

            afterId = due[^1];
        }
    }

    private async Task<bool> TryCloseAsync(long id, DateTimeOffset now, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        try
        {
            var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
            if (ticket is null || ticket.Status != TicketStatus.Resolved || ticket.ResolvedAt > cutoff)
            {
                return false;
            }

            var changes = ticket.AutoClose(now);
            db.TicketEvents.AddRange(TicketEvent.Changed(ticket, changes, Actors.System, now, automatic: true));
            await db.SaveChangesAsync(cancellationToken);
            metrics.StatusMoved(changes);
            LogClosed(logger, id);
            return true;
        }
        catch (DbUpdateException ex)
        {
            LogSkipped(logger, id, ex);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed resolved ticket {TicketId} automatically")]
    private static partial void LogClosed(ILogger logger, long ticketId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not close ticket {TicketId} automatically; the next scan retries")]
    private static partial void LogSkipped(ILogger logger, long ticketId, Exception exception);
}
