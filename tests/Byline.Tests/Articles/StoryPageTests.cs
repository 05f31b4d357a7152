using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using Byline.Data.Articles;
using Byline.Tests.Infrastructure;

namespace Byline.Tests.Articles;

public sealed class StoryPageTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private const string Body = """
        The levy was agreed after a long night.

        Delegates left at dawn, tired but relieved.

        ## What was agreed

        > We will not back down on the levy.
        >
        > — Amara Okafor, Minister of Trade

        > A plain quotation without a speaker.
        """;

    private static readonly SourceCitation Gazette = new()
    {
        Outlet = "Harbour Gazette",
        OriginalTitle = "Ports weigh a fuel levy",
        OriginalDate = new DateOnly(2026, 11, 19),
        Url = "https://example.com/levy",
    };

    private static async Task<long> PostAsync(HttpClient client, string slug, string body, long? parentId = null, string? name = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/articles/{slug}/comments", new { body, parentId, authorName = name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("id").GetInt64();
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task StoryPageShowsEveryElementOfTheAnatomy(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("anatomy");
        await factory.AddStoryAsync(slug, body: Body, writers: ["Ingrid Halvorsen", "Tomás Ruiz", "李明"], source: Gazette,
            published: new DateTimeOffset(2021, 3, 24, 9, 30, 0, TimeSpan.Zero), updated: new DateTimeOffset(2021, 5, 3, 14, 0, 0, TimeSpan.Zero));

        var page = await factory.CreateClient().GetPageAsync($"/world/{slug}");

        var story = page.QuerySelector("article.story")!;
        Assert.Equal(TestData.Headline, Assert.Single(page.QuerySelectorAll("h1")).Text());
        Assert.Equal(TestData.Standfirst, story.QuerySelector(".standfirst")?.Text());

        var byline = story.QuerySelector(".byline")!;
        Assert.StartsWith("Writer:", byline.Text(), StringComparison.Ordinal);
        var writers = byline.QuerySelectorAll("a");
        Assert.Equal(["Ingrid Halvorsen", "Tomás Ruiz", "李明"], writers.Select(a => a.Text()));
        Assert.Equal(["/writers/ingrid-halvorsen", "/writers/tomas-ruiz", "/writers/" + Uri.EscapeDataString("李明")], writers.Select(a => a.GetAttribute("href")));

        var published = story.QuerySelector("time.published")!;
        Assert.Equal("2021-03-24T09:30:00+00:00", published.GetAttribute("datetime"));
        Assert.Equal("Mar. 24, 2021", published.Text());
        var updated = story.QuerySelector(".updated")!;
        Assert.Equal("· Updated May 3, 2021", updated.Text());
        Assert.Equal("2021-05-03T14:00:00+00:00", updated.QuerySelector("time")?.GetAttribute("datetime"));

        var body = story.QuerySelector(".story-body")!;
        Assert.Equal(["The levy was agreed after a long night.", "Delegates left at dawn, tired but relieved."],
            body.Children.Where(c => c.LocalName == "p").Select(p => p.Text()));
        Assert.Equal("What was agreed", body.QuerySelector("h2")?.Text());
        var figure = Assert.Single(body.QuerySelectorAll("figure"));
        Assert.Equal("We will not back down on the levy.", figure.QuerySelector("blockquote")?.Text());
        Assert.Equal("— Amara Okafor, Minister of Trade", figure.QuerySelector("figcaption")?.Text());
        Assert.Equal(["blockquote", "figcaption"], figure.Children.Select(c => c.LocalName));
        Assert.Equal(2, body.QuerySelectorAll("blockquote").Length);

        var citation = story.QuerySelector(".citation")!;
        Assert.EndsWith("Harbour Gazette. (November 19, 2026). Ports weigh a fuel levy.", citation.Text(), StringComparison.Ordinal);
        var link = Assert.Single(citation.QuerySelectorAll("a"));
        Assert.Equal("https://example.com/levy", link.GetAttribute("href"));
        Assert.Equal("Ports weigh a fuel levy", link.Text());

        Assert.Equal("Reader comments are the views of their authors, not of this newsroom.", page.QuerySelector("aside.disclaimer")?.Text());

        var discussion = page.QuerySelector("section.discussion")!;
        Assert.Equal("0 Comments · 0 Inline Feedbacks · View all comments", discussion.QuerySelector(".discussion-header")?.Text());
        Assert.Equal($"/world/{slug}/comments", discussion.QuerySelector(".discussion-header a")?.GetAttribute("href"));

        var form = discussion.QuerySelector("form#comment-form")!;
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal($"/world/{slug}", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("textarea[name=Body]"));
        Assert.NotNull(form.QuerySelector("input[name=AuthorName]"));
        Assert.NotNull(form.QuerySelector("input[name=AuthorEmail][type=email]"));
        Assert.NotNull(form.QuerySelector("input[name=ParentId][type=hidden]"));
        Assert.NotNull(form.QuerySelector("button[type=submit]"));
        Assert.Null(form.QuerySelector("input[name=__RequestVerificationToken]"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task StoryThatWasNeverUpdatedShowsNoUpdatedTime(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("fresh");
        await factory.AddStoryAsync(slug, standfirst: null);

        var page = await factory.CreateClient().GetPageAsync($"/world/{slug}");

        Assert.Null(page.QuerySelector(".updated"));
        Assert.Null(page.QuerySelector(".standfirst"));
        Assert.Single(page.QuerySelectorAll("time.published"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task CitationWithoutUrlIsNotLinked(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("unlinked");
        await factory.AddStoryAsync(slug, source: Gazette with { Url = null, OriginalTitle = "Will the levy pass?" });

        var page = await factory.CreateClient().GetPageAsync($"/world/{slug}");

        var citation = page.QuerySelector(".citation")!;
        Assert.EndsWith("Harbour Gazette. (November 19, 2026). Will the levy pass?", citation.Text(), StringComparison.Ordinal);
        Assert.Empty(citation.QuerySelectorAll("a"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task StoryWithoutSourceHasNoCitation(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("unsourced");
        await factory.AddStoryAsync(slug);

        Assert.Null((await factory.CreateClient().GetPageAsync($"/world/{slug}")).QuerySelector(".citation"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task DisclaimerIsCustomOrNone(string provider)
    {
        var factory = apps[provider];
        var custom = Unique.Slug("custom");
        var none = Unique.Slug("none");
        await factory.AddStoryAsync(custom, disclaimerMode: DisclaimerMode.Custom, disclaimerText: "The writer owns no shipping shares.");
        await factory.AddStoryAsync(none, disclaimerMode: DisclaimerMode.None);
        var client = factory.CreateClient();

        Assert.Equal("The writer owns no shipping shares.", (await client.GetPageAsync($"/world/{custom}")).QuerySelector("aside.disclaimer")?.Text());
        Assert.Null((await client.GetPageAsync($"/world/{none}")).QuerySelector(".disclaimer"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task DiscussionHeaderCountsPostedComments(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("counted");
        await factory.AddStoryAsync(slug);
        var client = factory.CreateClient();

        var first = await PostAsync(client, slug, "First!");
        Assert.Equal("1 Comment · 0 Inline Feedbacks · View all comments",
            (await client.GetPageAsync($"/world/{slug}")).QuerySelector(".discussion-header")?.Text());

        await PostAsync(client, slug, "Second.");
        await PostAsync(client, slug, "A reply.", first);
        Assert.Equal("3 Comments · 0 Inline Feedbacks · View all comments",
            (await client.GetPageAsync($"/world/{slug}")).QuerySelector(".discussion-header")?.Text());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task CommentsAreShownAsThreads(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("threads");
        await factory.AddStoryAsync(slug);
        var client = factory.CreateClient();
        var older = await PostAsync(client, slug, "An older thread.", name: "Amina");
        factory.Time.Advance(TimeSpan.FromMinutes(5));
        var root = await PostAsync(client, slug, "Is the levy *enough*?", name: "Amina Diallo");
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        var reply = await PostAsync(client, slug, "它不够。", root, "李明");
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        var nested = await PostAsync(client, slug, "لماذا؟", reply, "سارة");

        var page = await client.GetPageAsync($"/world/{slug}");

        var threads = page.QuerySelectorAll("#threads > li > article.comment");
        Assert.Equal([$"comment-{root}", $"comment-{older}"], threads.Select(t => t.Id));

        var thread = threads[0];
        Assert.Equal("Amina Diallo", thread.QuerySelector(".comment-author")?.Text());
        Assert.Equal("enough", thread.QuerySelector(".comment-body em")?.Text());
        var time = thread.QuerySelector(".comment-meta time")!;
        Assert.Equal(NewsDateIso(factory.Time.GetUtcNow().AddMinutes(-2)), time.GetAttribute("datetime"));
        Assert.Equal($"#comment-{root}", thread.QuerySelector("a.comment-permalink")?.GetAttribute("href"));
        Assert.Equal($"/world/{slug}/reply/{root}", thread.QuerySelector(".comment-actions a.comment-reply")?.GetAttribute("href"));
        Assert.Equal("Reply", thread.QuerySelector(".comment-actions a.comment-reply")?.Text());

        var replyElement = Assert.Single(thread.QuerySelectorAll(":scope > ol.replies > li > article.comment"));
        Assert.Equal($"comment-{reply}", replyElement.Id);
        Assert.Equal("李明", replyElement.QuerySelector(".comment-author")?.Text());
        Assert.Equal("它不够。", replyElement.QuerySelector(".comment-body")?.Text());
        Assert.Equal($"#comment-{reply}", replyElement.QuerySelector("a.comment-permalink")?.GetAttribute("href"));

        var nestedElement = Assert.Single(replyElement.QuerySelectorAll(":scope > ol.replies > li > article.comment"));
        Assert.Equal($"comment-{nested}", nestedElement.Id);
        Assert.Equal("سارة", nestedElement.QuerySelector(".comment-author")?.Text());
        Assert.Equal("لماذا؟", nestedElement.QuerySelector(".comment-body")?.Text());
    }

    private static string NewsDateIso(DateTimeOffset instant) => Byline.Web.Articles.NewsDate.Iso(instant, TimeZoneInfo.Utc);

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ClosedStoryShowsCommentsButNoFormAndNoReplyLinks(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("closed");
        await factory.AddStoryAsync(slug);
        var client = factory.CreateClient();
        var id = await PostAsync(client, slug, "Said before closing.");
        await factory.AddStoryAsync(slug, commentsOpen: false);

        var page = await client.GetPageAsync($"/world/{slug}");

        Assert.Empty(page.QuerySelectorAll("form"));
        Assert.Empty(page.QuerySelectorAll("textarea"));
        Assert.Equal("Comments are closed on this story.", page.QuerySelector(".comments-closed")?.Text());
        Assert.NotNull(page.GetElementById($"comment-{id}"));
        Assert.Empty(page.QuerySelectorAll("a.comment-reply"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task WrongSectionRedirectsPermanentlyToTheCanonicalPath(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("moved");
        await factory.AddStoryAsync(slug, section: "business");
        var client = factory.CreateNoRedirectClient();

        var response = await client.GetAsync($"/world/{slug}");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/business/{slug}", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/business/{slug}")).StatusCode);

        var discussion = await client.GetAsync($"/world/{slug}/comments?after=1-1");
        Assert.Equal(HttpStatusCode.MovedPermanently, discussion.StatusCode);
        Assert.Equal($"/business/{slug}/comments?after=1-1", discussion.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task UnknownStoryIsAFriendlyNotFoundPage(string provider)
    {
        var factory = apps[provider];
        await factory.AddStoryAsync(Unique.Slug("neighbour"));

        var response = await factory.CreateClient().GetAsync("/world/no-such-story");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Http.ParseAsync(response);
        Assert.Equal("Page not found", page.QuerySelector("h1")?.Text());
        Assert.Equal("/", page.QuerySelector("main a[href='/']")?.GetAttribute("href"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task StoryApiDescribesTheStory(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("api");
        await factory.AddStoryAsync(slug, writers: ["Ingrid Halvorsen", "Tomás Ruiz"], source: Gazette, language: "en-GB");

        var json = await (await factory.CreateClient().GetAsync($"/api/v1/articles/{slug}")).ReadJsonAsync();

        Assert.Equal(slug, json.GetProperty("slug").GetString());
        Assert.Equal($"/world/{slug}", json.GetProperty("url").GetString());
        Assert.Equal(TestData.Headline, json.GetProperty("headline").GetString());
        Assert.Equal(["ingrid-halvorsen", "tomas-ruiz"], json.GetProperty("writers").EnumerateArray().Select(w => w.GetProperty("slug").GetString()));
        Assert.Equal("Harbour Gazette. (November 19, 2026). Ports weigh a fuel levy.", json.GetProperty("source").GetProperty("citation").GetString());
        Assert.Equal("en-GB", json.GetProperty("language").GetString());
        Assert.Equal(0, json.GetProperty("commentCount").GetInt32());
        Assert.Equal(0, json.GetProperty("inlineFeedbackCount").GetInt32());
    }
}
