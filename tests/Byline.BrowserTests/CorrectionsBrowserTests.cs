using System.Globalization;
using System.Text;
using Byline.BrowserTests.Infrastructure;
using Byline.Data;
using Byline.Data.Accounts;
using Byline.Web.Accounts;
using Byline.Web.Articles;
using Byline.Web.Newsroom;
using Deque.AxeCore.Commons;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Byline.BrowserTests;

/// <summary>
/// An editor corrects a published story in Chromium and readers see it; the revision, diff and corrections pages pass
/// axe. The editor signs in with an API token sent on every request (the policy scheme accepts tokens on pages).
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class CorrectionsBrowserTests(BylineSite site)
{
    private const string Correction = "An earlier version of this story misstated the size of the fund. It is 40 million, not 400 million.";

    [Fact]
    public async Task EditorAddsACorrectionAndReadersSeeItNearTheTopOfTheStory()
    {
        var (path, id) = await StoryWithRevisionsAsync("correction-journey");
        await using var editor = await EditorContextAsync();
        var newsroom = await editor.OpenAsync($"/newsroom/stories/{id}/corrections");

        await newsroom.GetByLabel("Correction", new PageGetByLabelOptions { Exact = false }).First.CheckAsync();
        await newsroom.GetByLabel("Text", new PageGetByLabelOptions { Exact = true }).FillAsync(Correction);
        await newsroom.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Publish entry" }).ClickAsync();

        await Assertions.Expect(newsroom.GetByRole(AriaRole.Status)).ToContainTextAsync("Published.");
        await Assertions.Expect(newsroom.Locator(".correction-entries li").First).ToContainTextAsync(Correction);

        await using var reader = await site.NewContextAsync();
        var story = await reader.OpenAsync(path);
        var region = story.GetByRole(AriaRole.Region, new PageGetByRoleOptions { Name = "Corrections and updates" });
        await Assertions.Expect(region).ToBeVisibleAsync();
        var entry = await region.Locator("li").First.VisibleTextAsync();
        Assert.Matches(@"^Corrected [A-Z][a-z]{2}\.? \d{1,2}, \d{4}: ", entry);
        Assert.EndsWith(Correction, entry, StringComparison.Ordinal);
        // Near the top: above the body, below the headline.
        var regionTop = (await region.BoundingBoxAsync())!.Y;
        Assert.True(regionTop < (await story.Locator("#story-body").BoundingBoxAsync())!.Y);
        Assert.True(regionTop > (await story.Locator("#story-headline").BoundingBoxAsync())!.Y);
        await Assertions.Expect(story.Locator(".dateline .updated")).ToBeVisibleAsync();

        var list = await reader.OpenAsync("/corrections");
        await Assertions.Expect(list.Locator(".corrections-item").First).ToContainTextAsync(Correction);
    }

    [Theory]
    [InlineData("revisions", ColorScheme.Light)]
    [InlineData("diff", ColorScheme.Light)]
    [InlineData("diff", ColorScheme.Dark)]
    [InlineData("corrections", ColorScheme.Light)]
    [InlineData("corrections", ColorScheme.Dark)]
    [InlineData("public", ColorScheme.Light)]
    [InlineData("public", ColorScheme.Dark)]
    [InlineData("story", ColorScheme.Dark)]
    public async Task RevisionAndCorrectionPagesHaveNoAxeViolations(string which, ColorScheme colorScheme)
    {
        var (storyPath, id) = await StoryWithRevisionsAsync($"axe-{which}");
        await AddCorrectionAsync(id, "The levy takes effect in March, not May.");
        await using var context = which is "public" or "story" ? await site.NewContextAsync(colorScheme: colorScheme) : await EditorContextAsync(colorScheme);
        var path = which switch
        {
            "revisions" => $"/newsroom/stories/{id}/revisions",
            "diff" => $"/newsroom/stories/{id}/revisions/diff?from=1&to=3",
            "corrections" => $"/newsroom/stories/{id}/corrections",
            "story" => storyPath,
            _ => "/corrections",
        };
        var page = await context.OpenAsync(path);
        if (which == "corrections")
        {
            // With a field error showing, as after a refused post (blank text passes the browser's check, not the server's).
            await page.GetByLabel("Text", new PageGetByLabelOptions { Exact = true }).FillAsync("   ");
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Publish entry" }).ClickAsync();
            await Assertions.Expect(page.Locator("#correction-text-error")).ToBeVisibleAsync();
        }

        var result = await page.RunAxeAsync();

        Assert.True(result.Violations.Length == 0, Describe(page.Url, result.Violations));
    }

    private DateTimeOffset Now => site.Services.GetRequiredService<TimeProvider>().GetUtcNow();

    private async Task<IBrowserContext> EditorContextAsync(ColorScheme colorScheme = ColorScheme.Light)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<BylineUser>>();
        var email = $"{Guid.NewGuid():N}@example.test";
        var user = new BylineUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Edith Marlowe", CreatedAt = Now };
        Assert.True((await users.CreateAsync(user, "correct horse battery")).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Editor)).Succeeded);
        var token = await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(user.Id, "browser", CancellationToken.None);
        var context = await site.NewContextAsync(colorScheme: colorScheme);
        await context.SetExtraHTTPHeadersAsync([new("Authorization", $"Bearer {token.Secret}")]);
        return context;
    }

    /// <summary>A published story with three revisions (the last rewrites a sentence and the headline).</summary>
    private async Task<(string Path, int Id)> StoryWithRevisionsAsync(string topic)
    {
        var (path, _) = await site.AddStoryAsync(topic, comments: 0);
        var slug = path[(path.LastIndexOf('/') + 1)..];
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BylineDbContext>();
        var renderer = scope.ServiceProvider.GetRequiredService<ArticleRenderer>();
        var article = await db.Articles.Include(a => a.Bylines).SingleAsync(a => a.Slug == slug);
        var edits = new Action[]
        {
            () => { },
            () => article.Standfirst = "Delegates agreed a levy on heavy fuel after talks that ran until dawn.",
            () =>
            {
                article.Headline = "Harbour levy agreed after all-night talks in Averel";
                article.BodyMarkdown = article.BodyMarkdown.Replace("a long night", "a long and tense night", StringComparison.Ordinal) + "\n夜间列车今天恢复运行。\n";
                article.Tags = ["shipping"];
            },
        };
        for (var i = 0; i < edits.Length; i++)
        {
            var basedOn = article.Revision;
            edits[i]();
            article.BodyHtml = renderer.Render(article.BodyMarkdown);
            StoryRevisions.Record(db, article, basedOn, null, "Ingrid Halvorsen", i == 0 ? "First draft" : null, Now);
            await db.SaveChangesAsync();
        }
        return (path, article.Id);
    }

    private async Task AddCorrectionAsync(int id, string text)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<CorrectionPublisher>()
            .AddAsync(id, Byline.Data.Articles.CorrectionKind.Update, text, null, CancellationToken.None);
        Assert.NotNull(added);
        var cache = scope.ServiceProvider.GetRequiredService<Byline.Web.Hosting.PageCache>();
        cache.Evict(Byline.Web.CacheTags.Article(id));
        cache.Evict(Byline.Web.CacheTags.Fronts);
    }

    private static string Describe(string url, AxeResultItem[] violations)
    {
        var text = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"axe found {violations.Length} violation(s) on {url}:");
        foreach (var violation in violations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {node.Target}: {string.Join("; ", node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message))}");
            }
        }
        return text.ToString();
    }
}
