using Byline.Data.Articles;
using Byline.Web.Articles;

namespace Byline.Tests.Articles;

public sealed class FrontMatterTests
{
    private const string Full = """
        ---
        headline: Harbour levy agreed after all-night talks
        slug: harbour-levy
        standfirst: Delegates agreed a levy on heavy fuel.
        writer:
          - Ingrid Halvorsen
          - Tomás Ruiz
        published: 2026-11-20T09:30:00Z
        updated: 2026-11-21T10:00:00+01:00
        section: World
        tags: [shipping, climate, shipping]
        language: en-GB
        source:
          outlet: Harbour Gazette
          title: Ports weigh a fuel levy
          date: 2026-11-19
          url: https://example.com/levy
        disclaimer: The writer owns no shipping shares.
        comments: closed
        ---

        The levy was agreed after a long night.

        Delegates left at dawn.
        """;

    private static StoryDocument Parsed(string text)
    {
        var (story, errors) = FrontMatter.Parse(text);
        Assert.Empty(errors);
        Assert.NotNull(story);
        return story;
    }

    private static string Minimal(string extra = "", string body = "Body text.") => $"""
        ---
        headline: Summit ends without a deal
        writer: Ingrid Halvorsen
        published: 2026-11-20T09:30:00Z
        section: world
        {extra}
        ---
        {body}
        """;

    private static string SingleError(string text)
    {
        var (story, errors) = FrontMatter.Parse(text);
        Assert.Null(story);
        return Assert.Single(errors);
    }

