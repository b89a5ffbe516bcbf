using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TicketTriage.Api.Persistence;
using TicketTriage.Api.Telemetry;
using TicketTriage.Api.Tickets;
using TicketTriage.Api.Webhooks;
using TicketTriage.Core.Sla;
using TicketTriage.Core.Tickets;

namespace TicketTriage.Api.Sla;

/// <summary>
/// One pass that records SLA warnings and breaches that are due. It finds candidates in SQL by the
/// stored schedule, stamps each threshold so a second pass finds nothing, and writes the history
/// entry and the webhook event in the same transaction as the stamp: never lost, never doubled.
/// </summary>
internal sealed partial class SlaBreachScanner(
    TriageDbContext db,
    IOptions<SlaSettings> settings,
    SlaEvaluator evaluator,
    WebhookOutbox outbox,
    TriageMetrics metrics,
    ILogger<SlaBreachScanner> logger)
{
    private const int BatchSize = 100;

    /// <summary>Records every crossing due by now; returns how many it recorded.</summary>
    public async Task<int> ScanAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recorded = 0;
        long afterId = 0;
        while (true)
        {
            var due = await db.Tickets.AsNoTracking()
                .Where(t => t.Id > afterId
                    && (t.ResponseWarningDueAt <= now || t.ResponseBreachDueAt <= now || t.ResolutionWarningDueAt <= now || t.ResolutionBreachDueAt <= now))
                .OrderBy(t => t.Id)
                .Select(t => t.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                return recorded;
            }

            foreach (var id in due)
            {
                recorded += await RecordAsync(id, now, cancellationToken);
            }

            afterId = due[^1];
        }
    }

    private async Task<int> RecordAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        try
        {
            var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
            if (ticket is null)
            {
                return 0;
            }

            // The policy may have changed since the schedule was stored: measure again before recording.
            ticket.ScheduleSla(settings.Value.For(ticket.Priority), settings.Value.WarningShare, now);
            var crossings = ticket.RecordSlaCrossings(now);
            foreach (var crossing in crossings)
            {
                db.TicketEvents.Add(TicketEvent.SlaCrossed(ticket, crossing));
                outbox.Enqueue(
                    db,
                    crossing.Breach ? WebhookEventTypes.SlaBreached : WebhookEventTypes.SlaWarning,
                    new { Clock = crossing.Clock == SlaClockKind.Response ? "response" : "resolution", CrossedAt = crossing.At, Ticket = TicketResponse.From(ticket, evaluator) },
                    now);
            }

            await db.SaveChangesAsync(cancellationToken);
            foreach (var crossing in crossings)
            {
                metrics.SlaCrossed(ticket.Priority, crossing);
                LogCrossed(logger, id, crossing.Clock, crossing.Breach ? "breached" : "warning");
            }

            return crossings.Count;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A concurrent change to this ticket wins, or the ticket cannot be measured (a damaged row): the scan
            // goes on with the others, and the next pass looks at this one again.
            LogSkipped(logger, id, ex);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {TicketId} SLA {Clock}: {Threshold}")]
    private static partial void LogCrossed(ILogger logger, long ticketId, SlaClockKind clock, string threshold);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the SLA state of ticket {TicketId}; the next scan retries")]
    private static partial void LogSkipped(ILogger logger, long ticketId, Exception exception);
}
