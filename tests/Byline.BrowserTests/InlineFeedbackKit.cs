using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Byline.BrowserTests.Infrastructure;
using Byline.Data;
using Byline.Data.Accounts;
using Byline.Web.InlineFeedback;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Byline.BrowserTests;

/// <summary>
/// What inline feedback journeys start from and read back: stories an editor publishes and edits through the newsroom
/// API (so every edit is a real revision, re-anchored by the server's own background worker), responses posted through
/// the public API, the anchors the API reports, and a reader's mouse selection of exact words.
/// </summary>
public static class InlineFeedbackKit
{
    /// <summary>How long a journey waits for the background worker (it polls every 2 s; the machine is shared and slow).</summary>
    public static readonly TimeSpan WorkerTimeout = TimeSpan.FromSeconds(60);

    /// <summary>A published story and the newsroom's view of it; <see cref="Revision"/> is the latest one.</summary>
    public sealed record Story(int Id, string Path, string Slug, int Revision, Dictionary<string, object?> Input);

    /// <summary>An editor of the running site, who publishes and edits the stories of a test.</summary>
    public static Task<NewsroomStaff.Member> EditorAsync(BylineSite site) => NewsroomStaff.CreateAsync(site, Roles.Editor, "Edith Marlowe");

    /// <summary>A new story with <paramref name="body"/> (Markdown), created as a draft and published, as an editor does.</summary>
    public static async Task<Story> PublishAsync(BylineSite site, NewsroomStaff.Member editor, string body, string language = "en")
    {
        int sectionId;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            sectionId = await scope.ServiceProvider.GetRequiredService<BylineDbContext>().Sections
                .Where(s => s.Slug == "world").Select(s => s.Id).SingleAsync();
        }
        var input = new Dictionary<string, object?>
        {
            ["headline"] = $"Harbour levy vote {Guid.NewGuid().ToString("N")[..6]}",
            ["standfirst"] = "The council agreed a levy on heavy fuel.",
            ["sectionId"] = sectionId,
            ["language"] = language,
            ["body"] = body,
        };
        var created = await SendAsync(site, editor, HttpMethod.Post, "api/v1/newsroom/stories", input);
        var id = created.GetProperty("id").GetInt32();
        // An update replaces the whole story: it must name the writers the draft was credited to.
        input["writerIds"] = created.GetProperty("writerIds").EnumerateArray().Select(w => w.GetInt32()).ToArray();
        var published = await SendAsync(site, editor, HttpMethod.Post, $"api/v1/newsroom/stories/{id}/moves/publish", new { from = "Draft" });
        Assert.Equal("Published", published.GetProperty("state").GetString());
        return new Story(id, published.GetProperty("path").GetString()!, published.GetProperty("slug").GetString()!,
            published.GetProperty("revision").GetInt32(), input);
    }

    /// <summary>The editor saves a new body: a new revision, which queues re-anchoring of the story's passages.</summary>
    public static async Task<Story> EditBodyAsync(BylineSite site, NewsroomStaff.Member editor, Story story, string body)
    {
        var input = new Dictionary<string, object?>(story.Input) { ["body"] = body, ["revision"] = story.Revision };
        var saved = await SendAsync(site, editor, HttpMethod.Put, $"api/v1/newsroom/stories/{story.Id}", input);
        var revision = saved.GetProperty("revision").GetInt32();
        Assert.True(revision > story.Revision, "The edit did not write a new revision.");
        return story with { Revision = revision, Input = input };
    }

    /// <summary>The story's text as passages count it: what #story-body holds, without Byline's own additions.</summary>
    public static async Task<string> TextAsync(BylineSite site, Story story)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var html = await scope.ServiceProvider.GetRequiredService<BylineDbContext>().Articles
            .Where(a => a.Id == story.Id).Select(a => a.BodyHtml).SingleAsync();
        return StoryText.Of(html);
    }

    /// <summary>A response to the first occurrence of <paramref name="words"/>, posted through the public API as a guest.</summary>
    public static async Task<long> RespondAsync(BylineSite site, Story story, string words, string body)
    {
        var text = await TextAsync(site, story);
        var start = text.IndexOf(words, StringComparison.Ordinal);
        Assert.True(start >= 0, $"\"{words}\" is not in the story's text");
        var end = start + words.Length;
        var anchor = new
        {
            exact = words,
            prefix = text[Math.Max(0, start - 32)..start],
            suffix = text[end..Math.Min(text.Length, end + 32)],
            start,
            end,
            revision = story.Revision,
        };
        using var response = await site.Api.PostAsJsonAsync($"api/v1/articles/{story.Slug}/comments", new { body, authorName = "Harriet Colebrook", anchor });
        var json = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        return json.GetProperty("id").GetInt64();
    }

    /// <summary>A comment's anchor as the public API reports it (current start/end, state, outcome, revision).</summary>
    public static async Task<JsonElement> AnchorAsync(BylineSite site, long commentId)
    {
        var comment = await site.Api.GetFromJsonAsync<JsonElement>($"api/v1/comments/{commentId.ToString(CultureInfo.InvariantCulture)}");
        return comment.GetProperty("anchor");
    }

    /// <summary>
    /// Selects <paramref name="words"/> in the story body the way a reader does: presses the mouse just inside the first
    /// character, drags to just inside the last one and releases. The words are found in the story's text as passages
    /// count it (Byline's own additions, such as a highlight's count, skipped), so they may run across highlights.
    /// Returns what the browser then holds as the selection.
    /// </summary>
    public static async Task<string> SelectWithMouseAsync(IPage page, string words)
    {
        var box = await page.EvaluateAsync<JsonElement>(
            """
            (words) => {
                const body = document.getElementById('story-body');
                const walker = document.createTreeWalker(body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
                    acceptNode: (node) => node.nodeType === Node.ELEMENT_NODE && node.hasAttribute('data-passage-ui')
                        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
                });
                const nodes = [];
                let text = '';
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    if (node.nodeType === Node.TEXT_NODE) {
                        nodes.push({ node, start: text.length });
                        text += node.data;
                    }
                }
                const at = text.indexOf(words);
                if (at < 0) return null;
                // The box of the code point starting (or ending) at a text offset: an emoji is two UTF-16 units.
                const box = (offset, before) => {
                    const entry = nodes.findLast((n) => (before ? n.start < offset : n.start <= offset));
                    const local = offset - entry.start;
                    const width = before ? ([...entry.node.data.slice(0, local)].at(-1).length) : ([...entry.node.data.slice(local)][0].length);
                    const range = document.createRange();
                    range.setStart(entry.node, before ? local - width : local);
                    range.setEnd(entry.node, before ? local : local + width);
                    return range;
                };
                box(at, false).startContainer.parentElement.scrollIntoView({ block: 'center', behavior: 'instant' });
                const a = box(at, false).getClientRects()[0];
                const b = box(at + words.length, true).getClientRects()[0];
                return { x1: a.left + 2, y1: a.top + a.height / 2, x2: b.right - 2, y2: b.top + b.height / 2 };
            }
            """, words);
        Assert.True(box.ValueKind == JsonValueKind.Object, $"\"{words}\" is not in the story's text");
        await page.Mouse.MoveAsync(box.GetProperty("x1").GetSingle(), box.GetProperty("y1").GetSingle());
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.GetProperty("x2").GetSingle(), box.GetProperty("y2").GetSingle(), new MouseMoveOptions { Steps = 8 });
        await page.Mouse.UpAsync();
        return await page.EvaluateAsync<string>("() => window.getSelection().toString()");
    }

    /// <summary>
    /// Reloads the page until <paramref name="shows"/> holds: the page is rendered once per request, and what it should
    /// show appears only when the background worker has done its part.
    /// </summary>
    public static async Task ReloadUntilAsync(IPage page, ILocator shows, string what)
    {
        var deadline = DateTime.UtcNow + WorkerTimeout;
        while (true)
        {
            await page.ReloadAsync();
            if (await shows.CountAsync() > 0)
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, $"After {WorkerTimeout.TotalSeconds} s the page still does not show {what}.");
            // The pace of polling, not a condition: the loop ends on what the page shows.
            await page.WaitForTimeoutAsync(500);
        }
    }

    private static async Task<JsonElement> SendAsync(BylineSite site, NewsroomStaff.Member member, HttpMethod method, string path, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", member.Token);
        using var response = await site.Api.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
