using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TicketTriage.Api.Persistence;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>
/// On PostgreSQL the service's connections prepare the statements they repeat, unless the connection
/// string says otherwise: EF Core never prepares, and parsing and planning each statement again was
/// most of the server's work on a create.
/// </summary>
public sealed class PostgresConnectionStringTests : IDisposable
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
}
