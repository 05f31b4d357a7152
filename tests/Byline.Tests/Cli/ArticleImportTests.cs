using System.Net;
using Byline.Tests.Infrastructure;
using Byline.Web.Cli;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Byline.Tests.Cli;

public sealed class ArticleImportTests(BylineApps apps) : IClassFixture<BylineApps>, IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("byline-import-");

    public void Dispose() => folder.Delete(recursive: true);

    private static string StoryFile(string slug, string headline = "Summit ends without a deal", string body = "The talks ended at dawn.\n\nNo text was agreed.", string extra = "") => $"""
        ---
        headline: {headline}
        slug: {slug}
        standfirst: Ministers left Averel with nothing signed.
        writer:
          - Ingrid Halvorsen
          - Tomás Ruiz
        published: 2021-03-24T09:30:00Z
        section: World
        tags: [trade, summit]
        language: en
        source:
          outlet: Harbour Gazette
          title: Will the summit deliver?
          date: 2021-03-23
          url: https://example.com/summit
        disclaimer: The writer travelled as a guest of the organisers.
        {extra}
        ---
        {body}

        > We will try again in May.
        >
        > — Amara Okafor, Minister of Trade
        """;

    private FileInfo Write(string name, string text)
    {
        var file = new FileInfo(Path.Combine(folder.FullName, name));
        File.WriteAllText(file.FullName, text);
        return file;
    }

    private static async Task<(int Exit, string Output, string Errors)> ImportAsync(BylineFactory factory, params FileInfo[] files)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await ArticleImportCommand.RunAsync(factory.Services, files, output, errors, CancellationToken.None);
        return (exit, output.ToString(), errors.ToString());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ImportedStoryHasEveryElementOfTheAnatomy(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("imported");

        var (exit, output, errors) = await ImportAsync(factory, Write("summit.md", StoryFile(slug)));

        Assert.Equal(0, exit);
        Assert.Equal("", errors);
        Assert.Equal($"/world/{slug}\n", output.ReplaceLineEndings("\n"));
        var page = await factory.CreateClient().GetPageAsync($"/world/{slug}");
        Assert.Equal("Summit ends without a deal", page.QuerySelector("h1")?.Text());
        Assert.Equal("Ministers left Averel with nothing signed.", page.QuerySelector(".standfirst")?.Text());
        Assert.Equal("Writer: Ingrid Halvorsen and Tomás Ruiz", page.QuerySelector(".byline")?.Text());
        Assert.Equal(["/writers/ingrid-halvorsen", "/writers/tomas-ruiz"], page.QuerySelectorAll(".byline a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Mar. 24, 2021", page.QuerySelector("time.published")?.Text());
        Assert.Equal("2021-03-24T09:30:00+00:00", page.QuerySelector("time.published")?.GetAttribute("datetime"));
        Assert.Null(page.QuerySelector(".updated"));
        Assert.Equal(["The talks ended at dawn.", "No text was agreed."], page.QuerySelectorAll(".story-body > p").Select(p => p.Text()));
        Assert.Equal("— Amara Okafor, Minister of Trade", page.QuerySelector(".story-body figure figcaption")?.Text());
        Assert.EndsWith("Harbour Gazette. (March 23, 2021). Will the summit deliver?", page.QuerySelector(".citation")?.Text(), StringComparison.Ordinal);
        Assert.Equal("https://example.com/summit", page.QuerySelector(".citation a")?.GetAttribute("href"));
        Assert.Equal("The writer travelled as a guest of the organisers.", page.QuerySelector(".disclaimer")?.Text());
        Assert.Equal("0 Comments · 0 Inline Feedbacks · View all comments", page.QuerySelector(".discussion-header")?.Text());
        Assert.NotNull(page.QuerySelector("form#comment-form"));
        Assert.Equal(["trade", "summit"], page.QuerySelectorAll(".tags li").Select(li => li.Text()));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ReimportingChangedContentUpdatesTheStoryKeepsItsCommentsAndMarksItUpdated(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("reimported");
        var file = Write("story.md", StoryFile(slug));
        await ImportAsync(factory, file);
        var client = factory.CreateClient();
        await client.GetPageAsync($"/world/{slug}");
        var comment = await client.PostAsync($"/api/v1/articles/{slug}/comments",
            new StringContent("{\"body\":\"Kept across edits.\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
        factory.Time.Advance(TimeSpan.FromDays(2));

        File.WriteAllText(file.FullName, StoryFile(slug, "Summit ends without a deal, talks to resume", "The talks ended at dawn and will resume in May."));
        var (exit, output, errors) = await ImportAsync(factory, file);

        Assert.Equal((0, ""), (exit, errors));
        Assert.Equal($"/world/{slug}", output.Trim());
        await using var db = factory.CreateDbContext();
        Assert.Equal(1, await db.Articles.CountAsync(a => a.Slug == slug));
        var article = await db.Articles.SingleAsync(a => a.Slug == slug);
        Assert.Equal(factory.Time.GetUtcNow(), article.UpdatedAt);
        Assert.Equal((1, 1), await factory.CommentCountsAsync(slug));

        var page = await client.GetPageAsync($"/world/{slug}");
        Assert.Equal("Summit ends without a deal, talks to resume", page.QuerySelector("h1")?.Text());
        Assert.Equal("The talks ended at dawn and will resume in May.", page.QuerySelector(".story-body > p")?.Text());
        Assert.StartsWith("· Updated", page.QuerySelector(".updated")?.Text(), StringComparison.Ordinal);
        Assert.Equal(NewsDateOf(factory.Time.GetUtcNow()), page.QuerySelector(".updated time")?.Text());
        Assert.Contains(page.QuerySelectorAll(".comment-body"), c => c.Text() == "Kept across edits.");
        Assert.Equal("1 Comment · 0 Inline Feedbacks · View all comments", page.QuerySelector(".discussion-header")?.Text());
    }

    private static string NewsDateOf(DateTimeOffset instant) => Byline.Web.Articles.NewsDate.Date(instant, TimeZoneInfo.Utc);

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ReimportingUnchangedContentIsNotAnUpdate(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("same");
        var file = Write("same.md", StoryFile(slug));
        await ImportAsync(factory, file);
        factory.Time.Advance(TimeSpan.FromDays(1));

        Assert.Equal(0, (await ImportAsync(factory, file)).Exit);

        await using var db = factory.CreateDbContext();
        Assert.Null((await db.Articles.SingleAsync(a => a.Slug == slug)).UpdatedAt);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task BadFilesAreReportedByFileAndKeyStoreNothingAndDoNotStopTheOthers(string provider)
    {
        var factory = apps[provider];
        var good = Unique.Slug("good");
        var bad = Unique.Slug("bad");
        var alsoGood = Unique.Slug("also-good");
        await using var db = factory.CreateDbContext();
        var articlesBefore = await db.Articles.CountAsync();

        var (exit, output, errors) = await ImportAsync(factory,
            Write("a-good.md", StoryFile(good)),
            Write("b-bad.md", StoryFile(bad, extra: "auther: Someone\npublished2: x").Replace("published: 2021-03-24T09:30:00Z", "published: last Tuesday", StringComparison.Ordinal)),
            Write("c-no-front-matter.md", "Just some text.\n"),
            Write("d-bad-url.md", StoryFile(Unique.Slug("bad-url")).Replace("https://example.com/summit", "javascript:alert(1)", StringComparison.Ordinal)),
            new FileInfo(Path.Combine(folder.FullName, "e-missing.md")),
            Write("f-also-good.md", StoryFile(alsoGood)));

        Assert.NotEqual(0, exit);
        Assert.Equal([$"/world/{good}", $"/world/{alsoGood}"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith("b-bad.md: unknown key 'auther'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("b-bad.md: unknown key 'published2'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("b-bad.md: published: 'last Tuesday'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("c-no-front-matter.md: ", StringComparison.Ordinal) && l.Contains("front matter", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("d-bad-url.md: source.url:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("e-missing.md: ", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Matches(@"^[a-z-]+\.md: \S", l));

        Assert.Equal(articlesBefore + 2, await db.Articles.CountAsync());
        Assert.False(await db.Articles.AnyAsync(a => a.Slug == bad));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task StoryWithAbsurdlyDeepMarkdownIsABadFile(string provider)
    {
        var factory = apps[provider];
        var deep = Unique.Slug("deep");
        var after = Unique.Slug("after-deep");

        var (exit, output, errors) = await ImportAsync(factory,
            Write("a-deep.md", StoryFile(deep, body: new string('>', 300) + " deep")),
            Write("b-after.md", StoryFile(after)));

        Assert.NotEqual(0, exit);
        Assert.Equal($"/world/{after}", output.Trim());
        Assert.StartsWith("a-deep.md: ", errors, StringComparison.Ordinal);
        Assert.Contains("body", errors, StringComparison.Ordinal);
        await using var db = factory.CreateDbContext();
        Assert.True(await db.Articles.AnyAsync(a => a.Slug == after));
        Assert.False(await db.Articles.AnyAsync(a => a.Slug == deep));
    }

    [Fact]
    public async Task ImportVerbCreatesTheDatabaseInTheDataFolderAndFailsWhenAFileFails()
    {
        var data = Path.Combine(folder.FullName, "data");
        var good = Write("good.md", StoryFile("cli-summit"));
        var bad = Write("bad.md", "---\nheadline: Broken\n---\n");

        var exit = await BylineCli.RunAsync(["article", "import", "--data", data, good.FullName]);
        var failing = await BylineCli.RunAsync(["article", "import", "--data", data, bad.FullName, good.FullName]);

        Assert.Equal(0, exit);
        Assert.NotEqual(0, failing);
        var options = new DbContextOptionsBuilder<Byline.Data.BylineDbContext>();
        Byline.Web.Data.DataFeature.Configure(options, new Byline.Web.Data.BylineOptions { DataDirectory = data });
        await using (var db = new Byline.Data.BylineDbContext(options.Options))
        {
            var article = await db.Articles.Include(a => a.Section).SingleAsync();
            Assert.Equal(("cli-summit", "world"), (article.Slug, article.Section.Slug));
            Assert.Equal(2, await db.Writers.CountAsync());
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
