using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>
/// PostgreSQL's statistics on the tickets follow a burst of creates: the planner picks each list's index by how
/// many tickets it expects per status and priority, and at its default it re-counts after 10% of a table changes.
/// </summary>
public sealed class PostgresStatisticsTests : IDisposable
{
    private readonly TriageApiFactory _factory = TriageApiFactory.WithSettings(new Dictionary<string, string?> { ["Database:Provider"] = "Postgres" });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Tickets_AreAnalysedAgainOnceTwoPercentOfThemChange()
    {
        _factory.CreateClient();
        await using var connection = _factory.CreateDatabaseConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT array_to_string(reloptions, ',') FROM pg_class WHERE oid = '"Tickets"'::regclass""";

        Assert.Equal("autovacuum_analyze_scale_factor=0.02", await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }
}
