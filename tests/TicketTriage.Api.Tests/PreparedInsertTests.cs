using System.Collections;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketTriage.Api.Persistence;
using TicketTriage.Api.Tests.Infrastructure;
using TicketTriage.Core.Tickets;

namespace TicketTriage.Api.Tests;

/// <summary>
/// New tickets are inserted by the intake through statements built from the EF model rather than by
/// SaveChanges; the rows must be the ones SaveChanges writes, column for column, on either provider.
/// </summary>
public sealed class PreparedInsertTests(TriageApiFactory factory) : IClassFixture<TriageApiFactory>
{
    [Fact]
    public async Task TicketStoredByTheIntake_IsTheRowSaveChangesWritesForIt()
    {
        var created = await factory.CreateClient().CreateTicketAsync(
            "Printer queue stuck, password prompt loops", impact: 1, urgency: 1, description: "Jobs from Finance wait since 9:00", caller: "ann@example.com");
        var intakeId = created.GetProperty("id").GetInt64();

        long savedId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TriageDbContext>();
            var ticket = await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == intakeId, TestContext.Current.CancellationToken);
            db.Entry(ticket).Property(t => t.Id).CurrentValue = 0L;
            db.Tickets.Add(ticket);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            savedId = ticket.Id;
        }

        var intakeRow = await ReadRowAsync(intakeId);
        var savedRow = await ReadRowAsync(savedId);

        Assert.NotEqual(intakeId, savedId);
        Assert.Contains(intakeRow, column => column.Key == "MatchedTerms" && column.Value.Contains("password", StringComparison.Ordinal));
        Assert.Contains(intakeRow, column => column.Key == "ResponseBreachDueAt" && column.Value != "NULL");
        Assert.Equal(savedRow.Keys, intakeRow.Keys);
        Assert.Empty(savedRow.Where(column => intakeRow[column.Key] != column.Value)
            .Select(column => $"{column.Key}: intake {intakeRow[column.Key]}, SaveChanges {column.Value}"));
    }

    [Fact]
    public async Task RowsInsertedTogether_EachGetTheirOwnKeyAndTheRowsTheirSourcesHave()
    {
        // On PostgreSQL the rows go as one batch and the keys come back as one result per row: a key given
        // to the wrong entity would pair a copy with another ticket's title.
        var client = factory.CreateClient();
        var marker = TicketClient.NewMarker();
        var sourceIds = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            var created = await client.CreateTicketAsync($"{marker} batch copy {i}", impact: (i % 3) + 1, urgency: 2, description: $"Row {i} of the batch");
            sourceIds.Add(created.GetProperty("id").GetInt64());
        }

        List<Ticket> copies;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TriageDbContext>();
            copies = await db.Tickets.AsNoTracking().Where(t => sourceIds.Contains(t.Id)).OrderBy(t => t.Id).ToListAsync(TestContext.Current.CancellationToken);
            copies.ForEach(ticket => db.Entry(ticket).Property(t => t.Id).CurrentValue = 0L);
            await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
            await using (var insert = new PreparedInsert<Ticket>(db))
            {
                await insert.InsertAllAsync(copies, TestContext.Current.CancellationToken);
            }

            await transaction.CommitAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(sourceIds.Count, copies.Select(copy => copy.Id).Where(id => id > 0 && !sourceIds.Contains(id)).Distinct().Count());
        foreach (var (sourceId, copy) in sourceIds.Zip(copies))
        {
            Assert.Equal(await ReadRowAsync(sourceId), await ReadRowAsync(copy.Id));
        }
    }

    /// <summary>
    /// Every column of a ticket row as text, straight from the database, but the id and what derives from it
    /// (PostgreSQL's search document holds the ticket number; the triggers that fill it are tested with search).
    /// </summary>
    private async Task<SortedDictionary<string, string>> ReadRowAsync(long id)
    {
        await using var connection = factory.CreateDatabaseConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM \"Tickets\" WHERE \"Id\" = @id";
        command.AddParameter("id", id);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));

        var row = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (var column = 0; column < reader.FieldCount; column++)
        {
            if (reader.GetName(column) is not ("Id" or "SearchVector"))
            {
                row[reader.GetName(column)] = AsText(reader.GetValue(column));
            }
        }

        return row;
    }

    private static string AsText(object value) => value switch
    {
        DBNull => "NULL",
        string text => text,
        IEnumerable items => string.Join(",", items.Cast<object>().Select(AsText)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
