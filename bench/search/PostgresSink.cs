using Npgsql;
using NpgsqlTypes;

namespace Byline.Bench.Search;

/// <summary>
/// Writes the generated rows into a PostgreSQL database that Byline's migrations created, with binary COPY: stories
/// first (their bylines kept until the stories are in, for the foreign key), then comments.
/// </summary>
public sealed class PostgresSink(string connectionString) : IRowSink
{
    private readonly NpgsqlConnection connection = Open(connectionString);
    private readonly List<(int Article, int Position, int Writer)> bylines = [];
    private NpgsqlBinaryImporter? stories;
    private NpgsqlBinaryImporter? comments;

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
        stories ??= connection.BeginBinaryImport("""
            COPY "Articles" ("Id", "Slug", "Headline", "Standfirst", "BodyMarkdown", "BodyHtml", "Language", "SectionId", "Tags",
                "PublishedAt", "CreatedAt", "State", "Type", "DisclaimerMode", "CommentsOpen", "CommentCount", "InlineFeedbackCount",
                "Version", "Revision") FROM STDIN (FORMAT BINARY)
            """);
        stories.StartRow();
        stories.Write(row.Id, NpgsqlDbType.Integer);
        stories.Write(row.Slug, NpgsqlDbType.Varchar);
        stories.Write(row.Headline, NpgsqlDbType.Varchar);
        stories.Write(row.Standfirst, NpgsqlDbType.Varchar);
        stories.Write(row.Markdown, NpgsqlDbType.Text);
        stories.Write(row.Html, NpgsqlDbType.Text);
        stories.Write(row.Language, NpgsqlDbType.Varchar);
        stories.Write(row.SectionId, NpgsqlDbType.Integer);
        stories.Write(row.Tags, NpgsqlDbType.Array | NpgsqlDbType.Text);
        stories.Write(row.PublishedAt, NpgsqlDbType.TimestampTz);
        stories.Write(row.PublishedAt, NpgsqlDbType.TimestampTz);
        stories.Write("Published", NpgsqlDbType.Varchar);
        stories.Write("News", NpgsqlDbType.Varchar);
        stories.Write("SiteDefault", NpgsqlDbType.Varchar);
        stories.Write(true, NpgsqlDbType.Boolean);
        stories.Write(row.CommentCount, NpgsqlDbType.Integer);
        stories.Write(0, NpgsqlDbType.Integer);
        stories.Write(1L, NpgsqlDbType.Bigint);
        stories.Write(1, NpgsqlDbType.Integer);
        for (var i = 0; i < row.Writers.Length; i++)
        {
            bylines.Add((row.Id, i, row.Writers[i]));
        }
    }

    public void Comment(CommentRow row)
    {
        if (comments is null)
        {
            FinishStories();
            comments = connection.BeginBinaryImport("""
                COPY "Comments" ("Id", "ArticleId", "Depth", "AuthorName", "BodyMarkdown", "BodyHtml", "Language", "CreatedAt", "Status",
                    "Revision", "StatusChangedAt", "FlagWeight", "UpVotes", "DownVotes", "Score") FROM STDIN (FORMAT BINARY)
                """);
        }
        comments.StartRow();
        comments.Write(row.Id, NpgsqlDbType.Bigint);
        comments.Write(row.ArticleId, NpgsqlDbType.Integer);
        comments.Write(1, NpgsqlDbType.Integer);
        comments.Write(row.AuthorName, NpgsqlDbType.Varchar);
        comments.Write(row.Markdown, NpgsqlDbType.Text);
        comments.Write(row.Html, NpgsqlDbType.Text);
        comments.Write(row.Language, NpgsqlDbType.Varchar);
        comments.Write(row.CreatedAt, NpgsqlDbType.TimestampTz);
        comments.Write("Approved", NpgsqlDbType.Varchar);
        comments.Write(1, NpgsqlDbType.Integer);
        comments.Write(row.CreatedAt, NpgsqlDbType.TimestampTz);
        comments.Write(0.0, NpgsqlDbType.Double);
        comments.Write(0, NpgsqlDbType.Integer);
        comments.Write(0, NpgsqlDbType.Integer);
        comments.Write(0, NpgsqlDbType.Integer);
    }

    public void Complete()
    {
        FinishStories();
        comments?.Complete();
        comments?.Dispose();
        comments = null;
        // Explicit ids leave the identity sequences behind; Byline's own inserts must continue after them.
        foreach (var table in (string[])["Sections", "Writers", "Articles", "Comments"])
        {
            Execute($"""SELECT setval(pg_get_serial_sequence('"{table}"', 'Id'), (SELECT max("Id") FROM "{table}"))""");
        }
        // What autovacuum would have done on a live site by now: statistics for the planner, a visibility map.
        Execute("VACUUM ANALYZE");
    }

    public void Dispose()
    {
        stories?.Dispose();
        comments?.Dispose();
        connection.Dispose();
    }

    private void FinishStories()
    {
        if (stories is null)
        {
            return;
        }
        stories.Complete();
        stories.Dispose();
        stories = null;
        using var importer = connection.BeginBinaryImport("""COPY "ArticleByline" ("ArticleId", "Position", "WriterId") FROM STDIN (FORMAT BINARY)""");
        foreach (var (article, position, writer) in bylines)
        {
            importer.WriteRow(article, position, writer);
        }
        importer.Complete();
        bylines.Clear();
    }

    private static NpgsqlConnection Open(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return connection;
    }

    private void Execute(string sql, params object[] values)
    {
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }
        command.ExecuteNonQuery();
    }
}
