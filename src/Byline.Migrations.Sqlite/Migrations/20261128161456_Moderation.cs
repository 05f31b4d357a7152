using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Byline.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Moderation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BannedWords",
                table: "SiteSettings",
                type: "TEXT",
                maxLength: 20000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<double>(
                name: "ClassifierThreshold",
                table: "SiteSettings",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "FlagThreshold",
                table: "SiteSettings",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "MaxLinks",
                table: "SiteSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "PreModeration",
                table: "SiteSettings",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SuspectWords",
                table: "SiteSettings",
                type: "TEXT",
                maxLength: 20000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "TrustAfterApproved",
                table: "SiteSettings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "AppealNote",
                table: "Comments",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AppealedAt",
                table: "Comments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BodyHash",
                table: "Comments",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "FlagWeight",
                table: "Comments",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "Comments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "SpamExplanation",
                table: "Comments",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "SpamScore",
                table: "Comments",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "StatusChangedAt",
                table: "Comments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "StatusNote",
                table: "Comments",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TrainedAs",
                table: "Comments",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BanReason",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "BannedUntil",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ClassifierFeatures",
                columns: table => new
                {
                    Feature = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Spam = table.Column<int>(type: "INTEGER", nullable: false),
                    Ham = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClassifierFeatures", x => x.Feature);
                });

            migrationBuilder.CreateTable(
                name: "CommentDecisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommentId = table.Column<long>(type: "INTEGER", nullable: false),
                    CommentRevision = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ActorUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommentDecisions_Comments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "Comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommentFlags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommentId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Weight = table.Column<double>(type: "REAL", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Resolved = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentFlags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommentFlags_Comments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "Comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommentReasons",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Weight = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentReasons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommentReasons_Comments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "Comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_AuthorUserId_Status",
                table: "Comments",
                columns: new[] { "AuthorUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_BodyHash_CreatedAt",
                table: "Comments",
                columns: new[] { "BodyHash", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_Status_StatusChangedAt_Id",
                table: "Comments",
                columns: new[] { "Status", "StatusChangedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CommentDecisions_At_Source",
                table: "CommentDecisions",
                columns: new[] { "At", "Source" });

            migrationBuilder.CreateIndex(
                name: "IX_CommentDecisions_CommentId_Id",
                table: "CommentDecisions",
                columns: new[] { "CommentId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CommentFlags_CommentId_UserId",
                table: "CommentFlags",
                columns: new[] { "CommentId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommentFlags_Resolved_CommentId",
                table: "CommentFlags",
                columns: new[] { "Resolved", "CommentId" });

            migrationBuilder.CreateIndex(
                name: "IX_CommentReasons_Code",
                table: "CommentReasons",
                column: "Code");

            migrationBuilder.CreateIndex(
                name: "IX_CommentReasons_CommentId_Code",
                table: "CommentReasons",
                columns: new[] { "CommentId", "Code" });

            // Existing comments changed status when they were posted; an existing site gets the starting list of suspect terms.
            migrationBuilder.Sql("UPDATE \"Comments\" SET \"StatusChangedAt\" = \"CreatedAt\"");
            migrationBuilder.UpdateData("SiteSettings", "Id", 1, "SuspectWords", Byline.Data.Site.SiteSettings.DefaultSuspectWords);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClassifierFeatures");

            migrationBuilder.DropTable(
                name: "CommentDecisions");

            migrationBuilder.DropTable(
                name: "CommentFlags");

            migrationBuilder.DropTable(
                name: "CommentReasons");

            migrationBuilder.DropIndex(
                name: "IX_Comments_AuthorUserId_Status",
                table: "Comments");

            migrationBuilder.DropIndex(
                name: "IX_Comments_BodyHash_CreatedAt",
                table: "Comments");

            migrationBuilder.DropIndex(
                name: "IX_Comments_Status_StatusChangedAt_Id",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "BannedWords",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "ClassifierThreshold",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "FlagThreshold",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "MaxLinks",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "PreModeration",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "SuspectWords",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "TrustAfterApproved",
                table: "SiteSettings");

            migrationBuilder.DropColumn(
                name: "AppealNote",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "AppealedAt",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "BodyHash",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "FlagWeight",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "SpamExplanation",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "SpamScore",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "StatusChangedAt",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "StatusNote",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "TrainedAs",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "BanReason",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "BannedUntil",
                table: "AspNetUsers");
        }
    }
}
