using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Byline.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Search documents are keyed by date (SearchDocumentKeys), and the full-text index keeps term positions
    /// (detail=full): with detail=column FTS5 has no term counts per document, so bm25 re-read and re-tokenized every
    /// match, seconds for a common word in a million documents (bench/search). The documents are emptied, not
    /// re-keyed: at the next start SearchBootstrap finds the index empty and queues every published story, and the
    /// outbox worker indexes them again while the site serves. The delete trigger is set aside meanwhile, so that
    /// emptying a large table is one statement rather than an index update per row.
    /// </summary>
    public partial class SearchByDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Empty(migrationBuilder, "full");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => Empty(migrationBuilder, "column");

        private static void Empty(MigrationBuilder migrationBuilder, string detail)
        {
            migrationBuilder.Sql("""DROP TRIGGER "SearchDocuments_Deleted";""");
            migrationBuilder.Sql("""DROP TABLE "SearchIndex";""");
            migrationBuilder.Sql("""DELETE FROM "SearchDocuments";""");
            migrationBuilder.Sql($"""
                CREATE VIRTUAL TABLE "SearchIndex" USING fts5(
                    "Title", "Body", "Facets",
                    content='SearchDocuments', content_rowid='Id',
                    tokenize='porter unicode61 remove_diacritics 0', detail={detail});
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SearchDocuments_Deleted" AFTER DELETE ON "SearchDocuments" BEGIN
                    INSERT INTO "SearchIndex"("SearchIndex", rowid, "Title", "Body", "Facets") VALUES ('delete', old."Id", old."Title", old."Body", old."Facets");
                END;
                """);
        }
    }
}
