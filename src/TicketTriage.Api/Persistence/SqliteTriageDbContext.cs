using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TicketTriage.Api.Persistence.Configurations;
using TicketTriage.Core.Search;
using TicketTriage.Core.Tickets;

namespace TicketTriage.Api.Persistence;

internal sealed class SqliteTriageDbContext(DbContextOptions<SqliteTriageDbContext> options) : TriageDbContext(options)
{
    // Column weights for number, title, description, caller, notes and group: a hit in the number or the
    // title says more about a ticket than one in a long description.
    private const string Bm25 = "bm25(\"TicketSearch\", 10.0, 4.0, 1.0, 2.0, 1.0, 1.0)";

    public override IQueryable<SearchHit> Search(SearchQuery query) =>
        Database.SqlQueryRaw<SearchHit>(
            $"SELECT rowid AS \"Id\", {Bm25} AS \"Rank\" FROM \"TicketSearch\" WHERE \"TicketSearch\" MATCH {{0}}",
            query.ToFts5());

    public override async Task<double?> RankOfAsync(SearchQuery query, long ticketId, CancellationToken cancellationToken) =>
        await Database.SqlQueryRaw<double?>(
            $"SELECT {Bm25} AS \"Value\" FROM \"TicketSearch\" WHERE \"TicketSearch\" MATCH {{0}} AND rowid = {{1}}",
            query.ToFts5(),
            ticketId).FirstOrDefaultAsync(cancellationToken);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare DateTimeOffset text in SQL; as a number it filters, sorts and indexes.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

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
