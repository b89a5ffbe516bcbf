using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketTriage.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SummaryGroupMeanIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Tickets_AssignmentGroup_Priority_ResolutionSeconds_ResolvedAt",
                table: "Tickets",
                columns: new[] { "AssignmentGroup", "Priority", "ResolutionSeconds", "ResolvedAt" },
                filter: "\"ResolutionSeconds\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_AssignmentGroup_Priority_ResponseSeconds_RespondedAt",
                table: "Tickets",
                columns: new[] { "AssignmentGroup", "Priority", "ResponseSeconds", "RespondedAt" },
                filter: "\"ResponseSeconds\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_AssignmentGroup_Priority_ResolutionSeconds_ResolvedAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_AssignmentGroup_Priority_ResponseSeconds_RespondedAt",
                table: "Tickets");
        }
    }
}
