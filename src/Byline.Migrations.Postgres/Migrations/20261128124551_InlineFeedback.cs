using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Byline.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InlineFeedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BodyText",
                table: "ArticleRevisions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "ArticleCorrections",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CommentAnchors",
                columns: table => new
                {
                    CommentId = table.Column<long>(type: "bigint", nullable: false),
                    ArticleId = table.Column<int>(type: "integer", nullable: false),
                    Exact = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Prefix = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Suffix = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Start = table.Column<int>(type: "integer", nullable: false),
                    End = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    ResolvedRevision = table.Column<int>(type: "integer", nullable: false),
                    CurrentStart = table.Column<int>(type: "integer", nullable: false),
                    CurrentEnd = table.Column<int>(type: "integer", nullable: false),
                    CurrentQuote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Confidence = table.Column<double>(type: "double precision", nullable: false),
                    EditedAtRevision = table.Column<int>(type: "integer", nullable: true),
                    AddressedByCorrectionId = table.Column<int>(type: "integer", nullable: true),
                    AddressedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentAnchors", x => x.CommentId);
                    table.ForeignKey(
                        name: "FK_CommentAnchors_ArticleCorrections_AddressedByCorrectionId",
                        column: x => x.AddressedByCorrectionId,
                        principalTable: "ArticleCorrections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommentAnchors_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommentAnchors_Comments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "Comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DoneAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommentAnchors_AddressedByCorrectionId",
                table: "CommentAnchors",
                column: "AddressedByCorrectionId");

            migrationBuilder.CreateIndex(
                name: "IX_CommentAnchors_ArticleId",
                table: "CommentAnchors",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_DoneAt_DueAt_Id",
                table: "OutboxMessages",
                columns: new[] { "DoneAt", "DueAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommentAnchors");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "BodyText",
                table: "ArticleRevisions");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "ArticleCorrections");
        }
    }
}
