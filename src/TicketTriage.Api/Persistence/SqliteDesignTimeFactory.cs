using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TicketTriage.Api.Persistence;

/// <summary>Lets the EF tools build the SQLite model without starting the host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteTriageDbContext>
{
    public SqliteTriageDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteTriageDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
