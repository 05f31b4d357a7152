using System.Text.Json;
using Byline.Data.Articles;
using Byline.Tests.Infrastructure;
using Byline.Web.Site.Discoverability;
using Microsoft.EntityFrameworkCore;
using static Byline.Tests.Site.Discoverability.DiscoveryKit;

namespace Byline.Tests.Site.Discoverability;

/// <summary>The schema.org JSON-LD in the pages' heads, read back and checked field by field.</summary>
public sealed class StructuredDataTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private static string[] Names(JsonElement array, string property) =>
        [.. array.EnumerateArray().Select(e => e.GetProperty(property).GetString()!)];

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public async Task StoryIsANewsArticleOfItsLabelsTypeWithBylinesImageSourceAndCorrections()
    {
        var factory = apps[Databases.Sqlite];
        // A zone an hour from UTC in November, so the offsets show they are the site's.
        await factory.UpdateSiteSettingsAsync(s => s.TimeZone = "Europe/Oslo");
        var slug = Unique.Slug("levy-analysis");
        await factory.AddStoryAsync(slug,
            writers: ["Ingrid Halvorsen", "Tomás Ruiz", "Amara Okafor"],
            source: new SourceCitation { Outlet = "The Harbour Ledger", OriginalTitle = "Summit ends with deal", OriginalDate = new DateOnly(2026, 11, 19), Url = "https://example.com/report" },
            published: new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero),
            updated: new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero));
        var key = await factory.UploadImageAsync(1700, 1063);
        var imageId = await factory.ImageIdAsync(key);
        await factory.ChangeStoryAsync(slug, (db, article) =>
        {
            article.Type = ArticleType.Analysis;
            article.Tags = ["shipping", "climate"];
            article.LeadImageId = imageId;
            db.ArticleCorrections.AddRange(
                new ArticleCorrection { ArticleId = article.Id, Kind = CorrectionKind.Correction, Text = "An earlier version gave the levy as 3 per cent.", CreatedAt = new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero) },
                new ArticleCorrection { ArticleId = article.Id, Kind = CorrectionKind.Update, Text = "Adds the ministry's reply.", CreatedAt = new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero) });
            return Task.CompletedTask;
        });

        var page = await factory.CreateClient().GetPageAsync($"/world/{slug}");

        var url = $"{Origin}/world/{slug}";
        Assert.Equal(url, Canonical(page));
        var article = JsonLdOfType(page, "AnalysisNewsArticle");
        Assert.Equal("https://schema.org", article.GetProperty("@context").GetString());
        Assert.Equal(TestData.Headline, article.GetProperty("headline").GetString());
        Assert.Equal(TestData.Standfirst, article.GetProperty("description").GetString());
        Assert.Equal("en", article.GetProperty("inLanguage").GetString());
        Assert.Equal("2026-11-20T10:30:00+01:00", article.GetProperty("datePublished").GetString());
        Assert.Equal("2026-11-21T09:00:00+01:00", article.GetProperty("dateModified").GetString());

        var authors = article.GetProperty("author");
        Assert.Equal(["Person", "Person", "Person"], Names(authors, "@type"));
        Assert.Equal(["Ingrid Halvorsen", "Tomás Ruiz", "Amara Okafor"], Names(authors, "name"));
        Assert.Equal([$"{Origin}/writers/ingrid-halvorsen", $"{Origin}/writers/tomas-ruiz", $"{Origin}/writers/amara-okafor"], Names(authors, "url"));

        Assert.Equal([$"{Origin}/media/{key}/crop/1x1.jpg", $"{Origin}/media/{key}/crop/4x3.jpg", $"{Origin}/media/{key}/crop/16x9.jpg"],
            Strings(article.GetProperty("image")));

        var publisher = article.GetProperty("publisher");
        Assert.Equal("Organization", publisher.GetProperty("@type").GetString());
        Assert.Equal("Byline", publisher.GetProperty("name").GetString());
        Assert.Equal($"{Origin}/", publisher.GetProperty("url").GetString());
        var logo = publisher.GetProperty("logo");
        Assert.Equal("ImageObject", logo.GetProperty("@type").GetString());
        Assert.Equal($"{Origin}{BuiltInImages.LogoPath}", logo.GetProperty("url").GetString());
        Assert.Equal((512, 512), (logo.GetProperty("width").GetInt32(), logo.GetProperty("height").GetInt32()));

        var mainEntity = article.GetProperty("mainEntityOfPage");
        Assert.Equal(("WebPage", url), (mainEntity.GetProperty("@type").GetString(), mainEntity.GetProperty("@id").GetString()));
        Assert.Equal(url, article.GetProperty("url").GetString());
        Assert.Equal("world", article.GetProperty("articleSection").GetString());
        Assert.Equal(["shipping", "climate"], Strings(article.GetProperty("keywords")));

        var source = article.GetProperty("isBasedOn");
        Assert.Equal("CreativeWork", source.GetProperty("@type").GetString());
        Assert.Equal("Summit ends with deal", source.GetProperty("name").GetString());
        Assert.Equal(("Organization", "The Harbour Ledger"), (source.GetProperty("publisher").GetProperty("@type").GetString(), source.GetProperty("publisher").GetProperty("name").GetString()));
        Assert.Equal("2026-11-19", source.GetProperty("datePublished").GetString());
        Assert.Equal("https://example.com/report", source.GetProperty("url").GetString());

        var corrections = article.GetProperty("correction");
        Assert.Equal(["CorrectionComment", "CorrectionComment"], Names(corrections, "@type"));
        Assert.Equal(["Correction", "Update"], Names(corrections, "name"));
        Assert.Equal(["An earlier version gave the levy as 3 per cent.", "Adds the ministry's reply."], Names(corrections, "text"));
        Assert.Equal(["2026-11-20T16:00:00+01:00", "2026-11-21T09:00:00+01:00"], Names(corrections, "datePublished"));
    }

    [Fact]
    public async Task StoryWithoutImageSourceOrCorrectionsIsAPlainNewsArticleWithoutThem()
    {
        var factory = apps[Databases.Sqlite];
        var slug = Unique.Slug("plain");
        await factory.AddStoryAsync(slug, standfirst: null);

        var page = await factory.CreateClient().GetPageAsync($"/world/{slug}");

        var article = JsonLdOfType(page, "NewsArticle");
        Assert.Equal(article.GetProperty("datePublished").GetString(), article.GetProperty("dateModified").GetString());
        foreach (var absent in new[] { "image", "isBasedOn", "correction", "keywords", "description" })
        {
            Assert.False(article.TryGetProperty(absent, out _), $"A story without one has no {absent}.");
        }
        Assert.Single(JsonLd(page));
    }

    [Fact]
    public async Task UserTextCannotCloseTheScriptElement()
    {
        var factory = apps[Databases.Sqlite];
        var slug = Unique.Slug("breakout");
        const string headline = "Levy </script><script>alert(1)</script> <!-- & \"quotes\" 港口";
        await factory.AddStoryAsync(slug, headline: headline, standfirst: "</SCRIPT ><img src=x onerror=alert(2)>");

        var response = await factory.CreateClient().GetAsync($"/world/{slug}");
        var html = await response.Content.ReadAsStringAsync();
        var page = Http.Parse(html);

        var article = JsonLdOfType(page, "NewsArticle");
        Assert.Equal(headline, article.GetProperty("headline").GetString());
        Assert.Equal("</SCRIPT ><img src=x onerror=alert(2)>", article.GetProperty("description").GetString());
        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(page.QuerySelectorAll("img[onerror]"));
        // Letters of every script stay as they are; only what HTML could read is escaped.
        var block = page.QuerySelector("script[type='application/ld+json']")!.TextContent;
        Assert.Contains("港口", block, StringComparison.Ordinal);
        Assert.DoesNotContain("<", block, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriterPageIsAPersonWhoWorksForTheSite()
    {
        var factory = apps[Databases.Sqlite];
        var name = "Nadia Rahman " + Unique.Suffix();
        var writerSlug = Byline.Web.Articles.Slugs.From(name);
        await factory.AddStoryAsync(Unique.Slug("by-nadia"), writers: [name]);
        await using (var db = factory.CreateDbContext())
        {
            var writer = await db.Writers.SingleAsync(w => w.Slug == writerSlug);
            writer.Bio = "Covers trade & shipping from Rotterdam.";
            await db.SaveChangesAsync();
        }

        var page = await factory.CreateClient().GetPageAsync($"/writers/{writerSlug}");

        var person = JsonLdOfType(page, "Person");
        Assert.Equal(name, person.GetProperty("name").GetString());
        Assert.Equal($"{Origin}/writers/{writerSlug}", person.GetProperty("url").GetString());
        Assert.Equal("Covers trade & shipping from Rotterdam.", person.GetProperty("description").GetString());
        Assert.False(person.TryGetProperty("jobTitle", out _), "Byline keeps no job titles.");
        var employer = person.GetProperty("worksFor");
        Assert.Equal(("Organization", "Byline", $"{Origin}/"), (employer.GetProperty("@type").GetString(), employer.GetProperty("name").GetString(), employer.GetProperty("url").GetString()));
        Assert.Equal($"{Origin}/writers/{writerSlug}", Canonical(page));
    }

    [Fact]
    public async Task FrontPageIsAWebSiteWithASearchAction()
    {
        var factory = apps[Databases.Sqlite];

        var page = await factory.CreateClient().GetPageAsync("/");

        var site = JsonLdOfType(page, "WebSite");
        Assert.Equal("Byline", site.GetProperty("name").GetString());
        Assert.Equal($"{Origin}/", site.GetProperty("url").GetString());
        Assert.Equal("News and reader discussion.", site.GetProperty("description").GetString());
        var action = site.GetProperty("potentialAction");
        Assert.Equal("SearchAction", action.GetProperty("@type").GetString());
        Assert.Equal("EntryPoint", action.GetProperty("target").GetProperty("@type").GetString());
        Assert.Equal($"{Origin}/search?q={{search_term_string}}", action.GetProperty("target").GetProperty("urlTemplate").GetString());
        Assert.Equal("required name=search_term_string", action.GetProperty("query-input").GetString());
        Assert.Equal($"{Origin}/", Canonical(page));
    }

    [Theory]
    [InlineData(ArticleType.News, "NewsArticle")]
    [InlineData(ArticleType.Analysis, "AnalysisNewsArticle")]
    [InlineData(ArticleType.Opinion, "OpinionNewsArticle")]
    [InlineData(ArticleType.Explainer, "BackgroundNewsArticle")]
    public void EveryLabelHasItsSchemaOrgType(ArticleType type, string schemaType) =>
        Assert.Equal(schemaType, StoryStructuredData.TypeOf(type));

    [Fact]
    public void SerializedJsonLdEscapesWhatHtmlReadsAndKeepsTheRest()
    {
        var json = Byline.Web.Site.Discoverability.JsonLd.Serialize(new System.Text.Json.Nodes.JsonObject { ["@type"] = "Thing", ["name"] = "a</script>b<!--c>&'\"ع" });

        Assert.StartsWith("{\"@context\":\"https://schema.org\",\"@type\":\"Thing\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.DoesNotContain(">", json, StringComparison.Ordinal);
        Assert.DoesNotContain("&", json, StringComparison.Ordinal);
        Assert.Contains("ع", json, StringComparison.Ordinal);
        Assert.Equal("a</script>b<!--c>&'\"ع", JsonDocument.Parse(json).RootElement.GetProperty("name").GetString());
    }
}
