using System.Net;
using System.Text.Json;
using Byline.Data.Comments;
using Byline.Tests.Infrastructure;

namespace Byline.Tests.Moderation;

/// <summary>The checks every new comment passes, through the JSON API and the form, and who then sees it.</summary>
public sealed class SubmitCheckTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private const string DiplomacyBody = "Envoys from both capitals agreed to resume border talks next month.\n\nThe foreign ministers met for six hours.\n";

    private static async Task AddDiplomacyStoryAsync(BylineFactory factory, string slug) =>
        await factory.AddStoryAsync(slug, section: "world", body: DiplomacyBody, headline: "Envoys agree to resume border talks");

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ChineseRecruitingCommentWithChatLinkOnEnglishStoryIsHeldWithReasonsAndHiddenFromOthers(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("envoys");
        await AddDiplomacyStoryAsync(factory, slug);
        var author = await factory.CreateUserAsync();
        var otherReader = await factory.CreateUserAsync();
        var moderator = await factory.ModeratorAsync();
        var handle = ModerationKit.Marker("huaren");
        var body = $"各位读者好！我们正在招募志愿者加入我们的组织，请加群 t.me/{handle} 了解详情。捐款后请把捐款收据发给群主，我们会统一登记并寄出感谢信。";

        using var authorClient = factory.ClientFor(author);
        var response = await authorClient.PostCommentAsync(slug, new { body });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.Equal("pending", json.Status());
        Assert.False(json.TryGetProperty("reasons", out _), "reasons are for moderators only");
        var id = json.Id();
        var stored = await factory.StoredAsync(id);
        Assert.Equal(CommentStatus.Pending, stored.Status);
        Assert.True(stored.Reasons.Count >= 2, string.Join(", ", stored.Reasons));
        Assert.Contains("suspect-word", stored.Codes());
        Assert.Contains("chat-link", stored.Codes());
        Assert.Contains("language-mismatch", stored.Codes());
        Assert.Equal((1, 0), await factory.CommentCountsAsync(slug));

        using var moderatorClient = factory.ClientFor(moderator);
        var item = await moderatorClient.QueueItemAsync(slug, id);
        Assert.NotNull(item);
        var reasons = item.Value.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Contains("chat-link:t.me", reasons);
        Assert.Contains("language-mismatch:zh≠en", reasons);
        Assert.Contains(reasons, r => r.StartsWith("suspect-word:", StringComparison.Ordinal));

        using var anonymous = factory.CreateClient();
        using var otherClient = factory.ClientFor(otherReader);
        foreach (var client in new[] { anonymous, otherClient })
        {
            Assert.DoesNotContain(handle, await client.BodyAsync($"/world/{slug}"));
            Assert.DoesNotContain(handle, await client.BodyAsync($"/world/{slug}/comments"));
            Assert.DoesNotContain(handle, await client.BodyAsync($"/api/v1/articles/{slug}/comments"));
            await Http.AssertProblemAsync(await client.GetAsync($"/api/v1/comments/{id}"), HttpStatusCode.NotFound, "comment-not-found");
        }
        var own = await authorClient.GetAsync($"/api/v1/comments/{id}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("pending", (await own.ReadJsonAsync()).Status());
        var ownPage = await authorClient.GetPageAsync($"/world/{slug}");
        Assert.Contains(handle, ownPage.QuerySelector(".own-held")?.TextContent ?? "");
        Assert.DoesNotContain(handle, ownPage.QuerySelector("#threads")!.TextContent);
    }

    public static TheoryData<string, string> Variants()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in new[] { Databases.Sqlite, Databases.Postgres })
        {
            foreach (var variant in new[] { "japanese-donation", "arabic-recruiting", "homoglyph", "zero-width", "too-many-links" })
            {
                data.Add(provider, variant);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task EvasiveOrOffTopicSolicitationIsHeldWithItsReason(string provider, string variant)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("envoys");
        await AddDiplomacyStoryAsync(factory, slug);
        var marker = ModerationKit.Marker("m");
        var (body, expected) = variant switch
        {
            "japanese-donation" => ($"この記事とは関係ありませんが、私たちのグループに参加してください。寄付の領収書もお送りします。 line.me/ti/g/{marker}",
                new[] { "suspect-word", "chat-link", "language-mismatch" }),
            "arabic-recruiting" => ($"انضم إلى مجموعتنا اليوم، نحن نجمع التبرعات للقضية ونرسل إيصال التبرع لكل متبرع. wa.me/{marker}",
                new[] { "suspect-word", "chat-link", "language-mismatch" }),
            // Cyrillic "о" in "donation", Cyrillic "р" and Greek "ε" in "receipts".
            "homoglyph" => ($"Please send your d\u043enation r\u03b5cei\u0440ts to our treasurer, reference {marker}.", new[] { "suspect-word" }),
            "zero-width" => ($"Everyone here should j\u200Boin our gr\u200Doup today, reference {marker}.", new[] { "suspect-word" }),
            _ => ($"Background: https://example.org/{marker} and https://example.net/b and https://example.com/c for more.", new[] { "link-count" }),
        };

        var json = await factory.CreateClient().PostCreatedAsync(slug, body);

        Assert.Equal("pending", json.Status());
        var stored = await factory.StoredAsync(json.Id());
        Assert.Equal(CommentStatus.Pending, stored.Status);
        Assert.All(expected, code => Assert.Contains(code, stored.Codes()));
        if (variant == "too-many-links")
        {
            Assert.Contains(stored.Reasons, r => r.Code == "link-count" && r.Detail == "3");
        }
        Assert.DoesNotContain(marker, await factory.CreateClient().BodyAsync($"/api/v1/articles/{slug}/comments"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task InnocentChineseCommentOnChineseStoryIsApprovedAndShown(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug("tanpan");
        await factory.AddStoryAsync(slug, language: "zh", headline: "两国同意下月恢复边界谈判",
            body: "两国外长会谈六个小时后，同意下个月恢复边界谈判。\n\n双方表示将继续保持沟通。\n");
        var marker = ModerationKit.Marker("ok");
        var body = $"这篇报道写得很清楚，谢谢作者。希望后续能继续关注谈判的进展，也想知道边境居民怎么看。{marker}";

        var json = await factory.CreateClient().PostCreatedAsync(slug, body);

        Assert.Equal("approved", json.Status());
        var stored = await factory.StoredAsync(json.Id());
        Assert.Equal(CommentStatus.Approved, stored.Status);
        Assert.Equal("zh", stored.Language);
        Assert.DoesNotContain("language-mismatch", stored.Codes());
        Assert.Equal((1, 1), await factory.CommentCountsAsync(slug));
        Assert.Contains(marker, await factory.CreateClient().BodyAsync($"/world/{slug}"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task BannedWordIsStoredRejectedWhileItsAuthorIsToldPending(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var word = "zorblax" + Guid.NewGuid().ToString("N")[..6];
        await factory.UpdateSiteSettingsAsync(s => s.BannedWords = (s.BannedWords + "\n" + word).Trim());
        var author = await factory.CreateUserAsync();
        using var client = factory.ClientFor(author);

        // Upper case and a look-alike letter: matched on normalized text all the same.
        var json = await client.PostCreatedAsync(slug, $"What {word.ToUpperInvariant().Replace('O', '\u039f')} nonsense this story is.");

        Assert.Equal("pending", json.Status());
        var stored = await factory.StoredAsync(json.Id());
        Assert.Equal(CommentStatus.Rejected, stored.Status);
        Assert.Contains(stored.Reasons, r => r.Code == "banned-word" && r.Detail == word);
        Assert.Equal("pending", (await (await client.GetAsync($"/api/v1/comments/{json.Id()}")).ReadJsonAsync()).Status());
        await Http.AssertProblemAsync(await factory.CreateClient().GetAsync($"/api/v1/comments/{json.Id()}"), HttpStatusCode.NotFound, "comment-not-found");
        Assert.Equal((1, 0), await factory.CommentCountsAsync(slug));
        var decision = Assert.Single(await factory.DecisionsAsync(json.Id()));
        Assert.Equal((CommentStatus.Pending, CommentStatus.Rejected, DecisionSource.Checks), (decision.From, decision.To, decision.Source));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FormWithTheHoneypotFilledIsStoredAsSpamAndItsSenderSeesItAwaitingModeration(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        var marker = ModerationKit.Marker("bot");
        using var bot = factory.FormClient();

        var response = await bot.SubmitAsync($"/world/{slug}", "#comment-form",
            ("Body", ModerationKit.Innocent(marker)), ("AuthorName", "Bot"), ("Website", "http://cheap.example"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches(@"^/comments/\d+/held\?k=", location);
        var comment = Assert.Single(await factory.CommentsOfAsync(slug));
        Assert.Equal(CommentStatus.Spam, comment.Status);
        Assert.Contains("honeypot", (await factory.StoredAsync(comment.Id)).Codes());
        var held = await bot.GetPageAsync(location);
        Assert.Contains("awaiting moderation", held.QuerySelector("h1")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(marker, await factory.CreateClient().BodyAsync($"/world/{slug}"));
        Assert.Equal((1, 0), await factory.CommentCountsAsync(slug));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FormPostedWithoutTheHoneypotIsPublished(string provider)
    {
        var factory = apps[provider];
        var slug = Unique.Slug();
        await factory.AddStoryAsync(slug);
        using var person = factory.FormClient();

        var response = await person.SubmitAsync($"/world/{slug}", "#comment-form", ("Body", ModerationKit.Innocent(ModerationKit.Marker("p"))), ("AuthorName", "Ana"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"/world/{slug}#comment-", response.Headers.Location!.OriginalString);
        Assert.Equal(CommentStatus.Approved, Assert.Single(await factory.CommentsOfAsync(slug)).Status);
    }
}
