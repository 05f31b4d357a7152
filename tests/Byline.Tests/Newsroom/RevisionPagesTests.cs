using System.Net;
using Byline.Data.Accounts;
using Byline.Data.Articles;
using Byline.Tests.Infrastructure;

namespace Byline.Tests.Newsroom;

/// <summary>The revision history and the diff between two revisions: who sees them, and what they show.</summary>
public sealed class RevisionPagesTests(BylineApps apps) : IClassFixture<BylineApps>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EditorSeesEveryRevisionNewestFirstWithTimeAuthorAndNote(string provider)
    {
        var factory = apps[provider];
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var id = await factory.AddStoryWithRevisionAsync(Unique.Slug("history"));
        await factory.AddRevisionAsync(id, a => a.Headline = "Harbour levy agreed", note: "Shorter headline", author: "Mateo Ruiz");
        var latest = await factory.AddRevisionAsync(id, a => a.BodyMarkdown += "\nMore detail.\n");

        var page = await factory.ClientFor(editor).GetPageAsync($"/newsroom/stories/{id}/revisions");

        var rows = page.QuerySelectorAll("table.revisions tbody tr");
        Assert.Equal(["revision-3", "revision-2", "revision-1"], rows.Select(r => r.Id));
        Assert.Equal(3, latest);
        var second = rows[1];
        Assert.Equal("Mateo Ruiz", second.QuerySelectorAll("td")[1].Text());
        Assert.Equal("Shorter headline", second.QuerySelectorAll("td")[2].Text());
        Assert.EndsWith("+00:00", second.QuerySelector("time")?.GetAttribute("datetime"), StringComparison.Ordinal);
        Assert.Equal("No note", rows[0].QuerySelectorAll("td")[2].Text());
        Assert.Equal($"/newsroom/stories/{id}/revisions/diff?from=2&to=3", rows[0].QuerySelector("a")?.GetAttribute("href"));
        Assert.Null(rows[2].QuerySelector("a[href*=diff]"));
        // Every revision but the current one can be restored, by a form that says which revision the editor saw.
        Assert.Null(rows[0].QuerySelector("form"));
        Assert.Equal("3", rows[2].QuerySelector("form input[name=revision]")?.GetAttribute("value"));
        Assert.Equal($"/newsroom/stories/{id}/revisions/1/restore", rows[2].QuerySelector("form")?.GetAttribute("action"));
        // Any two revisions can be compared.
        var compare = page.QuerySelector("form.compare-form");
        Assert.Equal($"/newsroom/stories/{id}/revisions/diff", compare?.GetAttribute("action"));
        Assert.Equal("2", compare?.QuerySelector("select[name=from] option[selected]")?.GetAttribute("value"));
        Assert.Equal("3", compare?.QuerySelector("select[name=to] option[selected]")?.GetAttribute("value"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RevisionTimesAreShownInTheSiteTimeZone(string provider)
    {
        using var factory = new BylineFactory(provider);
        await factory.UpdateSiteSettingsAsync(s => s.TimeZone = "Pacific/Auckland");
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var id = await factory.AddStoryWithRevisionAsync(Unique.Slug("zone"));

        var page = await factory.ClientFor(editor).GetPageAsync($"/newsroom/stories/{id}/revisions");

        var time = page.QuerySelector("#revision-1 time");
        Assert.Equal("2026-11-28T01:00:00+13:00", time?.GetAttribute("datetime"));
        Assert.Equal("Nov. 28, 2026, 1:00 a.m.", time?.Text());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task WritersSeeTheHistoryOfTheirOwnStoriesOnly(string provider)
    {
        var factory = apps[provider];
        var owner = await factory.CreateUserAsync(Roles.Writer);
        var otherWriter = await factory.CreateUserAsync(Roles.Writer);
        var reader = await factory.CreateUserAsync();
        var moderator = await factory.CreateUserAsync(Roles.Moderator);
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var id = await factory.AddStoryWithRevisionAsync(Unique.Slug("own"), ArticleState.Draft, createdBy: owner.Id);
        await factory.AddRevisionAsync(id, a => a.Headline = "A second headline");
        string[] pages = [$"/newsroom/stories/{id}/revisions", $"/newsroom/stories/{id}/revisions/diff?from=1&to=2"];

        foreach (var path in pages)
        {
            Assert.Equal(HttpStatusCode.OK, (await factory.ClientFor(owner).GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await factory.ClientFor(editor).GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientFor(otherWriter).GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientFor(reader).GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await factory.ClientFor(moderator).GetAsync(path)).StatusCode);
            var anonymous = await factory.CreateNoRedirectClient().GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.StartsWith("/account/sign-in", anonymous.Headers.Location?.AbsolutePath, StringComparison.Ordinal);
        }
        // A writer may not restore a story they cannot edit: no restore buttons on their history once it is in review.
        await using (var db = factory.CreateDbContext())
        {
            var article = await db.Articles.FindAsync(id);
            article!.State = ArticleState.InReview;
            await db.SaveChangesAsync();
        }
        var history = await factory.ClientFor(owner).GetPageAsync(pages[0]);
        Assert.Empty(history.QuerySelectorAll("form[action$=restore]"));
        Assert.NotEmpty((await factory.ClientFor(editor).GetPageAsync(pages[0])).QuerySelectorAll("form[action$=restore]"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheDiffMarksChangedWordsInHeadlineStandfirstAndBody(string provider)
    {
        var factory = apps[provider];
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var id = await factory.AddStoryWithRevisionAsync(Unique.Slug("diff"), body: "Delegates left at dawn.\n\nThe fund is small.\n");
        await factory.AddRevisionAsync(id, a =>
        {
            a.Headline = "Harbour levy rejected after all-night talks";
            a.BodyMarkdown = "Delegates left at dusk.\n\nThe fund is small.\n";
        }, note: "Facts checked");

        var page = await factory.ClientFor(editor).GetPageAsync($"/newsroom/stories/{id}/revisions/diff?from=1&to=2");

        Assert.Equal("Changes from revision 1 to revision 2", page.QuerySelector("h1")?.Text());
        var headline = page.QuerySelector("section[aria-labelledby=diff-headline] .diff-text");
        Assert.Equal(["[deleted: agreed]"], headline?.QuerySelectorAll("del").Select(d => d.Text()));
        Assert.Equal(["[inserted: rejected]"], headline?.QuerySelectorAll("ins").Select(d => d.Text()));
        Assert.Equal("Harbour levy [deleted: agreed][inserted: rejected] after all-night talks", headline?.Text());
        var hidden = headline?.QuerySelectorAll("ins .visually-hidden, del .visually-hidden").Select(s => s.TextContent);
        Assert.Equal(["[deleted: ", "]", "[inserted: ", "]"], hidden);
        var body = page.QuerySelector("section[aria-labelledby=diff-body] .diff-text");
        Assert.Equal("[deleted: dawn]", body?.QuerySelector("del")?.Text());
        Assert.Equal("[inserted: dusk]", body?.QuerySelector("ins")?.Text());
        Assert.Contains("The fund is small.", body?.TextContent, StringComparison.Ordinal);
        Assert.Equal("Unchanged.", page.QuerySelector("section[aria-labelledby=diff-standfirst] .diff-unchanged")?.Text());
        Assert.Equal("No other field changed.", page.QuerySelector("section[aria-labelledby=diff-fields] .diff-unchanged")?.Text());
        Assert.Contains("Facts checked", page.QuerySelector(".diff-sides")?.Text(), StringComparison.Ordinal);

        // Any two, in either direction.
        var backwards = await factory.ClientFor(editor).GetPageAsync($"/newsroom/stories/{id}/revisions/diff?from=2&to=1");
        Assert.Equal("[inserted: agreed]", backwards.QuerySelector("section[aria-labelledby=diff-headline] ins")?.Text());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheDiffListsChangedMetadataAsPeopleReadIt(string provider)
    {
        var factory = apps[provider];
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var id = await factory.AddStoryWithRevisionAsync(Unique.Slug("fields"));
        int otherSection;
        int secondWriter;
        await using (var db = factory.CreateDbContext())
        {
            var section = db.Sections.Add(new Section { Slug = Unique.Slug("science"), Name = "Science" }).Entity;
            var writer = db.Writers.Add(new Writer { Slug = Unique.Slug("writer"), DisplayName = "Mateo Ruiz" }).Entity;
            await db.SaveChangesAsync();
            (otherSection, secondWriter) = (section.Id, writer.Id);
        }
        var newSlug = Unique.Slug("moved");
        await factory.AddRevisionAsync(id, a =>
        {
            a.Slug = newSlug;
            a.SectionId = otherSection;
            a.Type = ArticleType.Analysis;
            a.Tags = ["shipping", "levy"];
            a.Bylines.Add(new ArticleByline { ArticleId = id, WriterId = secondWriter, Position = 1 });
            a.Language = "en-GB";
            a.Source = new SourceCitation { Outlet = "The Harbour Ledger", OriginalTitle = "Levy agreed at dawn", OriginalDate = new DateOnly(2026, 11, 19) };
            a.DisclaimerMode = DisclaimerMode.Custom;
            a.DisclaimerText = "Byline paid for its own travel.";
            a.CommentsOpen = false;
        });

        var page = await factory.ClientFor(editor).GetPageAsync($"/newsroom/stories/{id}/revisions/diff?from=1&to=2");

        var fields = page.QuerySelectorAll("table.diff-fields tbody tr").ToDictionary(
            row => row.QuerySelector("th")!.Text(),
            row => (Before: row.QuerySelectorAll("td")[0].Text(), After: row.QuerySelectorAll("td")[1].Text()));
        Assert.Equal(["Slug", "Section", "Type", "Bylines", "Tags", "Language", "Source citation", "Disclaimer", "Comments"], fields.Keys);
        Assert.Equal("[after: Science]", fields["Section"].After);
        Assert.Equal("[before: world]", fields["Section"].Before);
        Assert.Equal("[after: Ingrid Halvorsen, Mateo Ruiz]", fields["Bylines"].After);
        Assert.Equal("[after: Analysis]", fields["Type"].After);
        Assert.Equal("[after: shipping, levy]", fields["Tags"].After);
        Assert.Equal("[after: The Harbour Ledger. (November 19, 2026). Levy agreed at dawn.]", fields["Source citation"].After);
        Assert.Equal("[before: Site default]", fields["Disclaimer"].Before);
        Assert.Equal("[after: Custom: Byline paid for its own travel.]", fields["Disclaimer"].After);
        Assert.Equal(("[before: Open]", "[after: Closed]"), fields["Comments"]);
        Assert.Equal($"[after: {newSlug}]", fields["Slug"].After);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task MissingRevisionsAnswer404AndTheSameRevisionTwiceSaysSo(string provider)
    {
        var factory = apps[provider];
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var client = factory.ClientFor(editor);
        var id = await factory.AddStoryWithRevisionAsync(Unique.Slug("missing"));
        await factory.AddRevisionAsync(id, a => a.Headline = "Second");

        foreach (var query in new[] { "from=1&to=9", "from=0&to=2", "from=1", "to=2", "", "from=one&to=2" })
        {
            var response = await client.GetAsync($"/newsroom/stories/{id}/revisions/diff?{query}");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{query} answered {(int)response.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/newsroom/stories/999999/revisions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/newsroom/stories/999999/revisions/diff?from=1&to=2")).StatusCode);

        var same = await client.GetPageAsync($"/newsroom/stories/{id}/revisions/diff?from=2&to=2");
        Assert.Equal("Revision 2 compared with itself", same.QuerySelector("h1")?.Text());
        Assert.StartsWith("These are the same revision", same.QuerySelector("[role=status]")?.Text(), StringComparison.Ordinal);
        Assert.Empty(same.QuerySelectorAll("ins, del"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task HostileRevisionTextIsShownAsText(string provider)
    {
        var factory = apps[provider];
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var id = await factory.AddStoryWithRevisionAsync(Unique.Slug("hostile"));
        await factory.AddRevisionAsync(id, a =>
        {
            a.Headline = "<img src=x onerror=alert(1)> levy";
            a.BodyMarkdown = "Before <script>alert('body')</script> after\n";
            a.Tags = ["<b>bold</b>"];
        }, note: "<script>alert('note')</script>", author: "<i>Mallory</i>");

        foreach (var path in new[] { $"/newsroom/stories/{id}/revisions", $"/newsroom/stories/{id}/revisions/diff?from=1&to=2" })
        {
            var page = await factory.ClientFor(editor).GetPageAsync(path);
            Assert.Empty(page.QuerySelectorAll("main script, main img, main b, main i"));
        }
        var diff = await factory.ClientFor(editor).GetPageAsync($"/newsroom/stories/{id}/revisions/diff?from=1&to=2");
        Assert.Contains("<script>alert('body')</script>", diff.QuerySelector("section[aria-labelledby=diff-body] ins")?.TextContent, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=alert(1)>", diff.QuerySelector("section[aria-labelledby=diff-headline] ins")?.TextContent, StringComparison.Ordinal);
        var history = await factory.ClientFor(editor).GetPageAsync($"/newsroom/stories/{id}/revisions");
        Assert.Equal("<script>alert('note')</script>", history.QuerySelectorAll("#revision-2 td")[2].Text());
    }
}
