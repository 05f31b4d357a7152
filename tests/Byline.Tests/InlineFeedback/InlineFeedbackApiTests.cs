using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Byline.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.InlineFeedback;

public sealed class InlineFeedbackApiTests(BylineApps apps) : IClassFixture<BylineApps>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ResponseToAPassageIsStoredWithItsAnchorAndCountedAsInlineFeedback(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("levy");
        await factory.AddStoryAsync(slug, body: PassageKit.Body);
        var text = await factory.TextAsync(slug);
        var client = factory.CreateClient();

        var json = await client.RespondOkAsync(slug, PassageKit.Anchor(text, "twelve euros per tonne"));

        var anchor = json.GetProperty("anchor");
        Assert.Equal("twelve euros per tonne", anchor.GetProperty("exact").GetString());
        Assert.Equal(text.IndexOf("twelve euros", StringComparison.Ordinal), anchor.GetProperty("start").GetInt32());
        Assert.Equal(anchor.GetProperty("start").GetInt32() + 22, anchor.GetProperty("end").GetInt32());
        Assert.Equal("attached", anchor.GetProperty("state").GetString());
        Assert.Equal(1, anchor.GetProperty("revision").GetInt32());
        Assert.EndsWith(" from March.", anchor.GetProperty("suffix").GetString()![..12] + " from March.", StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, anchor.GetProperty("addressedBy").ValueKind);

        var fetched = await client.CommentAsync(json.GetProperty("id").GetInt64());
        Assert.Equal("twelve euros per tonne", fetched.GetProperty("anchor").GetProperty("exact").GetString());

        await using var db = factory.CreateDbContext();
        var story = await db.Articles.SingleAsync(a => a.Slug == slug);
        Assert.Equal((0, 1), (story.CommentCount, story.InlineFeedbackCount));
        var header = (await client.GetPageAsync($"/world/{slug}")).QuerySelector(".discussion-header")!.Text();
        Assert.StartsWith("0 Comments · 1 Inline Feedback", header, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OffsetsCountUtf16CodeUnitsAsTheDomDoesInEmojiAndCjkText(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("cjk");
        await factory.AddStoryAsync(slug, language: "zh", body: "港口理事会🚢同意征收燃油税。\n\n渔民代表👩🏽‍🌾在黎明时离开，她说：“我们不会让步。”");
        var text = await factory.TextAsync(slug);
        var client = factory.CreateClient();

        var json = await client.RespondOkAsync(slug, PassageKit.Anchor(text, "在黎明时离开"), "为什么？");

        var anchor = json.GetProperty("anchor");
        // 港口理事会 (5) + 🚢 (2) + 同意征收燃油税。(8) + \n (1) + 渔民代表 (4) + 👩🏽‍🌾 (7) = 27
        Assert.Equal(27, anchor.GetProperty("start").GetInt32());
        Assert.Equal(33, anchor.GetProperty("end").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task QuoteWithoutOffsetsIsFoundByItsContext(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("dup");
        await factory.AddStoryAsync(slug, body: "The levy passed. Critics said the levy was too low.\n\nSupporters said the levy was fair.");
        var text = await factory.TextAsync(slug);
        var client = factory.CreateClient();

        var json = await client.RespondOkAsync(slug, new { exact = "the levy was", prefix = "Supporters said ", suffix = " fair." });

        Assert.Equal(text.LastIndexOf("the levy was", StringComparison.Ordinal), json.GetProperty("anchor").GetProperty("start").GetInt32());
    }

    public static TheoryData<string, string> BadAnchors => new()
    {
        { """{"exact":"twelve euros per pound","start":null,"end":null}""", "anchor-mismatch" },
        { """{"exact":"twelve euros per tonne","start":0,"end":22}""", "anchor-mismatch" },
        { """{"exact":""}""", "anchor-empty" },
        { """{"exact":"  \n\t "}""", "anchor-empty" },
        { """{"exact":null}""", "anchor-empty" },
        { $$"""{"exact":"{{new string('a', 1001)}}"}""", "anchor-too-long" },
        { """{"exact":"twelve","start":-1,"end":5}""", "anchor-out-of-range" },
        { """{"exact":"twelve","start":5,"end":5}""", "anchor-out-of-range" },
        { """{"exact":"twelve","start":90,"end":80}""", "anchor-out-of-range" },
        { """{"exact":"twelve","start":5}""", "anchor-out-of-range" },
        { """{"exact":"twelve","start":100000,"end":100006}""", "anchor-out-of-range" },
        { """{"exact":"twelve","revision":7}""", "anchor-mismatch" },
        { """{"exact":"twelve","revision":0}""", "anchor-mismatch" },
    };

    [Theory]
    [MemberData(nameof(BadAnchors))]
    public async Task BadAnchorIsRefusedWithItsCodeAndNothingIsStored(string anchor, string code)
    {
        var factory = apps[Databases.Sqlite];
        var slug = Unique.Slug("bad");
        await factory.AddStoryAsync(slug, body: PassageKit.Body);
        var client = factory.CreateClient();

        using var content = new StringContent($$"""{"body":"Hmm.","anchor":{{anchor}}}""", System.Text.Encoding.UTF8, "application/json");
        var response = await client.PostAsync($"/api/v1/articles/{slug}/comments", content);

        await Http.AssertProblemAsync(response, HttpStatusCode.BadRequest, code);
        await using var db = factory.CreateDbContext();
        var story = await db.Articles.SingleAsync(a => a.Slug == slug);
        Assert.Equal((0, 0), (story.CommentCount, story.InlineFeedbackCount));
        Assert.False(await db.Comments.AnyAsync(c => c.ArticleId == story.Id));
    }

    [Fact]
    public async Task OffsetsThatSplitAnEmojiAreRefused()
    {
        var factory = apps[Databases.Sqlite];
        var slug = Unique.Slug("emoji");
        await factory.AddStoryAsync(slug, body: "Ships 🚢 pay twelve euros.");
        var text = await factory.TextAsync(slug);
        var ship = text.IndexOf("🚢", StringComparison.Ordinal);
        var client = factory.CreateClient();

        var response = await client.RespondAsync(slug, new { exact = text[(ship + 1)..(ship + 6)], start = ship + 1, end = ship + 6 });

        await Http.AssertProblemAsync(response, HttpStatusCode.BadRequest, "anchor-out-of-range");
    }

    [Fact]
    public async Task AReplyCannotAlsoBeInlineFeedback()
    {
        var factory = apps[Databases.Sqlite];
        var slug = Unique.Slug("reply");
        await factory.AddStoryAsync(slug, body: PassageKit.Body);
        var text = await factory.TextAsync(slug);
        var client = factory.CreateClient();
        var parent = await client.RespondOkAsync(slug, PassageKit.Anchor(text, "levy"));

        var response = await client.PostAsJsonAsync($"/api/v1/articles/{slug}/comments",
            new { body = "Agreed", parentId = parent.GetProperty("id").GetInt64(), anchor = PassageKit.Anchor(text, "levy") });

        await Http.AssertProblemAsync(response, HttpStatusCode.BadRequest, "anchor-on-reply");
    }
}
