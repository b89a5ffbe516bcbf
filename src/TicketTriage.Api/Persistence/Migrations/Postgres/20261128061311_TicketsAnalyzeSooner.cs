using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketTriage.Api.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TicketsAnalyzeSooner : Migration
    {
        /// <summary>
        /// Statistics on the tickets after 2% of them change rather than PostgreSQL's 10%: at a million tickets a
        /// burst of 89,000 creates, all New, left the planner counting New tickets as rare, and a page of New
        /// tickets by priority took 25 ms where it takes 0.2 ms once analysed.
        /// </summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "Tickets" SET (autovacuum_analyze_scale_factor = 0.02);""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""ALTER TABLE "Tickets" RESET (autovacuum_analyze_scale_factor);""");
        }
    }
}
