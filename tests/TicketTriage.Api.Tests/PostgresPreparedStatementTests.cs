using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketTriage.Api.Persistence;
using TicketTriage.Api.Tests.Infrastructure;
using TicketTriage.Core.Tickets;

namespace TicketTriage.Api.Tests;

/// <summary>
/// On PostgreSQL the intake's batch inserts and the queries tagged for it are prepared on their connection and,
/// after a few runs, keep one plan, where EF Core prepared nothing and each was planned again on every run. Other
/// queries stay unprepared: their best plan depends on the values (a rare word or status against a common one).
/// </summary>
public sealed class PostgresPreparedStatementTests : IDisposable
{
    private readonly TriageApiFactory _factory = TriageApiFactory.WithSettings(new Dictionary<string, string?> { ["Database:Provider"] = "Postgres" });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task BatchInsertsAndTaggedQueries_ArePreparedAndKeepOnePlan_OtherQueriesAreNot()
    {
        var client = _factory.CreateClient();
        var marker = TicketClient.NewMarker();
        var sourceIds = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            sourceIds.Add((await client.CreateTicketAsync($"{marker} prepared copy {i}")).GetProperty("id").GetInt64());
        }

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TriageDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);

        // PostgreSQL plans a prepared statement for its values five times, then may keep one plan for any values.
        for (var round = 0; round < 3; round++)
        {
            var copies = await db.Tickets.AsNoTracking().Where(t => sourceIds.Contains(t.Id)).ToListAsync(TestContext.Current.CancellationToken);
            copies.ForEach(ticket => db.Entry(ticket).Property(t => t.Id).CurrentValue = 0L);
            await using var insert = new PreparedInsert<Ticket>(db);
            await insert.InsertAllAsync(copies, TestContext.Current.CancellationToken);
            Assert.All(copies, copy => Assert.DoesNotContain(copy.Id, sourceIds));
        }

        for (var run = 0; run < 6; run++)
        {
            await db.Tickets.CountAsync(ticket => ticket.Title == marker, TestContext.Current.CancellationToken);
            await db.Tickets.TagWith(PreparedQueryInterceptor.Tag).CountAsync(ticket => ticket.Caller == marker, TestContext.Current.CancellationToken);
        }

        var statements = await db.Database
            .SqlQuery<PreparedStatement>($"SELECT statement AS \"Text\", generic_plans AS \"GenericPlans\" FROM pg_prepared_statements")
            .ToListAsync(TestContext.Current.CancellationToken);
        var ticketInsert = Assert.Single(statements, statement => statement.Text.StartsWith("INSERT INTO \"Tickets\"", StringComparison.Ordinal));
        Assert.True(ticketInsert.GenericPlans > 0, "the insert was planned again on every run");
        Assert.Single(statements, statement => statement.Text.Contains("\"Caller\" = ", StringComparison.Ordinal));
        Assert.DoesNotContain(statements, statement => statement.Text.Contains("\"Title\" = ", StringComparison.Ordinal));
        await transaction.RollbackAsync(TestContext.Current.CancellationToken);
    }

    private sealed record PreparedStatement(string Text, long GenericPlans);
}
