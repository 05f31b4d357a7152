using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Byline.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Search documents are keyed by date (SearchDocumentKeys), so that "newest" and the latest matches are read in id
    /// order. The documents are emptied, not re-keyed: at the next start SearchBootstrap finds the index empty and
    /// queues every published story, and the outbox worker indexes them again while the site serves.
    /// </summary>
    public partial class SearchByDate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("""TRUNCATE "SearchDocuments";""");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("""TRUNCATE "SearchDocuments";""");
    }
}
