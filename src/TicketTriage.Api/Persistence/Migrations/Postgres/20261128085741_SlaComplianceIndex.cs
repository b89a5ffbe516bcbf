using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketTriage.Api.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SlaComplianceIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Tickets_SlaOutcomes",
                table: "Tickets",
                columns: new[] { "AssignmentGroup", "Priority", "RespondedAt", "ResponseBreachedAt", "ResponseBreachDueAt", "ResolvedAt", "ResolutionBreachedAt", "ResolutionBreachDueAt" },
                filter: "\"RespondedAt\" IS NOT NULL AND \"CancelledAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_SlaOutcomes",
                table: "Tickets");
        }
    }
}
