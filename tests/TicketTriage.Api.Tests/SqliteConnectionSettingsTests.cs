using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketTriage.Api.Persistence;
using TicketTriage.Api.Tests.Infrastructure;

namespace TicketTriage.Api.Tests;

/// <summary>
/// Every SQLite connection the service uses commits with synchronous=FULL and waits for the write lock:
/// new native connections and the pooled ones handed out again alike. They are created without EF's SQL functions.
/// </summary>
public sealed class SqliteConnectionSettingsTests : IDisposable
{
    private readonly TriageApiFactory _factory = TriageApiFactory.WithSettings(new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite" });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Connections_NewAndReused_AreDurableAndWaitForTheLock()
    {
        // Three at once need three native connections; the rounds after that reuse them from the pool.
        for (var round = 0; round < 3; round++)
        {
            var scopes = Enumerable.Range(0, 3).Select(_ => _factory.Services.CreateAsyncScope()).ToList();
            try
            {
                foreach (var scope in scopes)
                {
                    var db = scope.ServiceProvider.GetRequiredService<TriageDbContext>();
                    await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
                    Assert.Equal(2, await ReadPragmaAsync(db, "synchronous"));
                    Assert.Equal(10_000, await ReadPragmaAsync(db, "busy_timeout"));
                }
            }
            finally
            {
                foreach (var scope in scopes)
                {
                    await scope.DisposeAsync();
                }
            }
        }
    }

    [Fact]
    public async Task Connections_DoNotCarryEfSqlFunctions()
    {
        // Registering them again on every open cost a tenth of a list page's CPU; nothing in the model needs them.
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TriageDbContext>();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT ef_add(1, 2)";

        var error = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        Assert.Contains("no such function: ef_add", error.Message, StringComparison.Ordinal);
    }

    private static async Task<long> ReadPragmaAsync(TriageDbContext db, string pragma)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {pragma}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
