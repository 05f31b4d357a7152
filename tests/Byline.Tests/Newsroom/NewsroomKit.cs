using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Byline.Data.Articles;
using Byline.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Newsroom;

/// <summary>Arranging newsroom stories and driving the newsroom's forms, as a writer or editor would.</summary>
public static class NewsroomKit
{
    public const string Body = "The levy was agreed after a long night.\n\nDelegates left at dawn.";

    /// <summary>A section to file stories under (made once per app).</summary>
    public static async Task<int> SectionAsync(this BylineFactory factory, string name = "World")
    {
        await using var db = factory.CreateDbContext();
        var slug = Byline.Web.Articles.Slugs.From(name);
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Slug == slug);
        if (section is null)
        {
            section = db.Sections.Add(new Section { Slug = slug, Name = name }).Entity;
            await db.SaveChangesAsync();
        }
        return section.Id;
    }

    /// <summary>A story body for the API, with every required field; <paramref name="change"/> adjusts it.</summary>
    public static Dictionary<string, object?> StoryJson(int sectionId, string headline, Action<Dictionary<string, object?>>? change = null)
    {
        var json = new Dictionary<string, object?>
        {
            ["headline"] = headline,
            ["standfirst"] = "Delegates agreed a levy on heavy fuel.",
            ["sectionId"] = sectionId,
            ["body"] = Body,
        };
        change?.Invoke(json);
        return json;
    }

    /// <summary>Creates a draft through the API as this user; returns the story as the API shows it.</summary>
    public static async Task<JsonElement> CreateStoryAsync(
        this BylineFactory factory, TestUsers.TestUser user, string? headline = null, Action<Dictionary<string, object?>>? change = null)
    {
        var section = await factory.SectionAsync();
        using var client = factory.ClientFor(user);
        var response = await client.PostAsJsonAsync("/api/v1/newsroom/stories", StoryJson(section, headline ?? $"Story {Unique.Suffix()}", change));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    /// <summary>Puts a story in a state directly in the database (arranging, not acting).</summary>
    public static async Task SetStateAsync(this BylineFactory factory, int id, ArticleState state)
    {
        await using var db = factory.CreateDbContext();
        var story = await db.Articles.SingleAsync(a => a.Id == id);
        story.State = state;
        story.PublishAt = state == ArticleState.Scheduled ? factory.Time.GetUtcNow().AddDays(1) : null;
        story.PublishedAt = state is ArticleState.Published or ArticleState.Unpublished ? factory.Time.GetUtcNow().AddHours(-1) : null;
        await db.SaveChangesAsync();
    }

    public static async Task<Article> StoredAsync(this BylineFactory factory, int id)
    {
        await using var db = factory.CreateDbContext();
        return await db.Articles.AsNoTracking().Include(a => a.Bylines).Include(a => a.Section).SingleAsync(a => a.Id == id);
    }

    public static async Task<int> RevisionCountAsync(this BylineFactory factory, int id)
    {
        await using var db = factory.CreateDbContext();
        return await db.ArticleRevisions.CountAsync(r => r.ArticleId == id);
    }

    public static int Id(this JsonElement story) => story.GetProperty("id").GetInt32();

    public static int Revision(this JsonElement story) => story.GetProperty("revision").GetInt32();

    /// <summary>A form of a page as the browser would submit it: its fields (first value of each name) and its token.</summary>
    public sealed class Form(string action, List<KeyValuePair<string, string>> fields)
    {
        public string Action { get; } = action;

        public string? this[string name]
        {
            get => fields.Find(f => f.Key == name).Value;
            set
            {
                fields.RemoveAll(f => f.Key == name);
                if (value is not null)
                {
                    fields.Add(new(name, value));
                }
            }
        }

        /// <summary>Replaces every value of a repeated field (the byline selects).</summary>
        public void SetAll(string name, IEnumerable<string> values)
        {
            fields.RemoveAll(f => f.Key == name);
            fields.AddRange(values.Select(v => new KeyValuePair<string, string>(name, v)));
        }

        public Task<HttpResponseMessage> PostAsync(HttpClient client, string? action = null) =>
            client.PostAsync(action ?? Action, new FormUrlEncodedContent(fields));

        /// <summary>Reads a form off a page the way a browser submits it.</summary>
        public static Form Of(IElement form, string pageUrl)
        {
            var fields = new List<KeyValuePair<string, string>>();
            foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
            {
                var name = element.GetAttribute("name")!;
                switch (element)
                {
                    case AngleSharp.Html.Dom.IHtmlInputElement { Type: "radio" or "checkbox" } box when !box.IsChecked:
                        continue;
                    case AngleSharp.Html.Dom.IHtmlInputElement input:
                        fields.Add(new(name, input.Value));
                        break;
                    case AngleSharp.Html.Dom.IHtmlTextAreaElement area:
                        fields.Add(new(name, area.Value));
                        break;
                    case AngleSharp.Html.Dom.IHtmlSelectElement select:
                        fields.Add(new(name, (select.SelectedOptions.Length > 0 ? select.SelectedOptions[0].Value : null) ?? ""));
                        break;
                }
            }
            return new Form(form.GetAttribute("action") ?? pageUrl, fields);
        }
    }

    /// <summary>The story editor's form, as loaded for this client.</summary>
    public static async Task<Form> EditorFormAsync(this HttpClient client, string url)
    {
        var page = await client.GetPageAsync(url);
        return Form.Of(page.QuerySelector("form#story-editor")!, url);
    }

    /// <summary>The form of a workflow move on the editor page.</summary>
    public static async Task<Form> MoveFormAsync(this HttpClient client, int id, string move)
    {
        var page = await client.GetPageAsync($"/newsroom/stories/{id}");
        var form = page.QuerySelector($"form.move-{move}");
        Assert.True(form is not null, $"The editor offers no '{move}' move.");
        return Form.Of(form, $"/newsroom/stories/{id}");
    }
}
