using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TicketTriage.Api.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:CollationDefinition:case_insensitive", "und-u-ks-level2,und-u-ks-level2,icu,False");

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Disabled = table.Column<bool>(type: "boolean", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EndpointUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AbandonedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Tickets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    Impact = table.Column<int>(type: "integer", nullable: false),
                    Urgency = table.Column<int>(type: "integer", nullable: false),
                    Priority = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    AssignmentGroup = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "case_insensitive"),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Caller = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OpenedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Assignee = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "case_insensitive"),
                    HoldReason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ResolutionCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ResolutionNotes = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    CancelReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RespondedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SlaPauses = table.Column<string>(type: "text", nullable: false, defaultValueSql: "'[]'"),
                    ResponseWarningDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResponseBreachDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolutionWarningDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolutionBreachDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResponseWarnedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResponseBreachedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolutionWarnedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolutionBreachedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReopenCount = table.Column<int>(type: "integer", nullable: false),
                    ResponseSeconds = table.Column<long>(type: "bigint", nullable: true),
                    ResolutionSeconds = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    RoutingRuleId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RoutedGroup = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    MatchedTerms = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tickets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ApiTokens",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Scope = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastUsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TicketEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<long>(type: "bigint", nullable: false),
                    Type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Field = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    OldValue = table.Column<string>(type: "text", nullable: true),
                    NewValue = table.Column<string>(type: "text", nullable: true),
                    Reason = table.Column<string>(type: "text", nullable: true),
                    Details = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TicketEvents_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TicketNotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<long>(type: "bigint", nullable: false),
                    Body = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    Visibility = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Author = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TicketNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TicketNotes_Tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "Tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_Hash",
                table: "ApiTokens",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApiTokens_UserId",
                table: "ApiTokens",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_EventId",
                table: "OutboxMessages",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_NextAttemptAt",
                table: "OutboxMessages",
                column: "NextAttemptAt",
                filter: "\"DeliveredAt\" IS NULL AND \"AbandonedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_TicketEvents_TicketId_Id",
                table: "TicketEvents",
                columns: new[] { "TicketId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_TicketNotes_TicketId_Id",
                table: "TicketNotes",
                columns: new[] { "TicketId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Assignee_CreatedAt_Id",
                table: "Tickets",
                columns: new[] { "Assignee", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_AssignmentGroup_CreatedAt_Id",
                table: "Tickets",
                columns: new[] { "AssignmentGroup", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_CreatedAt_Id",
                table: "Tickets",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Priority_CreatedAt_Id",
                table: "Tickets",
                columns: new[] { "Priority", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ResolutionBreachDueAt",
                table: "Tickets",
                column: "ResolutionBreachDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ResolutionWarningDueAt",
                table: "Tickets",
                column: "ResolutionWarningDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ResolvedAt",
                table: "Tickets",
                column: "ResolvedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_RespondedAt",
                table: "Tickets",
                column: "RespondedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ResponseBreachDueAt",
                table: "Tickets",
                column: "ResponseBreachDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_ResponseWarningDueAt",
                table: "Tickets",
                column: "ResponseWarningDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Status_CreatedAt_Id",
                table: "Tickets",
                columns: new[] { "Status", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_Status_ResolvedAt",
                table: "Tickets",
                columns: new[] { "Status", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Tickets_UpdatedAt_Id",
                table: "Tickets",
                columns: new[] { "UpdatedAt", "Id" });

            // Written by hand: history is append-only, enforced by the database itself.
            migrationBuilder.Sql("""
                CREATE FUNCTION "TicketEvents_AppendOnly"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'ticket history is append-only';
                END $$;
                CREATE TRIGGER "TicketEvents_NoChange" BEFORE UPDATE OR DELETE ON "TicketEvents"
                    FOR EACH ROW EXECUTE FUNCTION "TicketEvents_AppendOnly"();
                """);

            // Written by hand: full-text search. A tsvector column with a GIN index over number, title,
            // caller, description, notes and group, kept in step by triggers in the same transaction as
            // every write, so it cannot drift. Words are split as SQLite's unicode61 splits them (ASCII
            // punctuation separates words), then folded for case and accents ("resume" finds "Résumé").
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS unaccent;
                CREATE TEXT SEARCH CONFIGURATION triage_search (COPY = simple);
                ALTER TEXT SEARCH CONFIGURATION triage_search
                    ALTER MAPPING FOR word, hword, hword_part, numword, numhword WITH unaccent, simple;
                ALTER TABLE "Tickets" ADD COLUMN "SearchVector" tsvector NOT NULL DEFAULT ''::tsvector;
                CREATE INDEX "IX_Tickets_SearchVector" ON "Tickets" USING GIN ("SearchVector");

                CREATE FUNCTION "Ticket_SearchDocument"(id bigint, title text, caller text, description text, notes text, assignment_group text)
                RETURNS tsvector LANGUAGE sql STABLE AS $$
                    SELECT setweight(to_tsvector('triage_search', 'INC' || CASE WHEN id < 10000000 THEN lpad(id::text, 7, '0') ELSE id::text END), 'A')
                        || setweight(to_tsvector('triage_search', regexp_replace(coalesce(title, '') COLLATE "default", '[[:punct:]]', ' ', 'g')), 'B')
                        || setweight(to_tsvector('triage_search', regexp_replace(coalesce(caller, '') COLLATE "default", '[[:punct:]]', ' ', 'g')), 'C')
                        || setweight(to_tsvector('triage_search', regexp_replace((coalesce(description, '') || ' ' || coalesce(notes, '') || ' ' || assignment_group) COLLATE "default", '[[:punct:]]', ' ', 'g')), 'D')
                $$;

                CREATE FUNCTION "Tickets_Search"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW."SearchVector" := "Ticket_SearchDocument"(NEW."Id", NEW."Title", NEW."Caller", NEW."Description",
                        (SELECT string_agg(n."Body", ' ' ORDER BY n."Id") FROM "TicketNotes" n WHERE n."TicketId" = NEW."Id"),
                        NEW."AssignmentGroup");
                    RETURN NEW;
                END $$;
                CREATE TRIGGER "Tickets_Search" BEFORE INSERT OR UPDATE OF "Title", "Description", "Caller", "AssignmentGroup" ON "Tickets"
                    FOR EACH ROW EXECUTE FUNCTION "Tickets_Search"();

                CREATE FUNCTION "TicketNotes_Search"() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    ticket_id bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD."TicketId" ELSE NEW."TicketId" END;
                BEGIN
                    UPDATE "Tickets" t SET "SearchVector" = "Ticket_SearchDocument"(t."Id", t."Title", t."Caller", t."Description",
                        (SELECT string_agg(n."Body", ' ' ORDER BY n."Id") FROM "TicketNotes" n WHERE n."TicketId" = t."Id"),
                        t."AssignmentGroup")
                    WHERE t."Id" = ticket_id;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "TicketNotes_Search" AFTER INSERT OR UPDATE OR DELETE ON "TicketNotes"
                    FOR EACH ROW EXECUTE FUNCTION "TicketNotes_Search"();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "TicketNotes_Search" ON "TicketNotes";
                DROP FUNCTION IF EXISTS "TicketNotes_Search"();
                DROP TRIGGER IF EXISTS "Tickets_Search" ON "Tickets";
                DROP FUNCTION IF EXISTS "Tickets_Search"();
                DROP FUNCTION IF EXISTS "Ticket_SearchDocument"(bigint, text, text, text, text, text);
                ALTER TABLE "Tickets" DROP COLUMN IF EXISTS "SearchVector";
                DROP TEXT SEARCH CONFIGURATION IF EXISTS triage_search;
                DROP TRIGGER IF EXISTS "TicketEvents_NoChange" ON "TicketEvents";
                DROP FUNCTION IF EXISTS "TicketEvents_AppendOnly"();
                """);
            migrationBuilder.DropTable(
                name: "ApiTokens");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "TicketEvents");

            migrationBuilder.DropTable(
                name: "TicketNotes");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Tickets");
        }
    }
}
