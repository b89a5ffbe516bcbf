using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TicketTriage.Core.Tickets;

namespace TicketTriage.Api.Persistence;

internal sealed class SqliteTriageDbContext(DbContextOptions<SqliteTriageDbContext> options) : TriageDbContext(options)
{
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
    }
}
