using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketTriage.Api.Persistence;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>
/// The in-process queue of SQLite write transactions: a transaction holds the turn from its start to its
/// end, however it ends, so no later writer waits on one that is gone.
/// </summary>
public sealed class SqliteWriterQueueTests : IDisposable
{
    private readonly TriageApiFactory _factory = TriageApiFactory.WithSettings(new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite" });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Transaction_Committed_GivesTheTurnBack()
    {
        var queue = Queue();
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TriageDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
            Assert.True(queue.IsHeld);
            await transaction.CommitAsync(TestContext.Current.CancellationToken);
            Assert.False(queue.IsHeld);
        }

        Assert.False(queue.IsHeld);
    }

    [Fact]
    public async Task Transaction_RolledBack_GivesTheTurnBack()
    {
        var queue = Queue();
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TriageDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        Assert.True(queue.IsHeld);

        await transaction.RollbackAsync(TestContext.Current.CancellationToken);

        Assert.False(queue.IsHeld);
    }

    [Fact]
    public async Task Transaction_AbandonedWithItsScope_GivesTheTurnBackAndWritesGoOn()
    {
        var queue = Queue();
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TriageDbContext>();
            await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
            Assert.True(queue.IsHeld);
        }

        Assert.False(queue.IsHeld);
        var client = _factory.CreateClient();
        var ticket = await client.CreateTicketAsync("Written after an abandoned transaction");
        Assert.Equal("rita", (await client.UpdateTicketAsync(ticket.Id(), new { assignee = "rita" })).Text("assignee"));
    }

    private SqliteWriterQueue Queue()
    {
        _factory.CreateClient();
        return _factory.Services.GetRequiredService<SqliteWriterQueue>();
    }
}
