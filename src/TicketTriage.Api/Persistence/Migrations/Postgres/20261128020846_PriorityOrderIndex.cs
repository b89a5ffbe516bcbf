using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketTriage.Api.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PriorityOrderIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_Priority_CreatedAt_Id",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Priority_CreatedAt_Id",
                table: "Tickets",
                columns: new[] { "Priority", "CreatedAt", "Id" },
                descending: new[] { false, true, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_Priority_CreatedAt_Id",
                table: "Tickets");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Priority_CreatedAt_Id",
                table: "Tickets",
                columns: new[] { "Priority", "CreatedAt", "Id" });
        }
    }
}