    [Fact]
    public void EveryKeyIsRead()
    {
        var story = Parsed(Full);

        Assert.Equal("Harbour levy agreed after all-night talks", story.Headline);
        Assert.Equal("harbour-levy", story.Slug);
        Assert.Equal("Delegates agreed a levy on heavy fuel.", story.Standfirst);
        Assert.Equal(["Ingrid Halvorsen", "Tomás Ruiz"], story.Writers);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero), story.Published);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero), story.Updated);
        Assert.Equal(TimeSpan.Zero, story.Updated!.Value.Offset);
        Assert.Equal("World", story.SectionName);
        Assert.Equal("world", story.SectionSlug);
        Assert.Equal(["shipping", "climate"], story.Tags);
        Assert.Equal("en-GB", story.Language);
        Assert.Equal(new SourceCitation
        {
            Outlet = "Harbour Gazette",
            OriginalTitle = "Ports weigh a fuel levy",
            OriginalDate = new DateOnly(2026, 11, 19),
            Url = "https://example.com/levy",
        }, story.Source);
        Assert.Equal(DisclaimerMode.Custom, story.DisclaimerMode);
        Assert.Equal("The writer owns no shipping shares.", story.DisclaimerText);
        Assert.False(story.CommentsOpen);
        Assert.Equal("The levy was agreed after a long night.\n\nDelegates left at dawn.\n", story.Body);
    }

    [Fact]
    public void OptionalKeysHaveDefaults()
    {
        var story = Parsed(Minimal());

        Assert.Equal("summit-ends-without-a-deal", story.Slug);
        Assert.Null(story.Standfirst);
        Assert.Equal(["Ingrid Halvorsen"], story.Writers);
        Assert.Null(story.Updated);
        Assert.Equal("World", story.SectionName);
        Assert.Empty(story.Tags);
        Assert.Equal("en", story.Language);
        Assert.Null(story.Source);
        Assert.Equal(DisclaimerMode.SiteDefault, story.DisclaimerMode);
        Assert.Null(story.DisclaimerText);
        Assert.True(story.CommentsOpen);
    }

    [Fact]
    public void WritersMayBeGivenUnderWriters()
    {
        Assert.Equal(["A One", "B Two", "C Three"], Parsed(Minimal("writers: [A One, B Two, C Three]").Replace("writer: Ingrid Halvorsen\n", "", StringComparison.Ordinal)).Writers);
    }

    [Fact]
    public void TagsMayBeACommaSeparatedString()
    {
        Assert.Equal(["shipping", "climate policy", "ports"], Parsed(Minimal("tags: shipping, climate policy , ports,")).Tags);
    }

    [Fact]
    public void TagsMayBeAList()
    {
        Assert.Equal(["shipping", "港湾"], Parsed(Minimal("tags:\n  - shipping\n  - 港湾")).Tags);
    }

    [Fact]
    public void SourceWithoutUrlHasNoUrl()
    {
        var story = Parsed(Minimal("source:\n  outlet: Harbour Gazette\n  title: Ports weigh a levy?\n  date: 2026-11-19"));

        Assert.Equal(new SourceCitation { Outlet = "Harbour Gazette", OriginalTitle = "Ports weigh a levy?", OriginalDate = new DateOnly(2026, 11, 19) }, story.Source);
    }

    [Theory]
    [InlineData("disclaimer: none", DisclaimerMode.None, null)]
    [InlineData("disclaimer: None", DisclaimerMode.None, null)]
    [InlineData("disclaimer: default", DisclaimerMode.SiteDefault, null)]
    [InlineData("disclaimer: Paid for by the harbour authority.", DisclaimerMode.Custom, "Paid for by the harbour authority.")]
    [InlineData("", DisclaimerMode.SiteDefault, null)]
    public void DisclaimerIsNoneCustomOrTheSiteDefault(string line, DisclaimerMode mode, string? text)
    {
        var story = Parsed(Minimal(line));

        Assert.Equal(mode, story.DisclaimerMode);
        Assert.Equal(text, story.DisclaimerText);
    }

    [Theory]
    [InlineData("comments: closed", false)]
    [InlineData("comments: false", false)]
    [InlineData("comments: open", true)]
    [InlineData("comments: yes", true)]
    public void CommentsMayBeClosed(string line, bool open)
    {
        Assert.Equal(open, Parsed(Minimal(line)).CommentsOpen);
    }

    [Fact]
    public void TimeWithoutOffsetIsUtc()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero), Parsed(Minimal().Replace("2026-11-20T09:30:00Z", "2026-11-20T09:30:00", StringComparison.Ordinal)).Published);
    }

    [Fact]
    public void WindowsLineEndingsAndByteOrderMarkAreAccepted()
    {
        var story = Parsed("\uFEFF" + Minimal().Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Equal("Summit ends without a deal", story.Headline);
        Assert.Equal("Body text.\n", story.Body);
    }

    [Fact]
    public void MissingHeadlineNamesTheKey()
    {
        var error = SingleError(Minimal().Replace("headline: Summit ends without a deal\n", "", StringComparison.Ordinal));

        Assert.StartsWith("headline:", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("published: yesterday")]
    [InlineData("published: 20/11/2026")]
    [InlineData("published: 2026-13-45T00:00:00Z")]
    public void BadDateNamesTheKey(string line)
    {
        var error = SingleError(Minimal().Replace("published: 2026-11-20T09:30:00Z", line, StringComparison.Ordinal));

        Assert.StartsWith("published:", error, StringComparison.Ordinal);
        Assert.Contains(line["published: ".Length..], error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingPublishedNamesTheKey()
    {
        Assert.StartsWith("published:", SingleError(Minimal().Replace("published: 2026-11-20T09:30:00Z\n", "", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void UpdatedBeforePublishedNamesTheKey()
    {
        Assert.StartsWith("updated:", SingleError(Minimal("updated: 2026-11-19T00:00:00Z")), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKeyIsNamed()
    {
        var error = SingleError(Minimal("auther: Someone"));

        Assert.Contains("'auther'", error, StringComparison.Ordinal);
        Assert.Contains("unknown key", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("example.com/levy")]
    [InlineData("ftp://example.com/levy")]
    public void BadSourceUrlNamesTheKey(string url)
    {
        var error = SingleError(Minimal($"source:\n  outlet: Harbour Gazette\n  title: Ports\n  date: 2026-11-19\n  url: \"{url}\""));

        Assert.StartsWith("source.url:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void IncompleteSourceNamesEachMissingKey()
    {
        var (story, errors) = FrontMatter.Parse(Minimal("source:\n  outlet: Harbour Gazette"));

        Assert.Null(story);
        Assert.Contains(errors, e => e.StartsWith("source.title:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("source.date:", StringComparison.Ordinal));
    }

    [Fact]
    public void BadSourceDateNamesTheKey()
    {
        Assert.StartsWith("source.date:", SingleError(Minimal("source:\n  outlet: G\n  title: T\n  date: last week")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Just a Markdown file.\n")]
    [InlineData("---\nheadline: never closed\n")]
    [InlineData("")]
    [InlineData("\n---\nheadline: x\n---\nbody")]
    public void MissingFrontMatterIsExplained(string text)
    {
        Assert.Contains("front matter", SingleError(text), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("---\nheadline: [unclosed\n---\nBody")]
    [InlineData("---\nheadline: a\n  bad: indentation: here\n---\nBody")]
    [InlineData("---\n\"unterminated\n---\nBody")]
    public void InvalidYamlIsExplained(string text)
    {
        var error = SingleError(text);

        Assert.Contains("front matter", error, StringComparison.Ordinal);
        Assert.Contains("YAML", error, StringComparison.Ordinal);
    }

    [Fact]
    public void FrontMatterThatIsNotAMapIsExplained()
    {
        Assert.Contains("front matter", SingleError("---\n- a\n- b\n---\nBody"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n   \n")]
    public void EmptyBodyIsExplained(string body)
    {
        Assert.Contains("body", SingleError(Minimal(body: body)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(">")]
    [InlineData("[")]
    [InlineData("- ")]
    public void BodyTooDeeplyNestedToRenderIsExplained(string level)
    {
        Assert.Contains("body", SingleError(Minimal(body: string.Concat(Enumerable.Repeat(level, 300)) + " x")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("slug: Not A Slug", "slug:")]
    [InlineData("language: english!", "language:")]
    [InlineData("comments: maybe", "comments:")]
    [InlineData("section: api", "section:")]
    [InlineData("standfirst: [a, b]", "standfirst:")]
    public void OtherBadValuesNameTheirKey(string line, string key)
    {
        var text = line.StartsWith("section:", StringComparison.Ordinal)
            ? Minimal().Replace("section: world", line, StringComparison.Ordinal)
            : Minimal(line);

        Assert.StartsWith(key, SingleError(text), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryProblemInAFileIsReported()
    {
        var (story, errors) = FrontMatter.Parse("---\nauther: x\npublished: soon\nsection: world\nwriter: A\n---\nBody");

        Assert.Null(story);
        Assert.Contains(errors, e => e.Contains("'auther'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("published:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("headline:", StringComparison.Ordinal));
    }
}
