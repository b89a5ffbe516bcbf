using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketTriage.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SlaTracking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "CancelledAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResolutionBreachDueAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResolutionBreachedAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResolutionWarnedAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResolutionWarningDueAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResponseBreachDueAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResponseBreachedAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResponseWarnedAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResponseWarningDueAt",
                table: "Tickets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SlaPauses",
                table: "Tickets",
                type: "TEXT",
                nullable: false,
                defaultValueSql: "'[]'");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ResolutionBreachDueAt",
                table: "Tickets",
                column: "ResolutionBreachDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ResolutionWarningDueAt",
                table: "Tickets",
                column: "ResolutionWarningDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ResponseBreachDueAt",
                table: "Tickets",
                column: "ResponseBreachDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ResponseWarningDueAt",
                table: "Tickets",
                column: "ResponseWarningDueAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Tickets_ResolutionBreachDueAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ResolutionWarningDueAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ResponseBreachDueAt",
                table: "Tickets");

            migrationBuilder.DropIndex(
                name: "IX_Tickets_ResponseWarningDueAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ResolutionBreachDueAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ResolutionBreachedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ResolutionWarnedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ResolutionWarningDueAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ResponseBreachDueAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ResponseBreachedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ResponseWarnedAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "ResponseWarningDueAt",
                table: "Tickets");

            migrationBuilder.DropColumn(
                name: "SlaPauses",
                table: "Tickets");
        }
    }
}
