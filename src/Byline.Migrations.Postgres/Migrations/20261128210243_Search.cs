using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Byline.Migrations.Postgres.Migrations
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
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "SiteDescription",
                table: "SiteSettings",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "News and reader discussion.");

            migrationBuilder.AddColumn<int>(
                name: "SiteImageId",
                table: "SiteSettings",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SearchDocuments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ArticleId = table.Column<int>(type: "integer", nullable: false),
                    CommentId = table.Column<long>(type: "bigint", nullable: true),
                    SectionId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    Facets = table.Column<string>(type: "text", nullable: false)
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
            // The full-text index: a stored tsvector derived from the folded terms (headline and standfirst weigh
            // most, facets least and only for filters), with a GIN index. The English configuration stems and drops
            // stop words; CJK terms arrive as characters and pairs already, which it keeps as they are.
            migrationBuilder.Sql("""
                ALTER TABLE "SearchDocuments" ADD COLUMN "Terms" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('english'::regconfig, "Title"), 'A')
                    || setweight(to_tsvector('english'::regconfig, "Body"), 'B')
                    || setweight(to_tsvector('simple'::regconfig, "Facets"), 'D')) STORED;
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_SearchDocuments_Terms" ON "SearchDocuments" USING GIN ("Terms");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
