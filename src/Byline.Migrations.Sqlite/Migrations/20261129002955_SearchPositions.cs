using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Byline.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The full-text index keeps term positions (detail=full). With detail=column FTS5 has no per-document term
    /// frequencies in the index, so bm25 re-read and re-tokenized every matched document: a common word in a million
    /// documents took seconds to rank (bench/search). With positions it reads the counts from the index. The index
    /// is rebuilt from SearchDocuments, its external content; the triggers name the table and carry on unchanged.
    /// </summary>
    public partial class SearchPositions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Recreate(migrationBuilder, "full");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => Recreate(migrationBuilder, "column");

        private static void Recreate(MigrationBuilder migrationBuilder, string detail)
        {
            migrationBuilder.Sql("""DROP TABLE "SearchIndex";""");
            migrationBuilder.Sql($"""
                CREATE VIRTUAL TABLE "SearchIndex" USING fts5(
                    "Title", "Body", "Facets",
                    content='SearchDocuments', content_rowid='Id',
                    tokenize='porter unicode61 remove_diacritics 0', detail={detail});
                """);
            migrationBuilder.Sql("""INSERT INTO "SearchIndex"("SearchIndex") VALUES ('rebuild');""");
        }
    }
}
