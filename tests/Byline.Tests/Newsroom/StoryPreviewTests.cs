using System.Net;
using Byline.Data.Accounts;
using Byline.Tests.Infrastructure;

namespace Byline.Tests.Newsroom;

/// <summary>The live preview: the public page's own rendering of unsaved input, sanitized, behind the antiforgery check.</summary>
public sealed class StoryPreviewTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private const string HostileBody = """
        ## What was agreed

        <script>alert('body')</script>

        A [harmless looking link](javascript:alert('link')) and <img src="x" onerror="alert('img')">.

        > We will not back down.
        >
        > — Amara Okafor, Minister of Trade
        """;

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task PreviewRendersTheStoryAsThePublicPageWouldWithNothingExecutable(string provider)
    {
        var factory = apps[provider];
        var section = await factory.SectionAsync();
        var writer = await factory.CreateUserAsync(Roles.Writer);
        using var client = factory.ClientFor(writer);
        var form = await client.EditorFormAsync("/newsroom/new");
        form["Form.Headline"] = "Levy <b>agreed</b>";
        form["Form.SectionId"] = section.ToString(System.Globalization.CultureInfo.InvariantCulture);
        form["Form.Type"] = "Opinion";
        form["Form.Body"] = HostileBody;
        form["Form.SourceOutlet"] = "Harbour Gazette";
        form["Form.SourceTitle"] = "Ports weigh a fuel levy";
        form["Form.SourceDate"] = "2026-11-19";
        var request = new HttpRequestMessage(HttpMethod.Post, "/newsroom/preview") { Content = new FormUrlEncodedContent(Fields(form)) };
        request.Headers.Add("RequestVerificationToken", form["__RequestVerificationToken"]);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", html, StringComparison.OrdinalIgnoreCase);
        var fragment = Http.Parse(html);
        var story = fragment.QuerySelector("article.story")!;
        Assert.Equal("Levy <b>agreed</b>", story.QuerySelector("h1")!.Text());
        Assert.Equal("Opinion · World", story.QuerySelector(".kicker")!.Text());
        Assert.Equal("What was agreed", story.QuerySelector(".story-body h2")!.Text());
        Assert.NotNull(story.QuerySelector(".story-body figure blockquote"));
        Assert.Contains("Harbour Gazette", story.QuerySelector(".citation")!.Text(), StringComparison.Ordinal);
        Assert.Contains(writer.DisplayName, story.QuerySelector(".byline")!.Text(), StringComparison.Ordinal);
        Assert.Empty(fragment.QuerySelectorAll("script, [onerror], img[src='x']"));
        Assert.DoesNotContain("javascript:", string.Concat(fragment.QuerySelectorAll("[href]").Select(a => a.GetAttribute("href"))), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<script>", story.QuerySelector(".story-body")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task PreviewNeedsTheAntiforgeryTokenAndANewsroomRole(string provider)
    {
        var factory = apps[provider];
        var writer = await factory.CreateUserAsync(Roles.Writer);
        var reader = await factory.CreateUserAsync();
        using var client = factory.ClientFor(writer);
        using var readerClient = factory.ClientFor(reader);
        var form = await client.EditorFormAsync("/newsroom/new");
        form["__RequestVerificationToken"] = null;

        var withoutToken = await form.PostAsync(client, "/newsroom/preview");
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);

        var readerPage = await readerClient.GetAsync("/newsroom/new");
        Assert.Equal(HttpStatusCode.Forbidden, readerPage.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ThePreviewButtonWithoutJavaScriptShowsThePreviewAndSavesNothing(string provider)
    {
        var factory = apps[provider];
        var writer = await factory.CreateUserAsync(Roles.Writer);
        var story = await factory.CreateStoryAsync(writer);
        using var client = factory.ClientFor(writer);
        var page = await client.GetPageAsync($"/newsroom/stories/{story.Id()}");
        Assert.Equal(story.GetProperty("headline").GetString(), page.QuerySelector("#story-preview h1")!.Text());
        var form = NewsroomKit.Form.Of(page.QuerySelector("form#story-editor")!, $"/newsroom/stories/{story.Id()}");
        var previewAction = page.QuerySelector("button[formaction]")!.GetAttribute("formaction")!;
        form["Form.Headline"] = "A headline being tried out";
        form["Form.Body"] = "**Bold** words.";

        var response = await form.PostAsync(client, previewAction);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var previewed = await Http.ParseAsync(response);
        Assert.Equal("A headline being tried out", previewed.QuerySelector("#story-preview h1")!.Text());
        Assert.Equal("Bold", previewed.QuerySelector("#story-preview .story-body strong")!.Text());
        Assert.Equal("A headline being tried out", previewed.GetElementById("field-headline")!.GetAttribute("value"));
        Assert.Equal(story.GetProperty("headline").GetString(), (await factory.StoredAsync(story.Id())).Headline);
        Assert.Equal(1, await factory.RevisionCountAsync(story.Id()));
    }

    private static readonly string[] PreviewFields =
        ["__RequestVerificationToken", "Form.Headline", "Form.SectionId", "Form.Type", "Form.Body", "Form.SourceOutlet", "Form.SourceTitle", "Form.SourceDate", "Form.Writers", "Form.Language", "Form.Disclaimer", "Form.Comments"];

    private static IEnumerable<KeyValuePair<string, string>> Fields(NewsroomKit.Form form) =>
        PreviewFields.Select(name => new KeyValuePair<string, string>(name, form[name] ?? ""));
}
