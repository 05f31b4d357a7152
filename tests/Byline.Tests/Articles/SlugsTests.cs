using Byline.Web.Articles;

namespace Byline.Tests.Articles;

public sealed class SlugsTests
{
    [Theory]
    [InlineData("Harbour levy agreed after all-night talks", "harbour-levy-agreed-after-all-night-talks")]
    [InlineData("Café crème à São Paulo", "cafe-creme-a-sao-paulo")]
    [InlineData("Zürich's Ørsted deal: 3 ÉLUS!", "zurichs-ørsted-deal-3-elus")]
    [InlineData("  --Hello,   World--  ", "hello-world")]
    [InlineData("Don’t stop", "dont-stop")]
    [InlineData("北京 新闻", "北京-新闻")]
    [InlineData("東京の天気", "東京の天気")]
    [InlineData("がっこう ぎんこう", "がっこう-ぎんこう")]
    [InlineData("ガバナンス改革", "ガバナンス改革")]
    [InlineData("مرحبا بالعالم", "مرحبا-بالعالم")]
    [InlineData("हिन्दी समाचार", "हिन्दी-समाचार")]
    [InlineData("Ελληνικά νέα", "ελληνικά-νέα")]
    [InlineData("2026 budget", "2026-budget")]
    [InlineData("🎉🎉🎉", "")]
    public void SlugKeepsLettersOfEveryScriptAndDropsLatinAccents(string text, string slug)
    {
        Assert.Equal(slug, Slugs.From(text));
    }

    [Fact]
    public void DakutenStayComposed()
    {
        var slug = Slugs.From("が");

        Assert.Equal("\u304C", slug);
        Assert.True(slug.IsNormalized(System.Text.NormalizationForm.FormC));
    }

    [Fact]
    public void LongSlugIsCutAtAWordBoundary()
    {
        var slug = Slugs.From(string.Join(' ', Enumerable.Repeat("levy", 40)));

        Assert.True(slug.Length <= Slugs.MaxLength, $"{slug.Length} characters");
        Assert.True(slug.Length > Slugs.MaxLength / 2);
        Assert.False(slug.EndsWith('-'));
        Assert.All(slug.Split('-'), word => Assert.Equal("levy", word));
        Assert.True(Slugs.IsValid(slug));
    }

    [Fact]
    public void LongSlugWithoutWordsIsCutWithoutSplittingACharacter()
    {
        var slug = Slugs.From(string.Concat(Enumerable.Repeat("𠀀", 60)));

        Assert.True(slug.Length <= Slugs.MaxLength);
        Assert.False(char.IsHighSurrogate(slug[^1]));
        Assert.Equal(0, slug.Length % 2);
    }

    [Theory]
    [InlineData("harbour-levy")]
    [InlineData("a")]
    [InlineData("2026-budget")]
    [InlineData("北京-新闻")]
    [InlineData("がっこう")]
    [InlineData("हिन्दी-समाचार")]
    public void ValidSlugs(string slug)
    {
        Assert.True(Slugs.IsValid(slug));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Harbour-Levy")]
    [InlineData("harbour levy")]
    [InlineData("harbour--levy")]
    [InlineData("-harbour")]
    [InlineData("harbour-")]
    [InlineData("harbour_levy")]
    [InlineData("harbour/levy")]
    [InlineData("../etc")]
    public void InvalidSlugs(string? slug)
    {
        Assert.False(Slugs.IsValid(slug));
    }

    [Fact]
    public void OverlongSlugIsInvalid()
    {
        Assert.False(Slugs.IsValid(new string('a', 201)));
        Assert.True(Slugs.IsValid(new string('a', 200)));
    }

    [Fact]
    public void DerivedSlugsAreValid()
    {
        string[] headlines = ["Café crème", "北京 新闻", "がっこう", "Ελληνικά νέα", "A — B", "x'y"];
        Assert.All(headlines, h => Assert.True(Slugs.IsValid(Slugs.From(h)), Slugs.From(h)));
    }
}
