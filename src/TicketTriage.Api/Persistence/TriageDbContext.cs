using Microsoft.EntityFrameworkCore;
using TicketTriage.Core.Tickets;

namespace TicketTriage.Api.Persistence;

/// <summary>The model shared by every provider; each provider's context adds only what differs.</summary>
internal abstract class TriageDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Ticket> Tickets => Set<Ticket>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TriageDbContext).Assembly);
}
