using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketTriage.Api.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SummaryMeanIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Priority_ResolutionSeconds_ResolvedAt",
                table: "Tickets",
                columns: new[] { "Priority", "ResolutionSeconds", "ResolvedAt" },
                filter: "\"ResolutionSeconds\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Priority_ResponseSeconds_RespondedAt",
                table: "Tickets",
                columns: new[] { "Priority", "ResponseSeconds", "RespondedAt" },
                filter: "\"ResponseSeconds\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_Priority_ResolutionSeconds_ResolvedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_Priority_ResponseSeconds_RespondedAt",
                table: "Tickets");
        }
    }
}
