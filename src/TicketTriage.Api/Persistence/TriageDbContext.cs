using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TicketTriage.Api.Auth;
using TicketTriage.Api.Webhooks;
using TicketTriage.Core.Search;
using TicketTriage.Core.Tickets;

namespace TicketTriage.Api.Persistence;

/// <summary>The model shared by every provider; each provider's context adds only what differs.</summary>
internal abstract class TriageDbContext(DbContextOptions options) : IdentityUserContext<TriageUser>(options), IDataProtectionKeyContext
{
    public DbSet<Ticket> Tickets => Set<Ticket>();

    public DbSet<TicketNote> TicketNotes => Set<TicketNote>();

    public DbSet<TicketEvent> TicketEvents => Set<TicketEvent>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    /// <summary>Cookie sessions of signed-in browsers (see <see cref="DatabaseSessionStore"/>).</summary>
    public DbSet<UserSession> Sessions => Set<UserSession>();

    /// <summary>Session and anti-forgery keys, shared by every instance on the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The tickets matching a full-text query, each with its rank (lower is more relevant).</summary>
    public abstract IQueryable<SearchHit> Search(SearchQuery query);

    /// <summary>
    /// The tickets among <paramref name="tickets"/> that a full-text query matches, unordered: joined to the matches,
    /// or, with <paramref name="walkSortIndex"/>, each tested against the list of matches, which makes a page in
    /// a field order walk that order's index (see <see cref="WalksSortIndexAsync"/>). There the id is compared as
    /// <c>Id + 0</c> so that the database cannot look tickets up by it and start from the matches again.
    /// </summary>
    public IQueryable<Ticket> Matching(IQueryable<Ticket> tickets, SearchQuery query, bool walkSortIndex = false) => walkSortIndex
        ? tickets.Where(ticket => Search(query).Select(hit => hit.Id).Contains(ticket.Id + 0))
        : tickets.Join(Search(query), ticket => ticket.Id, hit => hit.Id, (ticket, _) => ticket);

    /// <summary>
    /// Whether a page of this search in a field order (newest first, oldest first, a priority's newest first) should
    /// walk the order's index rather than start from the matches: for a provider whose planner cannot choose between
    /// them. No by default.
    /// </summary>
    public virtual Task<bool> WalksSortIndexAsync(SearchQuery query, CancellationToken cancellationToken) => Task.FromResult(false);

    /// <summary>The matches after a keyset anchor: a worse rank (higher), or the same rank and a higher id.</summary>
    public IQueryable<SearchHit> SearchAfter(SearchQuery query, double rank, long id) =>
        Search(query).Where(hit => hit.Rank > rank || (hit.Rank == rank && hit.Id > id));

    /// <summary>The current rank of one ticket for a query, or null when it no longer matches.</summary>
    public async Task<double?> RankOfAsync(SearchQuery query, long ticketId, CancellationToken cancellationToken) =>
        await Search(query).Where(hit => hit.Id == ticketId).Select(hit => (double?)hit.Rank).FirstOrDefaultAsync(cancellationToken);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TriageDbContext).Assembly);
    }

    /// <summary>History is append-only: a change to a stored entry is a bug, refused before it reaches the database.</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (ChangeTracker.Entries<TicketEvent>().Any(entry => entry.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Ticket history is append-only; entries are never updated or deleted.");
        }

        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}
