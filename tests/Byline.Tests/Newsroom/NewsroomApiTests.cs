using System.Net;
using System.Net.Http.Json;
using Byline.Data.Accounts;
using Byline.Data.Articles;
using Byline.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Newsroom;

/// <summary>The newsroom API for automation: the same rules as the pages, every refusal as problem+json with a code.</summary>
public sealed class NewsroomApiTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private static readonly string[] Tags = ["ferries", "winter"];
    private static readonly string[] BadFields = ["headline", "language", "source.date", "source.title", "source.url", "type"];
    private static readonly int[] UnknownWriter = [999_999];

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AWriterCreatesADraftCreditedToThemAndReadsItBack(string provider)
    {
        var factory = apps[provider];
        var section = await factory.SectionAsync();
        var writer = await factory.CreateUserAsync(Roles.Writer);
        using var client = factory.ClientFor(writer);

        var response = await client.PostAsJsonAsync("/api/v1/newsroom/stories", NewsroomKit.StoryJson(section, "Ferry timetable changes for winter", json =>
        {
            json["tags"] = Tags;
            json["type"] = "explainer";
            json["language"] = "en-GB";
            json["disclaimer"] = "custom";
            json["disclaimerText"] = "The author commutes by ferry.";
            json["commentsOpen"] = false;
            json["note"] = "First draft";
        }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var story = await response.ReadJsonAsync();
        Assert.Equal($"/api/v1/newsroom/stories/{story.Id()}", response.Headers.Location!.OriginalString);
        Assert.Equal("Draft", story.GetProperty("state").GetString());
        Assert.Equal(1, story.Revision());
        Assert.Equal("ferry-timetable-changes-for-winter", story.GetProperty("slug").GetString()![..34]);
        Assert.Equal([writer.WriterId!.Value], story.GetProperty("writerIds").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("Explainer", story.GetProperty("type").GetString());
        Assert.Equal("custom", story.GetProperty("disclaimer").GetString());
        Assert.False(story.GetProperty("commentsOpen").GetBoolean());

        var read = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/newsroom/stories/{story.Id()}");
        Assert.Equal(story.ToString(), read.ToString());
        await using var db = factory.CreateDbContext();
        Assert.Equal("First draft", (await db.ArticleRevisions.SingleAsync(r => r.ArticleId == story.Id())).Note);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AHeadlineThatLooksShortEnoughButHoldsTooManyCodePointsIsAFieldErrorNotAServerError(string provider)
    {
        var factory = apps[provider];
        var section = await factory.SectionAsync();
        var writer = await factory.CreateUserAsync(Roles.Writer);
        using var client = factory.ClientFor(writer);
        // 200 flags: 200 characters as a reader counts them, 400 code points for a 300-character column.
        var flags = string.Concat(Enumerable.Repeat("🇳🇴", 200));

        var response = await client.PostAsJsonAsync("/api/v1/newsroom/stories", new { headline = flags, slug = Unique.Slug(), sectionId = section, body = "Text." });

        var problem = await Http.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(["headline"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        // 75 flags, 150 code points: stored whole.
        var fits = await client.PostAsJsonAsync("/api/v1/newsroom/stories", new { headline = flags[..300], slug = Unique.Slug(), sectionId = section, body = "Text." });
        Assert.True(fits.StatusCode == HttpStatusCode.Created, await fits.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task BadFieldsAreRefusedTogetherWithAnErrorEachAndNothingIsStored(string provider)
    {
        var factory = apps[provider];
        var section = await factory.SectionAsync();
        var writer = await factory.CreateUserAsync(Roles.Writer);
        using var client = factory.ClientFor(writer);
        await using var db = factory.CreateDbContext();
        var before = await db.Articles.CountAsync();

        var response = await client.PostAsJsonAsync("/api/v1/newsroom/stories", new
        {
            headline = "",
            sectionId = section,
            body = "Text.",
            language = "not a language",
            type = "rumour",
            source = new { outlet = "Gazette", url = "mailto:editor@example.com" },
            writerIds = UnknownWriter,
        });

        var problem = await Http.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        var fields = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order();
        Assert.Equal(BadFields.Order(), fields);
        Assert.Equal(before, await db.Articles.CountAsync());

        var malformed = await client.PostAsync("/api/v1/newsroom/stories", new StringContent("{\"headline\":", System.Text.Encoding.UTF8, "application/json"));
        await Http.AssertProblemAsync(malformed, HttpStatusCode.BadRequest, "malformed-json");
        var form = await client.PostAsync("/api/v1/newsroom/stories", new FormUrlEncodedContent([new("headline", "x")]));
        await Http.AssertProblemAsync(form, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnUpdateMustNameTheLatestRevision(string provider)
    {
        var factory = apps[provider];
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var story = await factory.CreateStoryAsync(editor);
        var id = story.Id();
        var section = await factory.SectionAsync();
        using var client = factory.ClientFor(editor);

        var missing = await client.PutAsJsonAsync($"/api/v1/newsroom/stories/{id}", NewsroomKit.StoryJson(section, "No revision given"));
        await Http.AssertProblemAsync(missing, HttpStatusCode.BadRequest, "validation-failed");

        var saved = await client.PutAsJsonAsync($"/api/v1/newsroom/stories/{id}", NewsroomKit.StoryJson(section, "Second take", j => { j["revision"] = 1; j["writerIds"] = new[] { editor.WriterId }; }));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(2, (await saved.ReadJsonAsync()).Revision());

        var stale = await client.PutAsJsonAsync($"/api/v1/newsroom/stories/{id}", NewsroomKit.StoryJson(section, "Based on the first", j => { j["revision"] = 1; j["writerIds"] = new[] { editor.WriterId }; }));
        var problem = await Http.AssertProblemAsync(stale, HttpStatusCode.Conflict, "revision-conflict");
        Assert.Equal(2, problem.GetProperty("latestRevision").GetInt32());
        Assert.Equal($"/newsroom/stories/{id}/revisions/diff?from=1&to=2", problem.GetProperty("diff").GetString());
        Assert.Equal("Second take", (await factory.StoredAsync(id)).Headline);
        Assert.Equal(2, await factory.RevisionCountAsync(id));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task StoriesAPersonMayNotSeeAreNotFoundAndReadersCannotWrite(string provider)
    {
        var factory = apps[provider];
        var section = await factory.SectionAsync();
        var writer = await factory.CreateUserAsync(Roles.Writer);
        var other = await factory.CreateUserAsync(Roles.Writer);
        var reader = await factory.CreateUserAsync();
        var id = (await factory.CreateStoryAsync(writer)).Id();

        foreach (var person in new[] { other, reader })
        {
            using var client = factory.ClientFor(person);
            await Http.AssertProblemAsync(await client.GetAsync($"/api/v1/newsroom/stories/{id}"), HttpStatusCode.NotFound, "story-not-found");
            await Http.AssertProblemAsync(await client.PutAsJsonAsync($"/api/v1/newsroom/stories/{id}", NewsroomKit.StoryJson(section, "Mine now", j => j["revision"] = 1)), HttpStatusCode.NotFound, "story-not-found");
            await Http.AssertProblemAsync(await client.PostAsync($"/api/v1/newsroom/stories/{id}/moves/submit", null), HttpStatusCode.NotFound, "story-not-found");
        }
        using var readerClient = factory.ClientFor(reader);
        await Http.AssertProblemAsync(await readerClient.PostAsJsonAsync("/api/v1/newsroom/stories", NewsroomKit.StoryJson(section, "A reader's story")), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.NotFound, (await readerClient.GetAsync("/api/v1/newsroom/stories/987654")).StatusCode);

        using var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/newsroom/stories/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/newsroom/stories", NewsroomKit.StoryJson(section, "Anonymous"))).StatusCode);
        Assert.Equal("Draft", (await factory.StoredAsync(id)).State.ToString());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AWriterCannotEditTheirStoryInReviewButAnEditorCan(string provider)
    {
        var factory = apps[provider];
        var section = await factory.SectionAsync();
        var writer = await factory.CreateUserAsync(Roles.Writer);
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var id = (await factory.CreateStoryAsync(writer)).Id();
        using var writerClient = factory.ClientFor(writer);
        using var editorClient = factory.ClientFor(editor);
        Assert.Equal(HttpStatusCode.OK, (await writerClient.PostAsync($"/api/v1/newsroom/stories/{id}/moves/submit", null)).StatusCode);

        var refused = await writerClient.PutAsJsonAsync($"/api/v1/newsroom/stories/{id}", NewsroomKit.StoryJson(section, "Sneaky edit", j => { j["revision"] = 1; j["writerIds"] = new[] { writer.WriterId }; }));
        await Http.AssertProblemAsync(refused, HttpStatusCode.Forbidden, "forbidden");

        var edited = await editorClient.PutAsJsonAsync($"/api/v1/newsroom/stories/{id}", NewsroomKit.StoryJson(section, "Edited in review", j => { j["revision"] = 1; j["writerIds"] = new[] { writer.WriterId }; }));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(ArticleState.InReview, (await factory.StoredAsync(id)).State);
        Assert.Equal("Edited in review", (await factory.StoredAsync(id)).Headline);
    }
}
