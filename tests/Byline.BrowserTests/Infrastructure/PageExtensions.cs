using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Byline.BrowserTests.Infrastructure;

/// <summary>What the tests read off a page, in the words a reader would use.</summary>
public static partial class PageExtensions
{
    /// <summary>Opens a page of the site in this context and checks it answered 200.</summary>
    public static async Task<IPage> OpenAsync(this IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(path);
        Assert.True(response is { Ok: true }, $"GET {path} answered {response?.Status}");
        return page;
    }

    /// <summary>An element's text (its DOM text, whatever the stylesheet does to it) with runs of whitespace collapsed.</summary>
    public static async Task<string> TextAsync(this ILocator locator) => Normalize(await locator.TextContentAsync() ?? "");

    /// <summary>An element's rendered text (innerText: what is shown, as styled) with runs of whitespace collapsed.</summary>
    public static async Task<string> VisibleTextAsync(this ILocator locator) => Normalize(await locator.InnerTextAsync());

    public static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>The discussion header, e.g. "21 Comments · 0 Inline Feedbacks · View all comments", read as numbers.</summary>
    public static async Task<(int Comments, int InlineFeedbacks)> DiscussionCountsAsync(this IPage page)
    {
        var header = await page.Locator(".discussion-header").VisibleTextAsync();
        var match = DiscussionHeader().Match(header);
        Assert.True(match.Success, $"The discussion header reads \"{header}\"");
        return (ParseCount(match.Groups["comments"].Value), ParseCount(match.Groups["feedback"].Value));
    }

    /// <summary>Submits a comment form and waits for the page the server sends the reader to; returns the new comment's id.</summary>
    public static async Task<long> PostCommentAsync(this IPage page, ILocator form, string name, string body)
    {
        await form.GetByLabel("Name", new LocatorGetByLabelOptions { Exact = true }).FillAsync(name);
        await form.GetByLabel("Comment", new LocatorGetByLabelOptions { Exact = true }).FillAsync(body);
        await form.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Post comment" }).ClickAsync();
        await page.WaitForURLAsync(CommentAnchor());
        return long.Parse(CommentAnchor().Match(page.Url).Groups["id"].Value, CultureInfo.InvariantCulture);
    }

    private static int ParseCount(string value) => int.Parse(value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?<comments>[\d,]+) Comments? · (?<feedback>[\d,]+) Inline Feedbacks?( · View all comments)?$")]
    private static partial Regex DiscussionHeader();

    [GeneratedRegex(@"#comment-(?<id>\d+)$")]
    private static partial Regex CommentAnchor();
}
