using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TicketTriage.Api.Persistence;

/// <summary>Lets the EF tools build the PostgreSQL model without starting the host or reaching a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresTriageDbContext>
{
    public PostgresTriageDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresTriageDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
