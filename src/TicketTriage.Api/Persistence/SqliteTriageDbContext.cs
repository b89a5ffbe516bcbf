using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TicketTriage.Api.Persistence.Configurations;
using TicketTriage.Core.Search;
using TicketTriage.Core.Tickets;

namespace TicketTriage.Api.Persistence;

internal sealed class SqliteTriageDbContext(DbContextOptions<SqliteTriageDbContext> options) : TriageDbContext(options)
{
    public override IQueryable<SearchHit> Search(SearchQuery query)
    {
        var match = query.ToFts5();
        return Set<SqliteSearchIndex>()
            .Where(row => row.Match == match)
            .Select(row => new SearchHit { Id = row.Id, Rank = row.Rank });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare DateTimeOffset text in SQL; as a number it filters, sorts and indexes.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        SqliteSearchIndex.Map(modelBuilder);

        // Group filters are case-insensitive ("network" finds "Network") and must still use the index.
        modelBuilder.Entity<Ticket>().Property(ticket => ticket.AssignmentGroup).UseCollation("NOCASE");
        modelBuilder.Entity<Ticket>().Property(ticket => ticket.Assignee).UseCollation("NOCASE");

        // The same JSON array EF writes for a primitive collection, read back without EF's collection
        // reader, which looks up a constructor by reflection for every row it reads (a tenth of a ticket
        // page's allocations). PostgreSQL keeps its native text[] column.
        modelBuilder.Entity<Ticket>().Property(ticket => ticket.MatchedTerms).HasConversion(
            terms => JsonSerializer.Serialize(terms, JsonSerializerOptions.Default),
            json => JsonSerializer.Deserialize<List<string>>(json, JsonSerializerOptions.Default) ?? new List<string>(),
            TicketConfiguration.MatchedTermsComparer);
    }
}
