using System.Reflection;
using Byline.Data;
using Byline.Data.Comments;
using Byline.Web.Articles;
using Byline.Web.Comments;
using Microsoft.EntityFrameworkCore;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;
using Byline.Web.Search;

namespace Byline.Web.Data;

/// <summary>
/// The demo site, written for Byline and shipped inside the binary: writers, stories (through the same importer
/// writers use) and discussions. Stories already present are left alone, so seeding twice adds nothing.
/// </summary>
public sealed class DemoSeeder(BylineDbContext db, ArticleImporter importer, CommentRenderer comments, Moderation.SubmitChecks checks, TimeProvider time, ILogger<DemoSeeder> logger)
{
    private static readonly Assembly Resources = typeof(DemoSeeder).Assembly;
    private static readonly IDeserializer Yaml = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();

    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var name in Resources.GetManifestResourceNames().Where(n => n.StartsWith("Demo/stories/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var (story, errors) = FrontMatter.Parse(Read(name));
            if (story is null)
            {
                throw new InvalidOperationException($"Demo story {name} is invalid: {string.Join("; ", errors)}");
            }
            if (await db.Articles.AnyAsync(a => a.Slug == story.Slug, cancellationToken))
            {
                continue;
            }
            await importer.ImportAsync(story, cancellationToken);
            added++;
        }
        if (added == 0)
        {
            return 0;
        }

        foreach (var writer in Yaml.Deserialize<List<DemoWriter>>(Read("Demo/writers.yaml")))
        {
            await db.Writers.Where(w => w.Slug == writer.Slug && w.Bio == "")
                .ExecuteUpdateAsync(w => w.SetProperty(x => x.Bio, writer.Bio), cancellationToken);
        }

        foreach (var discussion in Yaml.Deserialize<List<DemoDiscussion>>(Read("Demo/discussions.yaml")))
        {
            var article = await db.Articles.FirstOrDefaultAsync(a => a.Slug == discussion.Story, cancellationToken);
            if (article is null || article.CommentCount > 0)
            {
                continue;
            }
            var count = 0;
            foreach (var thread in discussion.Comments)
            {
                count += await AddAsync(thread, article.Id, article.PublishedAt ?? article.CreatedAt, parent: null, root: null, depth: 1, cancellationToken);
            }
            article.CommentCount = count;
            article.Version++;
            // Seeded comments skip the posting path; the story's indexing picks them up.
            SearchIndex.StoryChanged(db, article.Id, time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
        var held = await AddLateArrivalsAsync(cancellationToken);
        logger.LogInformation("Demo site: {Stories} stories added, {Held} comments waiting for moderation", added, held);
        return added;
    }

    /// <summary>Comments that arrive after the discussions, through the real moderation checks: the queue's first work.</summary>
    private async Task<int> AddLateArrivalsAsync(CancellationToken cancellationToken)
    {
        var site = await db.SiteSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? new Byline.Data.Site.SiteSettings();
        var held = 0;
        foreach (var item in Yaml.Deserialize<List<DemoLateComment>>(Read("Demo/held.yaml")))
        {
            var article = await db.Articles.FirstOrDefaultAsync(a => a.Slug == item.Story, cancellationToken);
            if (article is null)
            {
                continue;
            }
            var (body, _) = TextInput.CleanMultiline(item.Body);
            var at = (article.PublishedAt ?? article.CreatedAt).AddMinutes(item.Minutes);
            var comment = new Comment
            {
                ArticleId = article.Id,
                AuthorName = item.Author,
                BodyMarkdown = body,
                BodyHtml = comments.Render(body),
                CreatedAt = at,
                StatusChangedAt = at,
            };
            var verdict = await checks.RunAsync(new Moderation.SubmitChecks.Subject(body, null, false, article.Language), new Moderation.SubmitSignals("demo", null), site, cancellationToken);
            verdict.ApplyTo(comment);
            db.Comments.Add(comment);
            await db.SaveChangesAsync(cancellationToken);
            if (verdict.Decision(comment, at) is { } decision)
            {
                db.CommentDecisions.Add(decision);
                held++;
            }
            else
            {
                article.CommentCount++;
                article.Version++;
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return held;
    }

    private async Task<int> AddAsync(DemoComment item, int articleId, DateTimeOffset published, Comment? parent, Comment? root, int depth, CancellationToken cancellationToken)
    {
        var (body, _) = TextInput.CleanMultiline(item.Body);
        var comment = new Comment
        {
            ArticleId = articleId,
            ParentId = parent?.Id,
            RootId = root?.Id,
            Depth = depth,
            AuthorName = item.Author,
            BodyMarkdown = body,
            BodyHtml = comments.Render(body),
            Language = item.Language,
            CreatedAt = published.AddMinutes(item.Minutes),
            StatusChangedAt = published.AddMinutes(item.Minutes),
        };
        db.Comments.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        var count = 1;
        foreach (var reply in item.Replies)
        {
            count += await AddAsync(reply, articleId, published, comment, root ?? comment, depth + 1, cancellationToken);
        }
        return count;
    }

    private static string Read(string name)
    {
        using var stream = Resources.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Missing demo resource {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed class DemoLateComment
    {
        public string Story { get; set; } = "";
        public string Author { get; set; } = "";
        public int Minutes { get; set; }
        public string Body { get; set; } = "";
    }

    private sealed class DemoWriter
    {
        public string Name { get; set; } = "";
        public string Slug { get; set; } = "";
        public string Bio { get; set; } = "";
    }

    private sealed class DemoDiscussion
    {
        public string Story { get; set; } = "";
        public List<DemoComment> Comments { get; set; } = [];
    }

    private sealed class DemoComment
    {
        public string Author { get; set; } = "";
        public int Minutes { get; set; }
        public string? Language { get; set; }
        public string Body { get; set; } = "";
        public List<DemoComment> Replies { get; set; } = [];
    }
}
