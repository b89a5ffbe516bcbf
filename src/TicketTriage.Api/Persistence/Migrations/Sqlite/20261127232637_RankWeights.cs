using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketTriage.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RankWeights : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Written by hand: the FTS5 index's rank column computes bm25 with these column weights (number, title,
            // description, caller, notes, assignment group), so queries read the rank as a column of the match.
            migrationBuilder.Sql("""INSERT INTO "TicketSearch"("TicketSearch", rank) VALUES('rank', 'bm25(10.0, 4.0, 1.0, 2.0, 1.0, 1.0)');""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""INSERT INTO "TicketSearch"("TicketSearch", rank) VALUES('rank', 'bm25()');""");
        }
    }
}
