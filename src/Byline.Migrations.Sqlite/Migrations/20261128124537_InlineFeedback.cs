using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Byline.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "ArticleCorrections",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CommentAnchors",
                columns: table => new
                {
                    CommentId = table.Column<long>(type: "INTEGER", nullable: false),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Exact = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Suffix = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Start = table.Column<int>(type: "INTEGER", nullable: false),
                    End = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    ResolvedRevision = table.Column<int>(type: "INTEGER", nullable: false),
                    CurrentStart = table.Column<int>(type: "INTEGER", nullable: false),
                    CurrentEnd = table.Column<int>(type: "INTEGER", nullable: false),
                    CurrentQuote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Confidence = table.Column<double>(type: "REAL", nullable: false),
                    EditedAtRevision = table.Column<int>(type: "INTEGER", nullable: true),
                    AddressedByCorrectionId = table.Column<int>(type: "INTEGER", nullable: true),
                    AddressedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DoneAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
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
