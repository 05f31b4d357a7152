using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Byline.Bench.Search;

/// <summary>
/// Writes the generated rows into a SQLite file that Byline's migrations created: prepared statements, 20,000 rows per
/// transaction, no fsync while loading (the load is not what is measured; the index rebuild runs with Byline's own
/// settings afterwards).
/// </summary>
public sealed class SqliteSink : IRowSink
{
    private const int RowsPerTransaction = 20_000;

    private readonly SqliteConnection connection;
    private SqliteTransaction? transaction;
    private int pending;
    private readonly SqliteCommand story;
    private readonly SqliteCommand byline;
    private readonly SqliteCommand comment;

    public SqliteSink(string path)
    {
        connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute("PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;");
        transaction = connection.BeginTransaction();
        story = Prepare("""
            INSERT INTO "Articles" ("Id", "Slug", "Headline", "Standfirst", "BodyMarkdown", "BodyHtml", "Language", "SectionId",
                "Tags", "PublishedAt", "CreatedAt", "UpdatedAt", "State", "Type", "DisclaimerMode", "CommentsOpen", "CommentCount",
                "InlineFeedbackCount", "Version", "Revision")
            VALUES ($id, $slug, $headline, $standfirst, $markdown, $html, $language, $section, $tags, $at, $at, NULL,
                'Published', 'News', 'SiteDefault', 1, $comments, 0, 1, 1)
            """, "$id", "$slug", "$headline", "$standfirst", "$markdown", "$html", "$language", "$section", "$tags", "$at", "$comments");
        byline = Prepare("""INSERT INTO "ArticleByline" ("ArticleId", "Position", "WriterId") VALUES ($article, $position, $writer)""",
            "$article", "$position", "$writer");
        comment = Prepare("""
            INSERT INTO "Comments" ("Id", "ArticleId", "Depth", "AuthorName", "BodyMarkdown", "BodyHtml", "Language", "CreatedAt",
                "Status", "Revision", "StatusChangedAt", "FlagWeight", "UpVotes", "DownVotes", "Score")
            VALUES ($id, $article, 1, $author, $markdown, $html, $language, $at, 'Approved', 1, $at, 0, 0, 0, 0)
            """, "$id", "$article", "$author", "$markdown", "$html", "$language", "$at");
    }

    public void Sections(IReadOnlyList<(int Id, string Slug, string Name)> sections)
    {
        foreach (var (id, slug, name) in sections)
        {
            Execute("""INSERT INTO "Sections" ("Id", "Slug", "Name") VALUES ($1, $2, $3)""", id, slug, name);
        }
    }

    public void Writers(IReadOnlyList<(int Id, string Slug, string Name)> writers)
    {
        foreach (var (id, slug, name) in writers)
        {
            Execute("""INSERT INTO "Writers" ("Id", "Slug", "DisplayName", "Bio") VALUES ($1, $2, $3, '')""", id, slug, name);
        }
    }

    public void Story(StoryRow row)
    {
        Run(story, row.Id, row.Slug, row.Headline, row.Standfirst, row.Markdown, row.Html, row.Language, row.SectionId,
            JsonSerializer.Serialize(row.Tags), row.PublishedAt.UtcTicks, row.CommentCount);
        for (var i = 0; i < row.Writers.Length; i++)
        {
            Run(byline, row.Id, i, row.Writers[i]);
        }
    }

    public void Comment(CommentRow row) =>
        Run(comment, row.Id, row.ArticleId, row.AuthorName, row.Markdown, row.Html, row.Language, row.CreatedAt.UtcTicks);

    public void Complete()
    {
        transaction!.Commit();
        transaction.Dispose();
        transaction = null;
        // No ANALYZE: Byline never runs one, so the planner sees what it sees on a real site.
        Execute("PRAGMA wal_checkpoint(TRUNCATE);");
    }

    public void Dispose()
    {
        transaction?.Dispose();
        story.Dispose();
        byline.Dispose();
        comment.Dispose();
        connection.Dispose();
    }

    private SqliteCommand Prepare(string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        command.Prepare();
        return command;
    }

    private void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }
        command.Transaction = transaction;
        command.ExecuteNonQuery();
        if (++pending >= RowsPerTransaction)
        {
            transaction!.Commit();
            transaction.Dispose();
            transaction = connection.BeginTransaction();
            pending = 0;
        }
    }

    private void Execute(string sql, params object[] values)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue($"${i + 1}", values[i]);
        }
        command.ExecuteNonQuery();
    }
}
