using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TicketTriage.Api.Persistence;

/// <summary>
/// Lines this process's SQLite write transactions up in a queue. SQLite lets one writer in at a time;
/// the others poll the lock, sleeping up to 100 ms between tries, so under load most of a write's time
/// was spent asleep while the lock stood free. Waiting here instead hands the lock on the moment it is
/// released. Readers never wait (WAL). A transaction that waits longer than SQLite's own busy timeout
/// goes ahead unqueued and leaves the waiting to SQLite, so no path can hang here.
/// </summary>
internal sealed class SqliteWriterQueue : IDbTransactionInterceptor, IDbConnectionInterceptor, IDisposable
{
    private static readonly TimeSpan MaxQueueWait = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly ConcurrentDictionary<Guid, byte> _holders = new();

    /// <summary>Whether a write transaction of this process holds its turn now.</summary>
    public bool IsHeld => _writer.CurrentCount == 0;

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        if (_writer.Wait(MaxQueueWait))
        {
            _holders[eventData.ConnectionId] = 0;
        }

        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection,
        TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result,
        CancellationToken cancellationToken = default)
    {
        if (await _writer.WaitAsync(MaxQueueWait, cancellationToken))
        {
            _holders[eventData.ConnectionId] = 0;
        }

        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.ConnectionId);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(eventData.ConnectionId);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback ends when its connection closes.
    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(eventData.ConnectionId);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(eventData.ConnectionId);
        return ValueTask.FromResult(result);
    }

    public void Dispose() => _writer.Dispose();

    private void Release(Guid connectionId)
    {
        if (_holders.TryRemove(connectionId, out _))
        {
            _writer.Release();
        }
    }
}
