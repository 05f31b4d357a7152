using System.Net;
using System.Text.Json;
using Byline.Data.Articles;
using Byline.Data.Outbox;
using Byline.Tests.Accounts;
using Byline.Tests.Infrastructure;
using Byline.Web.Hosting.Outbox;
using Byline.Web.InlineFeedback;
using Byline.Web.Newsroom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Byline.Tests.InlineFeedback;

/// <summary>Feedback through the life of a story: edits move it, rewrites orphan it, corrections address it.</summary>
public sealed class ReanchoringFlowTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private static string Edited(string body, string from, string to)
    {
        Assert.Contains(from, body, StringComparison.Ordinal);
        return body.Replace(from, to, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> AnchorOfAsync(HttpClient client, JsonElement comment) =>
        (await client.CommentAsync(comment.GetProperty("id").GetInt64())).GetProperty("anchor");

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EditsAroundAPassageMoveItsHighlightAndARewriteOrphansIt(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("edits");
        await factory.AddStoryAsync(slug, body: PassageKit.Body);
        var client = factory.CreateClient();
        var text = await factory.TextAsync(slug);
        var quay = await client.RespondOkAsync(slug, PassageKit.Anchor(text, "shore power at the old quay"), "Which quay?");
        var dawn = await client.RespondOkAsync(slug, PassageKit.Anchor(text, "left at dawn"), "Why so early?");

        // An edit before both passages: a new opening sentence.
        var body = "Late on Thursday, after weeks of delay, the vote came. " + PassageKit.Body;
        await factory.AddStoryAsync(slug, body: body);
        await factory.RunOutboxAsync();

        var newText = await factory.TextAsync(slug);
        foreach (var (comment, words) in new[] { (quay, "shore power at the old quay"), (dawn, "left at dawn") })
        {
            var anchor = await AnchorOfAsync(client, comment);
            Assert.Equal("attached", anchor.GetProperty("state").GetString());
            Assert.Equal("moved", anchor.GetProperty("outcome").GetString());
            Assert.Equal(newText.IndexOf(words, StringComparison.Ordinal), anchor.GetProperty("start").GetInt32());
            Assert.Equal(1, anchor.GetProperty("revision").GetInt32());
        }
        var page = await client.GetPageAsync($"/world/{slug}");
        var marks = page.QuerySelectorAll("#story-body mark.passage").Select(m => m.TextContent).ToList();
        Assert.Equal(["left at dawn", "shore power at the old quay"], marks);

        // The passage itself is rewritten completely: that feedback is now on an earlier version.
        await factory.AddStoryAsync(slug, body: Edited(body, "The levy funds shore power at the old quay, where ferries now idle for hours.",
            "Half of the money goes to the lifeboat station."));
        await factory.RunOutboxAsync();

        var orphan = await AnchorOfAsync(client, quay);
        Assert.Equal("orphaned", orphan.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, orphan.GetProperty("start").ValueKind);
        Assert.Equal("attached", (await AnchorOfAsync(client, dawn)).GetProperty("state").GetString());
        page = await client.GetPageAsync($"/world/{slug}");
        Assert.Equal(["left at dawn"], page.QuerySelectorAll("#story-body mark.passage").Select(m => m.TextContent).ToList());
        var earlier = page.QuerySelector("#earlier-feedback")!;
        Assert.Contains("Feedback on earlier versions", earlier.Text(), StringComparison.Ordinal);
        Assert.Contains("shore power at the old quay", earlier.Text(), StringComparison.Ordinal);
        Assert.Contains("On revision 1", earlier.Text(), StringComparison.Ordinal);
        Assert.Contains("Which quay?", earlier.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ReanchoringTwiceChangesNothingTheSecondTime(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("idem");
        await factory.AddStoryAsync(slug, body: PassageKit.Body);
        var client = factory.CreateClient();
        var comment = await client.RespondOkAsync(slug, PassageKit.Anchor(await factory.TextAsync(slug), "heavy fuel"));
        await factory.AddStoryAsync(slug, body: "Update: " + PassageKit.Body);
        await factory.RunOutboxAsync();
        var first = (await AnchorOfAsync(client, comment)).ToString();
        long version;
        await using (var db = factory.CreateDbContext())
        {
            version = (await db.Articles.SingleAsync(a => a.Slug == slug)).Version;
            var id = (await db.Articles.SingleAsync(a => a.Slug == slug)).Id;
            PassageReanchoring.Enqueue(db, id, factory.Time.GetUtcNow());
            await db.SaveChangesAsync();
        }

        await factory.RunOutboxAsync();

        Assert.Equal(first, (await AnchorOfAsync(client, comment)).ToString());
        await using var check = factory.CreateDbContext();
        Assert.Equal(version, (await check.Articles.SingleAsync(a => a.Slug == slug)).Version);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ACorrectionAfterAnEditOfThePassageAddressesItsFeedbackAndMailsItsAuthor(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("fixed");
        await factory.AddStoryAsync(slug, body: PassageKit.Body);
        var reader = await factory.CreateUserAsync();
        var client = factory.ClientFor(reader);
        var text = await factory.TextAsync(slug);
        var wrong = await client.RespondOkAsync(slug, PassageKit.Anchor(text, "twelve euros per tonne"), "The council's notice says fifteen.");
        var elsewhere = await client.RespondOkAsync(slug, PassageKit.Anchor(text, "left at dawn"), "Nice detail.");

        await factory.AddStoryAsync(slug, body: Edited(PassageKit.Body, "twelve euros per tonne", "fifteen euros per tonne"));
        int storyId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await using var db = factory.CreateDbContext();
            storyId = (await db.Articles.SingleAsync(a => a.Slug == slug)).Id;
            var corrections = scope.ServiceProvider.GetRequiredService<CorrectionPublisher>();
            await corrections.AddAsync(storyId, CorrectionKind.Correction, "An earlier version gave the levy as twelve euros per tonne; it is fifteen.", null, default);
        }
        await factory.RunOutboxAsync();

        var addressed = await AnchorOfAsync(client, wrong);
        Assert.Equal("attached", addressed.GetProperty("state").GetString());
        Assert.Equal("fuzzy", addressed.GetProperty("outcome").GetString());
        Assert.Equal(factory.Time.GetUtcNow(), addressed.GetProperty("addressedBy").GetProperty("at").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, (await AnchorOfAsync(client, elsewhere)).GetProperty("addressedBy").ValueKind);

        var mail = Mailbox.LatestTo(factory, reader.Email);
        Assert.Contains("was addressed", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("twelve euros per tonne", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("it is fifteen", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, Mailbox.CountTo(factory, reader.Email));

        var page = await factory.CreateClient().GetPageAsync($"/world/{slug}");
        var comment = page.QuerySelector($"#comment-{wrong.GetProperty("id").GetInt64()}")!;
        Assert.Contains("Addressed in the correction of Nov. 27, 2026", comment.Text(), StringComparison.Ordinal);

        // Running the work again neither re-addresses nor re-mails.
        await using (var db = factory.CreateDbContext())
        {
            PassageReanchoring.Enqueue(db, storyId, factory.Time.GetUtcNow());
            await db.SaveChangesAsync();
        }
        await factory.RunOutboxAsync();
        Assert.Equal(1, Mailbox.CountTo(factory, reader.Email));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AResponseMadeOnAnOlderRevisionIsBroughtToTheCurrentText(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("stale");
        await factory.AddStoryAsync(slug, body: PassageKit.Body);
        var oldText = await factory.TextAsync(slug);
        await factory.AddStoryAsync(slug, body: "New first line.\n\n" + PassageKit.Body);
        await factory.RunOutboxAsync();
        var client = factory.CreateClient();

        var anchor = PassageKit.Anchor(oldText, "heavy fuel");
        anchor["revision"] = 1;
        var json = await client.RespondOkAsync(slug, anchor);

        var newText = await factory.TextAsync(slug);
        Assert.Equal(newText.IndexOf("heavy fuel", StringComparison.Ordinal), json.GetProperty("anchor").GetProperty("start").GetInt32());
        Assert.Equal(1, json.GetProperty("anchor").GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task HighlightsAndTheirResponsesAreInThePageWithoutScript()
    {
        var factory = apps[Databases.Sqlite];
        var slug = Unique.Slug("page");
        await factory.AddStoryAsync(slug, body: PassageKit.Body);
        var text = await factory.TextAsync(slug);
        var client = factory.CreateClient();
        var first = await client.RespondOkAsync(slug, PassageKit.Anchor(text, "heavy fuel"), "Which fuels count?");
        await client.RespondOkAsync(slug, PassageKit.Anchor(text, "heavy fuel"), "Does diesel?");
        await client.RespondOkAsync(slug, PassageKit.Anchor(text, "levy on heavy fuel after"), "Overlap <b>test</b>");

        var page = await client.GetPageAsync($"/world/{slug}");

        var body = page.QuerySelector("#story-body")!;
        Assert.Equal(text, StoryText.Of(body.InnerHtml));
        var key = PassageIds.Key(text.IndexOf("heavy fuel", StringComparison.Ordinal), text.IndexOf("heavy fuel", StringComparison.Ordinal) + 10);
        var count = body.QuerySelector($"a.passage-count[data-passage='{key}']")!;
        Assert.Equal("2", count.TextContent);
        Assert.Equal("2 responses to this passage", count.GetAttribute("aria-label"));
        var list = page.QuerySelector(count.GetAttribute("href")!)!;
        Assert.Contains("Which fuels count?", list.Text(), StringComparison.Ordinal);
        Assert.Contains("Does diesel?", list.Text(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"#{PassageIds.Highlight(key)}"));
        Assert.Empty(page.QuerySelectorAll(".passage-feedback b"));

        // In the discussion: the quote, linking back to the highlight.
        var quote = page.QuerySelector($"#comment-{first.GetProperty("id").GetInt64()} .comment-passage a")!;
        Assert.Equal("heavy fuel", quote.TextContent);
        Assert.EndsWith("#" + PassageIds.Highlight(key), quote.GetAttribute("href"), StringComparison.Ordinal);

        // "In the discussion" leads to the comment wherever it is.
        var noRedirect = factory.CreateNoRedirectClient();
        var found = await noRedirect.GetAsync(CommentLinks.InDiscussion(first.GetProperty("id").GetInt64()));
        Assert.Equal(HttpStatusCode.Redirect, found.StatusCode);
        Assert.Equal($"/world/{slug}#comment-{first.GetProperty("id").GetInt64()}", found.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await noRedirect.GetAsync(CommentLinks.InDiscussion(987654321))).StatusCode);
    }

    [Fact]
    public async Task TheFormPostCarriesAPassageLikeTheApi()
    {
        var factory = apps[Databases.Sqlite];
        var slug = Unique.Slug("form");
        await factory.AddStoryAsync(slug, body: PassageKit.Body);
        var text = await factory.TextAsync(slug);
        var start = text.IndexOf("old quay", StringComparison.Ordinal);
        var forms = factory.FormClient();

        var response = await forms.SubmitAsync($"/world/{slug}", "#comment-form",
            ("Body", "Where exactly?"),
            ("AuthorName", "Reader"),
            ("AnchorExact", "old quay"),
            ("AnchorStart", start.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("AnchorEnd", (start + 8).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("AnchorRevision", "1"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = factory.CreateDbContext();
        var anchor = await db.CommentAnchors.SingleAsync(a => a.ArticleId == db.Articles.Single(x => x.Slug == slug).Id);
        Assert.Equal((start, start + 8, "old quay"), (anchor.CurrentStart, anchor.CurrentEnd, anchor.CurrentQuote));

        // A passage that is not in the story comes back as a form error, with the reader's text kept.
        var refused = await forms.SubmitAsync($"/world/{slug}", "#comment-form",
            ("Body", "Keep me"), ("AuthorName", "Reader"), ("AnchorExact", "new quay"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = await Http.ParseAsync(refused);
        Assert.Equal("Keep me", page.QuerySelector("#comment-body")!.TextContent.Trim());
        Assert.Contains("not in the story", page.QuerySelector("#comment-form-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutScriptAnAuthorPromptsRespondLinkOpensTheFormOnItsPassage()
    {
        var factory = apps[Databases.Sqlite];
        var slug = Unique.Slug("prompt");
        await factory.AddStoryAsync(slug, body: "Intro.\n\nThe council plans to {{close three branch libraries || Which branch do you use?}} next year.\n");
        var text = await factory.TextAsync(slug);
        var forms = factory.FormClient();

        var story = await forms.GetPageAsync($"/world/{slug}");
        var respond = story.QuerySelector("#story-body a.author-prompt-respond")!.GetAttribute("href")!;
        Assert.Equal("?prompt=1#comment-form", respond);
        var page = await forms.GetPageAsync($"/world/{slug}?prompt=1");

        Assert.Equal("Respond to a passage", page.QuerySelector("#comment-form-heading")!.TextContent);
        Assert.Equal("close three branch libraries", page.QuerySelector("#responding-to blockquote")!.TextContent);
        Assert.False(page.QuerySelector("#responding-to")!.HasAttribute("hidden"));
        var response = await forms.SubmitAsync(page, $"/world/{slug}?prompt=1", "#comment-form", ("Body", "The one on Mill Street."), ("AuthorName", "Reader"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = factory.CreateDbContext();
        var anchor = await db.CommentAnchors.SingleAsync(a => a.ArticleId == db.Articles.Single(x => x.Slug == slug).Id);
        Assert.Equal(text.IndexOf("close three", StringComparison.Ordinal), anchor.Start);
        Assert.Equal("close three branch libraries", anchor.Exact);

        // A prompt the story does not have opens the ordinary form.
        var other = await forms.GetPageAsync($"/world/{slug}?prompt=7");
        Assert.True(other.QuerySelector("#responding-to")!.HasAttribute("hidden"));
        Assert.Equal("Join the discussion", other.QuerySelector("#comment-form-heading")!.TextContent);
    }

    [Fact]
    public async Task DoneMessagesAreDeletedAfterTheirRetentionButGivenUpOnesAreKept()
    {
        var factory = new BylineFactory();
        await using var _ = factory;
        var now = factory.Time.GetUtcNow();
        await using (var db = factory.CreateDbContext())
        {
            db.OutboxMessages.AddRange(
                new OutboxMessage { Kind = "done-long-ago", Payload = "{}", CreatedAt = now, DueAt = now, DoneAt = now, Attempts = 1 },
                new OutboxMessage { Kind = "given-up", Payload = "{}", CreatedAt = now, DueAt = now, DoneAt = now, Attempts = OutboxWorker.MaxAttempts, LastError = "x" },
                new OutboxMessage { Kind = "not-done", Payload = "{}", CreatedAt = now, DueAt = now.AddYears(1) });
            await db.SaveChangesAsync();
        }
        var worker = factory.Services.GetRequiredService<OutboxWorker>();

        Assert.Equal(0, await worker.PruneAsync(default));
        factory.Time.Advance(OutboxWorker.Retention + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await worker.PruneAsync(default));

        await using var check = factory.CreateDbContext();
        Assert.Equal(["given-up", "not-done"], await check.OutboxMessages.OrderBy(m => m.Kind).Select(m => m.Kind).ToListAsync());
    }

    [Fact]
    public async Task AFailingMessageIsRetriedLaterAndGivenUpAfterItsLastAttempt()
    {
        var factory = apps[Databases.Sqlite];
        long id;
        await using (var db = factory.CreateDbContext())
        {
            var message = new OutboxMessage { Kind = "no-such-kind", Payload = "{}", CreatedAt = factory.Time.GetUtcNow(), DueAt = factory.Time.GetUtcNow() };
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync();
            id = message.Id;
        }

        for (var attempt = 1; attempt <= Byline.Web.Hosting.Outbox.OutboxWorker.MaxAttempts; attempt++)
        {
            await factory.RunOutboxAsync();
            await using var db = factory.CreateDbContext();
            var stored = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
            Assert.Equal(attempt, stored.Attempts);
            Assert.Contains("no-such-kind", stored.LastError, StringComparison.Ordinal);
            if (attempt < Byline.Web.Hosting.Outbox.OutboxWorker.MaxAttempts)
            {
                Assert.Null(stored.DoneAt);
                Assert.True(stored.DueAt > factory.Time.GetUtcNow());
                factory.Time.Advance(stored.DueAt - factory.Time.GetUtcNow());
            }
            else
            {
                Assert.NotNull(stored.DoneAt);
            }
        }
    }
}
