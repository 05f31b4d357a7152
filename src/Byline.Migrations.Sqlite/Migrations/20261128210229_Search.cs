using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Byline.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "FeedFullContent",
                table: "SiteSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "SiteDescription",
                table: "SiteSettings",
                type: "TEXT",
                maxLength: 300,
                nullable: false,
                defaultValue: "News and reader discussion.");

            migrationBuilder.AddColumn<int>(
                name: "SiteImageId",
                table: "SiteSettings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SearchDocuments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    CommentId = table.Column<long>(type: "INTEGER", nullable: true),
                    SectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Facets = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SearchDocuments_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SearchDocuments_Comments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "Comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SiteSettings_SiteImageId",
                table: "SiteSettings",
                column: "SiteImageId");

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_ArticleId",
                table: "SearchDocuments",
                column: "ArticleId",
                unique: true,
                filter: "\"CommentId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_CommentId",
                table: "SearchDocuments",
                column: "CommentId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_SiteSettings_Images_SiteImageId",
                table: "SiteSettings",
                column: "SiteImageId",
                principalTable: "Images",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
            // The full-text index: FTS5 over the folded terms, kept in step with SearchDocuments by triggers in the
            // writer's transaction. Porter stems English; the terms are folded already, so unicode61 only splits
            // them. detail=column stores no positions: search needs no phrases, and the index is far smaller.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchIndex" USING fts5(
                    "Title", "Body", "Facets",
                    content='SearchDocuments', content_rowid='Id',
                    tokenize='porter unicode61 remove_diacritics 0', detail=column);
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchDocuments_Inserted" AFTER INSERT ON "SearchDocuments" BEGIN
                    INSERT INTO "SearchIndex"(rowid, "Title", "Body", "Facets") VALUES (new."Id", new."Title", new."Body", new."Facets");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchDocuments_Deleted" AFTER DELETE ON "SearchDocuments" BEGIN
                    INSERT INTO "SearchIndex"("SearchIndex", rowid, "Title", "Body", "Facets") VALUES ('delete', old."Id", old."Title", old."Body", old."Facets");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchDocuments_Updated" AFTER UPDATE ON "SearchDocuments" BEGIN
                    INSERT INTO "SearchIndex"("SearchIndex", rowid, "Title", "Body", "Facets") VALUES ('delete', old."Id", old."Title", old."Body", old."Facets");
                    INSERT INTO "SearchIndex"(rowid, "Title", "Body", "Facets") VALUES (new."Id", new."Title", new."Body", new."Facets");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "SearchIndex";""");
            migrationBuilder.DropForeignKey(
                name: "FK_SiteSettings_Images_SiteImageId",
                table: "SiteSettings");

            migrationBuilder.DropTable(
                name: "SearchDocuments");

            migrationBuilder.DropIndex(
                name: "IX_SiteSettings_SiteImageId",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "FeedFullContent",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "SiteDescription",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "SiteImageId",
                table: "SiteSettings");
        }
    }
}
