using Byline.Data.Articles;
using Byline.Data.Comments;
using Byline.Data.Site;
using Byline.Web.Articles;
using Byline.Web.Comments;
using Byline.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Byline.Tests.Infrastructure;

/// <summary>Arranges stories through the same importer the CLI uses, and discussions straight in the database.</summary>
public static class TestData
{
    public const string Headline = "Harbour levy agreed after all-night talks";
    public const string Standfirst = "Delegates agreed a levy on heavy fuel.";

    public static async Task<ArticleImporter.Outcome> AddStoryAsync(
        this BylineFactory factory,
        string slug = "harbour-levy-agreed",
        string section = "world",
        bool commentsOpen = true,
        string body = "The levy was agreed after a long night.\n\nDelegates left at dawn.\n",
        string language = "en",
        IReadOnlyList<string>? writers = null,
        SourceCitation? source = null,
        DisclaimerMode disclaimerMode = DisclaimerMode.SiteDefault,
        string? disclaimerText = null,
        DateTimeOffset? published = null,
        DateTimeOffset? updated = null,
        string headline = Headline,
        string? standfirst = Standfirst,
        IReadOnlyList<string>? tags = null)
    {
        _ = factory.Services;
        await using var scope = factory.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<ArticleImporter>();
        return await importer.ImportAsync(new StoryDocument
        {
            Headline = headline,
            Slug = slug,
            Standfirst = standfirst,
            Writers = writers ?? ["Ingrid Halvorsen"],
            Published = published ?? new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero),
            Updated = updated,
            SectionName = section,
            SectionSlug = Slugs.From(section),
            Language = language,
            Source = source,
            DisclaimerMode = disclaimerMode,
            DisclaimerText = disclaimerText,
            CommentsOpen = commentsOpen,
            Body = body,
            Tags = tags ?? [],
        });
    }

    /// <summary>The comments stored for a story, and the count kept on the story; both must move together.</summary>
    public static async Task<(int Stored, int Counted)> CommentCountsAsync(this BylineFactory factory, string slug)
    {
        await using var db = factory.CreateDbContext();
        var article = await db.Articles.AsNoTracking().SingleAsync(a => a.Slug == slug);
        var stored = await db.Comments.CountAsync(c => c.ArticleId == article.Id);
        return (stored, article.CommentCount);
    }

    /// <summary>The comments stored for a story, oldest first.</summary>
    public static async Task<List<Comment>> CommentsOfAsync(this BylineFactory factory, string slug)
    {
        await using var db = factory.CreateDbContext();
        return await db.Comments.AsNoTracking()
            .Where(c => db.Articles.Any(a => a.Id == c.ArticleId && a.Slug == slug))
            .OrderBy(c => c.Id)
            .ToListAsync();
    }

    public sealed record SeededThread(long RootId, DateTimeOffset CreatedAt, IReadOnlyList<long> ReplyIds);

    /// <summary>
    /// Adds top-level threads to a story, oldest first, with the given number of replies each, straight in the database
    /// (a reply every third one answers the reply before it, one level deeper). Threads come in pairs that share an
    /// instant, so keyset paging must break ties by id.
    /// </summary>
    public static async Task<IReadOnlyList<SeededThread>> AddThreadsAsync(this BylineFactory factory, string slug, IReadOnlyList<int> repliesPerThread)
    {
        var renderer = new CommentRenderer();
        await using var db = factory.CreateDbContext();
        var article = await db.Articles.SingleAsync(a => a.Slug == slug);
        var start = article.PublishedAt!.Value.AddHours(1);

        Comment NewComment(string author, string body, DateTimeOffset at) => new()
        {
            ArticleId = article.Id,
            AuthorName = author,
            BodyMarkdown = body,
            BodyHtml = renderer.Render(body),
            CreatedAt = at,
            Status = CommentStatus.Approved,
        };

        var roots = repliesPerThread.Select((_, i) => NewComment($"Reader {i}", $"Thread {i} opens.", start.AddMinutes(i / 2))).ToList();
        db.Comments.AddRange(roots);
        await db.SaveChangesAsync();

        var replies = new List<List<Comment>>();
        for (var i = 0; i < roots.Count; i++)
        {
            var thread = new List<Comment>();
            for (var j = 0; j < repliesPerThread[i]; j++)
            {
                var reply = NewComment($"Replier {i}.{j}", $"Reply {j} in thread {i}.", roots[i].CreatedAt.AddSeconds(j + 1));
                reply.RootId = roots[i].Id;
                thread.Add(reply);
            }
            replies.Add(thread);
        }

        // Direct replies first (their ids are needed), then the replies to replies.
        foreach (var (thread, i) in replies.Select((t, i) => (t, i)))
        {
            foreach (var (reply, j) in thread.Select((r, j) => (r, j)).Where(x => x.j % 3 != 2))
            {
                reply.ParentId = roots[i].Id;
                reply.Depth = 2;
                db.Comments.Add(reply);
            }
        }
        await db.SaveChangesAsync();
        foreach (var thread in replies)
        {
            for (var j = 2; j < thread.Count; j += 3)
            {
                thread[j].ParentId = thread[j - 1].Id;
                thread[j].Depth = 3;
                db.Comments.Add(thread[j]);
            }
        }
        await db.SaveChangesAsync();

        var total = roots.Count + replies.Sum(t => t.Count);
        await db.Articles.Where(a => a.Id == article.Id)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.CommentCount, x => x.CommentCount + total));
        // The story's cached pages no longer show what is stored.
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Byline.Web.Hosting.PageCache>().Evict(Byline.Web.CacheTags.Article(article.Id));

        return roots.Select((r, i) => new SeededThread(r.Id, r.CreatedAt, replies[i].ConvertAll(c => c.Id))).ToList();
    }

    /// <summary>Changes the site settings and makes the app see the change at once.</summary>
    public static async Task UpdateSiteSettingsAsync(this BylineFactory factory, Action<SiteSettings> change)
    {
        await using (var db = factory.CreateDbContext())
        {
            var settings = await db.SiteSettings.SingleAsync();
            change(settings);
            await db.SaveChangesAsync();
        }
        factory.Services.GetRequiredService<SiteSettingsStore>().Invalidate();
    }
}
