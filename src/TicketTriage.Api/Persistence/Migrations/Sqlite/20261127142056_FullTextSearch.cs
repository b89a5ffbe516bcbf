using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TicketTriage.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Written by hand: EF has no model for FTS5. TicketSearch is a contentless index (rowid = ticket id)
            // over number, title, description, caller, the ticket's notes and its group; triggers keep it in step with
            // the tables in the same transaction as every write, so it cannot drift. unicode61 with
            // remove_diacritics folds case and accents ("resume" finds "Résumé").
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "TicketSearch" USING fts5(
                    number, title, description, caller, notes, assignment_group,
                    content = '', contentless_delete = 1,
                    tokenize = 'unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Tickets_SearchInsert" AFTER INSERT ON "Tickets" BEGIN
                    INSERT INTO "TicketSearch"(rowid, number, title, description, caller, notes, assignment_group)
                    VALUES (new."Id", 'INC' || printf('%07d', new."Id"), new."Title", new."Description", new."Caller", '', new."AssignmentGroup");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Tickets_SearchUpdate" AFTER UPDATE OF "Title", "Description", "Caller", "AssignmentGroup" ON "Tickets" BEGIN
                    DELETE FROM "TicketSearch" WHERE rowid = old."Id";
                    INSERT INTO "TicketSearch"(rowid, number, title, description, caller, notes, assignment_group)
                    VALUES (new."Id", 'INC' || printf('%07d', new."Id"), new."Title", new."Description", new."Caller",
                        (SELECT group_concat("Body", ' ') FROM "TicketNotes" WHERE "TicketId" = new."Id"), new."AssignmentGroup");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Tickets_SearchDelete" AFTER DELETE ON "Tickets" BEGIN
                    DELETE FROM "TicketSearch" WHERE rowid = old."Id";
                END;
                """);
            foreach (var (name, timing, ticketId) in new[] { ("TicketNotes_SearchInsert", "AFTER INSERT", "new"), ("TicketNotes_SearchDelete", "AFTER DELETE", "old"), ("TicketNotes_SearchUpdate", "AFTER UPDATE", "new") })
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "{name}" {timing} ON "TicketNotes" BEGIN
                        DELETE FROM "TicketSearch" WHERE rowid = {ticketId}."TicketId";
                        INSERT INTO "TicketSearch"(rowid, number, title, description, caller, notes, assignment_group)
                        SELECT t."Id", 'INC' || printf('%07d', t."Id"), t."Title", t."Description", t."Caller",
                            (SELECT group_concat(n."Body", ' ') FROM "TicketNotes" n WHERE n."TicketId" = t."Id"), t."AssignmentGroup"
                        FROM "Tickets" t WHERE t."Id" = {ticketId}."TicketId";
                    END;
                    """);
            }

            migrationBuilder.Sql("""
                INSERT INTO "TicketSearch"(rowid, number, title, description, caller, notes, assignment_group)
                SELECT t."Id", 'INC' || printf('%07d', t."Id"), t."Title", t."Description", t."Caller",
                    (SELECT group_concat(n."Body", ' ') FROM "TicketNotes" n WHERE n."TicketId" = t."Id"), t."AssignmentGroup"
                FROM "Tickets" t;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "Tickets_SearchInsert", "Tickets_SearchUpdate", "Tickets_SearchDelete", "TicketNotes_SearchInsert", "TicketNotes_SearchDelete", "TicketNotes_SearchUpdate" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS \"{trigger}\";");
            }

            migrationBuilder.Sql("DROP TABLE IF EXISTS \"TicketSearch\";");
        }
    }
}
