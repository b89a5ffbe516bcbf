using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TicketTriage.Api.Persistence.Configurations;
using TicketTriage.Core.Search;
using TicketTriage.Core.Tickets;

namespace TicketTriage.Api.Persistence;

internal sealed class SqliteTriageDbContext(DbContextOptions<SqliteTriageDbContext> options) : TriageDbContext(options)
{
    /// <summary>
    /// From this many matches a page in a field order walks the order's index (see
    /// <see cref="WalksSortIndexAsync"/>): at a million tickets, about where reading and sorting the
    /// matches starts to cost more than walking to the page's end, where matches are spread over time.
    /// </summary>
    private const int MatchesForWalk = 1000;

    public override IQueryable<SearchHit> Search(SearchQuery query)
    {
        var match = query.ToFts5();
        return Set<SqliteSearchIndex>()
            .Where(row => row.Match == match)
            .Select(row => new SearchHit { Id = row.Id, Rank = row.Rank });
    }

    /// <remarks>
    /// SQLite starts a join from the matches: it reads every matching ticket and sorts them all for one page (a
    /// word in 59,000 tickets: 0.2 s at a million). Walking the order's index instead, and testing each ticket
    /// against the list of matches, stops when the page is full (5-9 ms), but walks far for a word in few tickets,
    /// and over the whole index for one in none (34 ms, where the join takes 1 ms). So the walk is taken only when
    /// a first count, which stops at <see cref="MatchesForWalk"/>, reaches it.
    /// </remarks>
    public override async Task<bool> WalksSortIndexAsync(SearchQuery query, CancellationToken cancellationToken) =>
        // Counted in id order, the index's own (no sort): EF warns of a limit without an order.
        await Search(query).Select(hit => hit.Id).Order().Take(MatchesForWalk).CountAsync(cancellationToken) == MatchesForWalk;

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
