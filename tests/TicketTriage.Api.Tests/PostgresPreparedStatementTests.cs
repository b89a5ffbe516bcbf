using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TicketTriage.Api.Persistence;
using TicketTriage.Api.Tests.Infrastructure;
using TicketTriage.Core.Search;
using TicketTriage.Core.Triage;

namespace TicketTriage.Api.Tests;

/// <summary>
/// On PostgreSQL the service's connections prepare the statements they repeat, unless the connection
/// string says otherwise: EF Core never prepares, and parsing and planning each statement again was
/// most of the server's work on a create. Full-text statements are still planned for the words searched.
/// </summary>
public sealed class PostgresPreparedStatementTests : IDisposable
{
    private readonly TriageApiFactory _factory = TriageApiFactory.WithSettings(new Dictionary<string, string?> { ["Database:Provider"] = "Postgres" });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task AStatementTheServiceRepeats_IsPreparedOnItsConnection()
    {
        await _factory.CreateClient().CreateTicketAsync("VPN drops every ten minutes");
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TriageDbContext>();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var marker = TicketClient.NewMarker();

        for (var run = 0; run < 6; run++)
        {
            await db.Tickets.CountAsync(ticket => ticket.Title == marker, TestContext.Current.CancellationToken);
        }

        var prepared = await db.Database
            .SqlQuery<string>($"SELECT statement AS \"Value\" FROM pg_prepared_statements")
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Contains(prepared, statement => statement.Contains("count(*)", StringComparison.OrdinalIgnoreCase) && statement.Contains("\"Title\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SearchStatements_ArePlannedForTheirWordsEachTime_WhereOtherStatementsReuseOnePlan()
    {
        var client = _factory.CreateClient();
        var marker = TicketClient.NewMarker();
        for (var i = 0; i < 3; i++)
        {
            await client.CreateTicketAsync($"{marker} printer jam on floor {i}");
        }

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TriageDbContext>();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var query = SearchQuery.Parse($"{marker} printer").Query!;

        // PostgreSQL plans a prepared statement for its values five times, then may settle on one plan for any
        // value. The count runs first: a search's setting stays on the connection until it goes back to the pool.
        for (var run = 0; run < 10; run++)
        {
            await db.Tickets.CountAsync(ticket => ticket.Title == marker, TestContext.Current.CancellationToken);
        }

        for (var run = 0; run < 10; run++)
        {
            var hits = await db.Search(query).OrderBy(hit => hit.Rank).ThenBy(hit => hit.Id).Take(51).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(3, hits.Count);
        }

        var plans = await db.Database
            .SqlQuery<PlanCounts>($"SELECT statement AS \"Statement\", generic_plans AS \"GenericPlans\", custom_plans AS \"CustomPlans\" FROM pg_prepared_statements")
            .ToListAsync(TestContext.Current.CancellationToken);
        var search = Assert.Single(plans, plan => plan.Statement.Contains("ts_rank", StringComparison.Ordinal));
        var count = Assert.Single(plans, plan => plan.Statement.Contains("count(*)", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, search.GenericPlans);
        Assert.True(search.CustomPlans >= 5, $"{search.CustomPlans} custom plans for the search");
        Assert.True(count.GenericPlans > 0, "the count never ran a generic plan: this test would not see one for the search either");

        // A search joined to the other filters (as the list, the summary and the CSV export make it) carries the tag too.
        var filtered = db.Tickets.Where(ticket => ticket.Priority == Priority.P2)
            .Join(db.Search(query), ticket => ticket.Id, hit => hit.Id, (ticket, _) => ticket);
        var commandText = filtered.ToQueryString().Split('\n').SkipWhile(line => line.StartsWith("-- @", StringComparison.Ordinal));
        Assert.Equal("-- " + SearchPlanInterceptor.Tag, commandText.First());
    }

    [Theory]
    [InlineData("Host=db.internal;Database=tickets;Username=tickets;Password=s3cret", PostgresConnectionString.MaxAutoPrepare)]
    [InlineData("Host=db.internal;Database=tickets;Max Auto Prepare=0", 0)]
    [InlineData("Host=db.internal;Database=tickets;maxautoprepare=10", 10)]
    public void Defaults_AddAutomaticPreparation_AndKeepWhatTheStringSets(string configured, int expectedMaxAutoPrepare)
    {
        var applied = new NpgsqlConnectionStringBuilder(PostgresConnectionString.WithDefaults(configured));
        var original = new NpgsqlConnectionStringBuilder(configured);

        Assert.Equal(expectedMaxAutoPrepare, applied.MaxAutoPrepare);
        Assert.Equal(original.Host, applied.Host);
        Assert.Equal(original.Database, applied.Database);
        Assert.Equal(original.Username, applied.Username);
        Assert.Equal(original.Password, applied.Password);
    }

    private sealed record PlanCounts(string Statement, long GenericPlans, long CustomPlans);
}
