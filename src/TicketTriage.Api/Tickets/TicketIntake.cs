using System.Threading.Channels;
using TicketTriage.Api.Persistence;
using TicketTriage.Api.Sla;
using TicketTriage.Api.Webhooks;
using TicketTriage.Core.Tickets;
using TicketTriage.Core.Triage;

namespace TicketTriage.Api.Tickets;

/// <summary>
/// Stores new tickets with group commit: tickets that arrive while a write is under way go into the
/// next transaction together, so a burst shares one commit (one fsync, one full-text segment) instead
/// of queueing for one each. A request is answered only after the commit that holds its ticket, so
/// what is acknowledged is durable; a lone ticket is written at once, without waiting for company.
/// </summary>
internal sealed partial class TicketIntake(IServiceScopeFactory scopes, ILogger<TicketIntake> logger) : BackgroundService
{
    // Enough to absorb a burst from many connections; small enough that one transaction stays short.
    private const int MaxBatch = 64;

    private readonly Channel<PendingTicket> _queue = Channel.CreateUnbounded<PendingTicket>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Stores the ticket with its created entry (and P1 event) and returns once they are committed.</summary>
    public async Task StoreAsync(Ticket ticket, string actor, CancellationToken cancellationToken)
    {
        var pending = new PendingTicket(ticket, actor);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new OperationCanceledException("The service is stopping; the ticket was not stored.");
        }

        await pending.Stored.Task.WaitAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Tickets already accepted are written before the service stops; no new ones are taken.
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingTicket>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                await WriteAsync(batch);
                batch.ForEach(pending => pending.Stored.TrySetResult());
            }
            catch (Exception ex)
            {
                // The transaction rolled back: none of these tickets is stored, and each request says so.
                LogBatchFailed(logger, batch.Count, ex);
                batch.ForEach(pending => pending.Stored.TrySetException(ex));
            }

            batch.Clear();
        }
    }

    private async Task WriteAsync(List<PendingTicket> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TriageDbContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<WebhookOutbox>();
        var sla = scope.ServiceProvider.GetRequiredService<SlaEvaluator>();
        var slaScheduling = scope.ServiceProvider.GetRequiredService<SlaScheduling>();

        // A ticket and its created entry commit together: no ticket exists without its history. The
        // rows go in through two prepared statements rather than SaveChanges, whose batch building was
        // most of this single writer's time; on PostgreSQL each kind in one round trip. So the SLA
        // schedule SaveChanges would set is set here, and the rare P1 webhook event still goes through EF.
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var tickets = batch.ConvertAll(pending => pending.Ticket);
        tickets.ForEach(slaScheduling.Schedule);
        await using (var ticketRows = new PreparedInsert<Ticket>(db))
        {
            await ticketRows.InsertAllAsync(tickets, CancellationToken.None);
        }

        // The created entries name their tickets' ids, known once the tickets are in.
        await using (var historyRows = new PreparedInsert<TicketEvent>(db))
        {
            await historyRows.InsertAllAsync(batch.ConvertAll(pending => TicketHistory.Created(pending.Ticket, pending.Actor)), CancellationToken.None);
        }

        foreach (var ticket in tickets.Where(ticket => ticket.Priority == Priority.P1))
        {
            outbox.Enqueue(db, WebhookEventTypes.P1Created, new { Ticket = TicketResponse.From(ticket, sla) }, ticket.CreatedAt);
        }

        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }

        await transaction.CommitAsync(CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not store {Count} new tickets; their requests were refused")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);

    private sealed record PendingTicket(Ticket Ticket, string Actor)
    {
        public TaskCompletionSource Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
