using System.Net;
using Byline.Data.Accounts;
using Byline.Data.Articles;
using Byline.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Newsroom;

/// <summary>Corrections, updates and clarifications: added by editors to published stories, public at once, never changed.</summary>
public sealed class CorrectionTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private const string Text = "An earlier version of this story misstated the year the levy was agreed. It was 2021, not 2020.";

    private static string Page(int id) => $"/newsroom/stories/{id}/corrections";

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ACorrectionShowsOnTheStoryAtOnceWithItsDateAndMarksTheStoryUpdated(string provider)
    {
        using var factory = new BylineFactory(provider);
        // Noon UTC on Nov. 27 is already Nov. 28 in Auckland: dates are the site's.
        await factory.UpdateSiteSettingsAsync(s => s.TimeZone = "Pacific/Auckland");
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var slug = Unique.Slug("corrected");
        var id = await factory.AddStoryWithRevisionAsync(slug);
        var anonymous = factory.CreateClient();
        var before = await anonymous.GetPageAsync($"/world/{slug}");
        Assert.Null(before.QuerySelector(".corrections"));
        Assert.Null(before.QuerySelector(".dateline .updated"));
        var story = await factory.StoryAsync(id);

        var response = await factory.ClientFor(editor).PostFormAsync(Page(id), null, ("Input.Kind", "Correction"), ("Input.Text", Text));

        response.AssertRedirect($"{Page(id)}?added=");
        var page = await anonymous.GetPageAsync($"/world/{slug}");
        var region = page.QuerySelector("section.corrections");
        Assert.NotNull(region);
        Assert.Equal("Corrections and updates", page.GetElementById(region.GetAttribute("aria-labelledby")!)?.Text());
        var entry = region.QuerySelector("li");
        Assert.Equal($"Corrected Nov. 28, 2026: {Text}", entry?.Text());
        Assert.Equal("2026-11-28T01:00:00+13:00", entry?.QuerySelector("time")?.GetAttribute("datetime"));
        // Right after the header, before the body.
        Assert.Equal("story-header", region.PreviousElementSibling?.ClassName);
        Assert.Equal("Updated Nov. 28, 2026", page.QuerySelector(".dateline .updated")?.Text().TrimStart('·', ' '));

        var after = await factory.StoryAsync(id);
        Assert.Equal(factory.Time.GetUtcNow(), after.UpdatedAt);
        Assert.Equal(story.Version + 1, after.Version);
        Assert.Equal(story.Revision, after.Revision);
        Assert.Equal(story.PublishedAt, after.PublishedAt);
        await using var db = factory.CreateDbContext();
        var stored = await db.ArticleCorrections.SingleAsync(c => c.ArticleId == id);
        Assert.Equal((CorrectionKind.Correction, Text, editor.Id), (stored.Kind, stored.Text, stored.CreatedByUserId));
        var audit = await db.AuditEntries.SingleAsync(e => e.Action == "article.correction");
        Assert.Equal(($"article:{id}", editor.Id, editor.DisplayName), (audit.Target, audit.ActorUserId, audit.ActorName));
        Assert.Contains(Text, audit.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EntriesShowOldestFirstWithTheirKindsOnThePageTheNewsroomAndTheApi(string provider)
    {
        var factory = apps[provider];
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var slug = Unique.Slug("kinds");
        var id = await factory.AddStoryWithRevisionAsync(slug);
        var client = factory.ClientFor(editor);
        (string Kind, string Text)[] entries = [("Correction", "The levy is 2%, not 20%."), ("Update", "The minister has resigned."), ("Clarification", "The fund is regional.")];
        foreach (var (kind, text) in entries)
        {
            (await client.PostFormAsync(Page(id), null, ("Input.Kind", kind), ("Input.Text", text))).AssertRedirect(Page(id));
            factory.Time.Advance(TimeSpan.FromHours(1));
        }

        var page = await factory.CreateClient().GetPageAsync($"/world/{slug}");
        var shown = page.QuerySelectorAll(".corrections li").Select(li => li.Text()).ToList();
        Assert.Equal(3, shown.Count);
        Assert.StartsWith("Corrected ", shown[0], StringComparison.Ordinal);
        Assert.EndsWith(": The levy is 2%, not 20%.", shown[0], StringComparison.Ordinal);
        Assert.StartsWith("Updated ", shown[1], StringComparison.Ordinal);
        Assert.StartsWith("Clarified ", shown[2], StringComparison.Ordinal);

        var newsroom = await client.GetPageAsync(Page(id));
        Assert.Equal(3, newsroom.QuerySelectorAll(".correction-entries li").Length);
        Assert.Contains($"by {editor.DisplayName}", newsroom.QuerySelector(".correction-meta")?.Text(), StringComparison.Ordinal);

        var json = await (await factory.CreateClient().GetAsync($"/api/v1/articles/{slug}")).ReadJsonAsync();
        var corrections = json.GetProperty("corrections").EnumerateArray().ToList();
        Assert.Equal(["correction", "update", "clarification"], corrections.Select(c => c.GetProperty("kind").GetString()));
        Assert.Equal(entries.Select(e => e.Text), corrections.Select(c => c.GetProperty("text").GetString()));
        Assert.True(corrections[0].GetProperty("at").GetDateTimeOffset() < corrections[1].GetProperty("at").GetDateTimeOffset());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ACorrectionOnAStoryThatIsNotPublishedIsRefused(string provider)
    {
        var factory = apps[provider];
        var editor = await factory.CreateUserAsync(Roles.Editor);
        foreach (var state in new[] { ArticleState.Draft, ArticleState.InReview, ArticleState.Scheduled, ArticleState.Unpublished })
        {
            var id = await factory.AddStoryWithRevisionAsync(Unique.Slug("unpublished"), state);
            var form = await factory.ClientFor(editor).GetPageAsync(Page(id));
            Assert.Null(form.QuerySelector("form.correction-form"));
            Assert.Contains("This story is not published", form.QuerySelector(".correction-add")?.Text(), StringComparison.Ordinal);
            var version = (await factory.StoryAsync(id)).Version;

            var response = await factory.PostAsAsync(editor, Page(id), ("Input.Kind", "Correction"), ("Input.Text", Text));

            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var page = await Http.ParseAsync(response);
            Assert.StartsWith("Corrections, updates and clarifications can only be added to a published story.", page.QuerySelector("[role=alert]")?.Text(), StringComparison.Ordinal);
            await using var db = factory.CreateDbContext();
            Assert.False(await db.ArticleCorrections.AnyAsync(c => c.ArticleId == id));
            Assert.Equal(version, (await factory.StoryAsync(id)).Version);
            Assert.False(await db.AuditEntries.AnyAsync(e => e.Target == $"article:{id}"));
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OnlyEditorsAddEntriesAndHiddenStoriesAnswer404(string provider)
    {
        var factory = apps[provider];
        var owner = await factory.CreateUserAsync(Roles.Writer);
        var otherWriter = await factory.CreateUserAsync(Roles.Writer);
        var moderator = await factory.CreateUserAsync(Roles.Moderator);
        var reader = await factory.CreateUserAsync();
        var admin = await factory.CreateUserAsync(Roles.Admin);
        var id = await factory.AddStoryWithRevisionAsync(Unique.Slug("who-corrects"), createdBy: owner.Id);

        // The writer sees the entries on their own story, but no form, and a post is forbidden.
        var ownView = await factory.ClientFor(owner).GetPageAsync(Page(id));
        Assert.Null(ownView.QuerySelector("form.correction-form"));
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.PostAsAsync(owner, Page(id), ("Input.Kind", "Correction"), ("Input.Text", Text))).StatusCode);
        foreach (var stranger in new[] { otherWriter, moderator, reader })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientFor(stranger).GetAsync(Page(id))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await factory.PostAsAsync(stranger, Page(id), ("Input.Kind", "Correction"), ("Input.Text", Text))).StatusCode);
        }
        var anonymous = await factory.CreateNoRedirectClient().PostAsync(Page(id), new FormUrlEncodedContent([new("Input.Kind", "Correction"), new("Input.Text", Text)]));
        Assert.True(anonymous.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Redirect, $"anonymous post answered {(int)anonymous.StatusCode}");
        await using (var db = factory.CreateDbContext())
        {
            Assert.False(await db.ArticleCorrections.AnyAsync(c => c.ArticleId == id));
        }

        // An admin holds every role.
        (await factory.ClientFor(admin).PostFormAsync(Page(id), null, ("Input.Kind", "Update"), ("Input.Text", Text))).AssertRedirect(Page(id));
        await using (var db = factory.CreateDbContext())
        {
            Assert.Equal(1, await db.ArticleCorrections.CountAsync(c => c.ArticleId == id));
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EntriesAreAppendOnly(string provider)
    {
        var factory = apps[provider];
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var id = await factory.AddStoryWithRevisionAsync(Unique.Slug("append-only"));
        var client = factory.ClientFor(editor);
        (await client.PostFormAsync(Page(id), null, ("Input.Kind", "Correction"), ("Input.Text", Text))).AssertRedirect(Page(id));
        int correctionId;
        await using (var db = factory.CreateDbContext())
        {
            correctionId = (await db.ArticleCorrections.SingleAsync(c => c.ArticleId == id)).Id;
        }
        var form = new Func<HttpContent>(() => new FormUrlEncodedContent([new("Input.Kind", "Update"), new("Input.Text", "Rewritten history.")]));
        var attempts = new List<(string Method, string Path)>();
        foreach (var path in new[] { $"{Page(id)}/{correctionId}", $"{Page(id)}/{correctionId}/edit", $"{Page(id)}/{correctionId}/delete", $"/api/v1/articles/corrections/{correctionId}" })
        {
            attempts.AddRange([("GET", path), ("POST", path), ("PUT", path), ("PATCH", path), ("DELETE", path)]);
        }
        attempts.AddRange([("PUT", Page(id)), ("PATCH", Page(id)), ("DELETE", Page(id))]);

        foreach (var (method, path) in attempts)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : form() };
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed,
                $"{method} {path} answered {(int)response.StatusCode}");
        }

        await using (var db = factory.CreateDbContext())
        {
            var stored = await db.ArticleCorrections.SingleAsync(c => c.ArticleId == id);
            Assert.Equal((CorrectionKind.Correction, Text), (stored.Kind, stored.Text));
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task BadEntriesAreRefusedNextToTheirFieldAndStoreNothing(string provider)
    {
        var factory = apps[provider];
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var id = await factory.AddStoryWithRevisionAsync(Unique.Slug("bad-entry"));
        var client = factory.ClientFor(editor);
        var cases = new (string? Kind, string Text, string Field, string Message)[]
        {
            ("Correction", "", "text", "Write what was corrected, updated or clarified."),
            ("Correction", "   \n\t  ", "text", "Write what was corrected, updated or clarified."),
            ("Correction", new string('x', 4001), "text", "The text is 4,001 characters long; the most is 4,000."),
            ("Correction", "Broken \uD800 text", "text", "The text contains characters that are not valid text. Please retype it."),
            ("Retraction", Text, "kind", "Choose whether this is a correction, an update or a clarification."),
            ("1", Text, "kind", "Choose whether this is a correction, an update or a clarification."),
            (null, Text, "kind", "Choose whether this is a correction, an update or a clarification."),
        };

        foreach (var (kind, text, field, message) in cases)
        {
            var fields = kind is null ? new[] { ("Input.Text", text) } : [("Input.Kind", kind), ("Input.Text", text)];
            var response = await client.PostFormAsync(Page(id), null, fields);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await Http.ParseAsync(response);
            var error = page.GetElementById($"correction-{field}-error");
            Assert.Equal(message, error?.Text());
            var described = field == "text" ? page.GetElementById("correction-text") : page.QuerySelector("fieldset.correction-kinds");
            Assert.Contains($"correction-{field}-error", described?.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        }
        var longest = await client.PostFormAsync(Page(id), null, ("Input.Kind", "Update"), ("Input.Text", new string('y', 4000)));
        longest.AssertRedirect(Page(id));

        await using var db = factory.CreateDbContext();
        Assert.Equal([new string('y', 4000)], await db.ArticleCorrections.Where(c => c.ArticleId == id).Select(c => c.Text).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task HostileTextIsShownAsTextEverywhere(string provider)
    {
        var factory = apps[provider];
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var slug = Unique.Slug("hostile-correction");
        var id = await factory.AddStoryWithRevisionAsync(slug);
        const string hostile = "<script>alert(1)</script><img src=x onerror=alert(2)> **bold** [link](javascript:alert(3)) \u202Egnp.exe";

        (await factory.ClientFor(editor).PostFormAsync(Page(id), null, ("Input.Kind", "Clarification"), ("Input.Text", hostile))).AssertRedirect(Page(id));

        const string shown = "<script>alert(1)</script><img src=x onerror=alert(2)> **bold** [link](javascript:alert(3)) gnp.exe";
        var story = await factory.CreateClient().GetPageAsync($"/world/{slug}");
        var list = await factory.CreateClient().GetPageAsync("/corrections");
        var newsroom = await factory.ClientFor(editor).GetPageAsync(Page(id));
        foreach (var (page, selector) in new[] { (story, ".corrections li"), (list, ".corrections-item .correction"), (newsroom, ".correction-entries li p") })
        {
            var entry = page.QuerySelectorAll(selector).Single(e => e.TextContent.Contains("gnp.exe", StringComparison.Ordinal));
            Assert.EndsWith(shown, entry.Text(), StringComparison.Ordinal);
            Assert.Empty(entry.QuerySelectorAll("script, img, a"));
            Assert.DoesNotContain(entry.QuerySelectorAll("strong"), s => s.TextContent.Contains("bold", StringComparison.Ordinal));
        }
        var json = await (await factory.CreateClient().GetAsync($"/api/v1/articles/{slug}")).ReadJsonAsync();
        Assert.Equal(shown, json.GetProperty("corrections")[0].GetProperty("text").GetString());
    }
}
