using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TicketTriage.Core.Search;
using TicketTriage.Core.Tickets;

namespace TicketTriage.Api.Persistence;

internal sealed class PostgresTriageDbContext(DbContextOptions<PostgresTriageDbContext> options) : TriageDbContext(options)
{
    public const string CaseInsensitiveCollation = "case_insensitive";

    /// <summary>The text search configuration the PostgreSQL migration creates: simple words, accents folded.</summary>
    public const string SearchConfiguration = "triage_search";

    /// <remarks>
    /// The number and the title say more about a ticket than its long text: weights A, B, C and D (see the
    /// migration's document function). Normalisation 1 favours shorter documents, as bm25 does; negated so that,
    /// as on SQLite, a lower rank is a better match.
    /// </remarks>
    public override IQueryable<SearchHit> Search(SearchQuery query)
    {
        var text = query.ToTsQuery();
        return Set<PostgresSearchIndex>()
            .Where(row => row.SearchVector.Matches(EF.Functions.ToTsQuery(SearchConfiguration, text)))
            .Select(row => new SearchHit
            {
                Id = row.Id,
                Rank = -(double)row.SearchVector.Rank(EF.Functions.ToTsQuery(SearchConfiguration, text), NpgsqlTsRankingNormalization.DivideBy1PlusLogLength),
            });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // timestamptz stores instants; Npgsql refuses an offset other than zero, and SLA due times are
        // computed in a calendar's own zone, so every instant is written as UTC.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcInstantConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        PostgresSearchIndex.Map(modelBuilder);

        // Group filters are case-insensitive ("network" finds "Network") and must still use the index.
        modelBuilder.HasCollation(CaseInsensitiveCollation, locale: "und-u-ks-level2", provider: "icu", deterministic: false);
        modelBuilder.Entity<Ticket>().Property(ticket => ticket.AssignmentGroup).UseCollation(CaseInsensitiveCollation);
        modelBuilder.Entity<Ticket>().Property(ticket => ticket.Assignee).UseCollation(CaseInsensitiveCollation);
    }

    private sealed class UtcInstantConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
        instant => instant.ToUniversalTime(),
        stored => stored);
}
