using System.Net;
using Byline.Data.Accounts;
using Byline.Data.Articles;
using Byline.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Newsroom;

/// <summary>The editor page: drafting, saving (a revision per save), validation next to each field, and conflicts.</summary>
public sealed class StoryEditorTests(BylineApps apps) : IClassFixture<BylineApps>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task WriterDraftsAStoryAndEverySaveWritesARevision(string provider)
    {
        var factory = apps[provider];
        var section = await factory.SectionAsync();
        var writer = await factory.CreateUserAsync(Roles.Writer);
        using var client = factory.ClientFor(writer);
        var headline = $"Harbour levy agreed {Unique.Suffix()}";

        var form = await client.EditorFormAsync("/newsroom/new");
        Assert.Equal(writer.WriterId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), form["Form.Writers"]);
        form["Form.Headline"] = headline;
        form["Form.SectionId"] = section.ToString(System.Globalization.CultureInfo.InvariantCulture);
        form["Form.Body"] = "The levy was agreed.\n\n## What next\n\nTalks resume in spring.";
        form["Form.Tags"] = "shipping, climate, shipping";
        form["Form.SourceOutlet"] = "Harbour Gazette";
        form["Form.SourceTitle"] = "Ports weigh a fuel levy";
        form["Form.SourceDate"] = "2026-11-19";
        form["Form.SourceUrl"] = "https://example.com/levy";
        form["Form.Type"] = "Analysis";
        var created = await form.PostAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        Assert.Matches(@"^/newsroom/stories/\d+\?notice=created$", location);
        var id = int.Parse(location.Split('/', '?')[3], System.Globalization.CultureInfo.InvariantCulture);
        var story = await factory.StoredAsync(id);
        Assert.Equal(headline, story.Headline);
        Assert.Equal(ArticleState.Draft, story.State);
        Assert.Equal(writer.Id, story.CreatedByUserId);
        Assert.Equal([writer.WriterId!.Value], story.Bylines.OrderBy(b => b.Position).Select(b => b.WriterId));
        Assert.Equal(["shipping", "climate"], story.Tags);
        Assert.Equal(ArticleType.Analysis, story.Type);
        Assert.Equal("Harbour Gazette", story.Source?.Outlet);
        Assert.Contains("<h2", story.BodyHtml, StringComparison.Ordinal);
        Assert.Equal(1, story.Revision);
        Assert.Equal(1, await factory.RevisionCountAsync(id));
        var page = await client.GetPageAsync(location);
        Assert.Contains("Draft created", page.QuerySelector(".notice")!.Text(), StringComparison.Ordinal);

        form = await client.EditorFormAsync($"/newsroom/stories/{id}");
        Assert.Equal("1", form["Form.Revision"]);
        form["Form.Headline"] = headline + ", at last";
        form["Form.Note"] = "Sharper headline";
        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(client)).StatusCode);

        await using (var db = factory.CreateDbContext())
        {
            var revisions = await db.ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Number).ToListAsync();
            Assert.Equal([1, 2], revisions.Select(r => r.Number));
            Assert.Equal([headline, headline + ", at last"], revisions.Select(r => r.Headline));
            Assert.Equal("Sharper headline", revisions[1].Note);
            Assert.All(revisions, r => Assert.Equal(writer.Id, r.AuthorUserId));
        }

        // Saving what is already stored writes nothing new.
        form = await client.EditorFormAsync($"/newsroom/stories/{id}");
        var unchanged = await form.PostAsync(client);
        Assert.EndsWith("?notice=unchanged", unchanged.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(2, await factory.RevisionCountAsync(id));
    }

    public static TheoryData<string, string, string?, string> BadFields => new()
    {
        { Databases.Sqlite, "Form.Headline", "", "headline" },
        { Databases.Postgres, "Form.Headline", new string('h', 301), "headline" },
        { Databases.Sqlite, "Form.Slug", "Not A Slug!", "slug" },
        { Databases.Postgres, "Form.SectionId", "", "sectionId" },
        { Databases.Sqlite, "Form.SectionId", "987654", "sectionId" },
        { Databases.Postgres, "Form.Writers", "987654", "writerIds" },
        { Databases.Sqlite, "Form.Language", "english", "language" },
        { Databases.Postgres, "Form.Type", "Gossip", "type" },
        { Databases.Sqlite, "Form.Body", "  ", "body" },
        { Databases.Postgres, "Form.Tags", "fine, " + new string('t', 61), "tags" },
        { Databases.Sqlite, "Form.SourceOutlet", "Harbour Gazette", "source.title" },
        { Databases.Postgres, "Form.SourceDate", "19/11/2026", "source.outlet" },
        { Databases.Sqlite, "Form.SourceUrl", "javascript:alert(1)", "source.url" },
        { Databases.Postgres, "Form.Disclaimer", "custom", "disclaimerText" },
        { Databases.Sqlite, "Form.Disclaimer", "sometimes", "disclaimer" },
        { Databases.Postgres, "Form.LeadImageId", "987654", "leadImageId" },
        { Databases.Sqlite, "Form.Note", new string('n', 501), "note" },
        { Databases.Postgres, "Form.NewSection", "Culture", "newSection" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task EachBadFieldIsShownNextToItAndNothingIsStored(string provider, string field, string? value, string errorKey)
    {
        var factory = apps[provider];
        var section = await factory.SectionAsync();
        var writer = await factory.CreateUserAsync(Roles.Writer);
        using var client = factory.ClientFor(writer);
        var headline = $"Valid headline {Unique.Suffix()}";
        var form = await client.EditorFormAsync("/newsroom/new");
        form["Form.Headline"] = headline;
        form["Form.SectionId"] = section.ToString(System.Globalization.CultureInfo.InvariantCulture);
        form["Form.Body"] = "A body.";
        form[field] = value;
        await using var before = factory.CreateDbContext();
        var stories = await before.Articles.CountAsync();

        var response = await form.PostAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Http.ParseAsync(response);
        var errorId = Byline.Web.Newsroom.StoryEditorModel.FieldId(errorKey) + "-error";
        // A writer has no field for a new section: that error shows at the section they must choose instead.
        var controlId = errorKey == "newSection" ? "field-section" : Byline.Web.Newsroom.StoryEditorModel.FieldId(errorKey);
        var error = page.GetElementById(errorId);
        Assert.True(error is not null, $"No error shown for {errorKey}: {page.QuerySelector(".form-error")?.Text()}");
        Assert.False(string.IsNullOrWhiteSpace(error.Text()));
        var control = page.GetElementById(controlId)!;
        Assert.Contains(errorId, control.GetAttribute("aria-describedby") ?? "", StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($".error-summary a[href='#{controlId}']"));
        // What was typed is still there to fix.
        Assert.Equal(field == "Form.Headline" ? value ?? "" : headline, page.GetElementById("field-headline")!.GetAttribute("value") ?? "");
        await using var after = factory.CreateDbContext();
        Assert.Equal(stories, await after.Articles.CountAsync());
        Assert.False(await after.Sections.AnyAsync(s => s.Name == "Culture"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnOverlongBodyIsRefusedAndNothingIsStored(string provider)
    {
        var factory = apps[provider];
        var section = await factory.SectionAsync();
        var writer = await factory.CreateUserAsync(Roles.Writer);
        using var client = factory.ClientFor(writer);
        var headline = $"Long read {Unique.Suffix()}";
        var form = await client.EditorFormAsync("/newsroom/new");
        form["Form.Headline"] = headline;
        form["Form.SectionId"] = section.ToString(System.Globalization.CultureInfo.InvariantCulture);

        form["Form.Body"] = string.Concat(Enumerable.Repeat("A sentence of the story. ", 4_100));
        var tooLong = await form.PostAsync(client);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("longer than 100,000 characters", (await Http.ParseAsync(tooLong)).GetElementById("field-body-error")!.Text(), StringComparison.Ordinal);

        // Beyond what the form reader accepts at all: refused before any handler runs, never a server error.
        form["Form.Body"] = new string('x', 1_100_000);
        var tooLarge = await form.PostAsync(client);
        Assert.True(tooLarge.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{(int)tooLarge.StatusCode}");

        await using var db = factory.CreateDbContext();
        Assert.False(await db.Articles.AnyAsync(a => a.Headline == headline));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ABadEditOfAStoredStoryStoresNothing(string provider)
    {
        var factory = apps[provider];
        var writer = await factory.CreateUserAsync(Roles.Writer);
        var story = await factory.CreateStoryAsync(writer);
        using var client = factory.ClientFor(writer);
        var form = await client.EditorFormAsync($"/newsroom/stories/{story.Id()}");
        form["Form.Headline"] = "A new headline";
        form["Form.SourceUrl"] = "ftp://example.com/file";

        var response = await form.PostAsync(client);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var stored = await factory.StoredAsync(story.Id());
        Assert.Equal(story.GetProperty("headline").GetString(), stored.Headline);
        Assert.Equal(1, stored.Revision);
        Assert.Equal(1, await factory.RevisionCountAsync(story.Id()));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ASaveBasedOnAnOldRevisionIsAConflictThatLinksTheDiffAndStoresNothing(string provider)
    {
        var factory = apps[provider];
        var writer = await factory.CreateUserAsync(Roles.Writer);
        var first = await factory.CreateUserAsync(Roles.Editor);
        var second = await factory.CreateUserAsync(Roles.Editor);
        var id = (await factory.CreateStoryAsync(writer)).Id();
        using var firstClient = factory.ClientFor(first);
        using var secondClient = factory.ClientFor(second);
        var firstForm = await firstClient.EditorFormAsync($"/newsroom/stories/{id}");
        var secondForm = await secondClient.EditorFormAsync($"/newsroom/stories/{id}");

        firstForm["Form.Headline"] = "The first editor's headline";
        Assert.Equal(HttpStatusCode.Redirect, (await firstForm.PostAsync(firstClient)).StatusCode);
        secondForm["Form.Headline"] = "The second editor's headline";
        var conflict = await secondForm.PostAsync(secondClient);

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var page = await Http.ParseAsync(conflict);
        Assert.Contains("Nothing was saved", page.QuerySelector("#editor-problem")!.Text(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"#editor-problem a[href='/newsroom/stories/{id}/revisions/diff?from=1&to=2']"));
        Assert.Equal("The second editor's headline", page.GetElementById("field-headline")!.GetAttribute("value"));
        var stored = await factory.StoredAsync(id);
        Assert.Equal("The first editor's headline", stored.Headline);
        Assert.Equal(2, await factory.RevisionCountAsync(id));

        // Having seen the changes, the second editor may knowingly save over them.
        var overwrite = NewsroomKit.Form.Of(page.QuerySelector("form#story-editor")!, $"/newsroom/stories/{id}");
        overwrite["Form.Overwrite"] = page.QuerySelector("button[name='Form.Overwrite']")!.GetAttribute("value");
        Assert.Equal(HttpStatusCode.Redirect, (await overwrite.PostAsync(secondClient)).StatusCode);
        Assert.Equal("The second editor's headline", (await factory.StoredAsync(id)).Headline);
        Assert.Equal(3, await factory.RevisionCountAsync(id));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task WriterCannotEditTheirStoryOnceSubmittedAndNeverSeesAnotherWritersStory(string provider)
    {
        var factory = apps[provider];
        var writer = await factory.CreateUserAsync(Roles.Writer);
        var other = await factory.CreateUserAsync(Roles.Writer);
        var id = (await factory.CreateStoryAsync(writer)).Id();
        using var client = factory.ClientFor(writer);
        using var otherClient = factory.ClientFor(other);
        var form = await client.EditorFormAsync($"/newsroom/stories/{id}");
        await factory.SetStateAsync(id, ArticleState.InReview);

        form["Form.Headline"] = "Changed in review";
        Assert.Equal(HttpStatusCode.Forbidden, (await form.PostAsync(client)).StatusCode);
        var page = await client.GetPageAsync($"/newsroom/stories/{id}");
        Assert.True(page.QuerySelector("fieldset.editor-fields")!.HasAttribute("disabled"));
        Assert.Equal(["withdraw"], page.QuerySelectorAll("form.workflow-move input[name=move]").Select(i => i.GetAttribute("value")));

        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/newsroom/stories/{id}")).StatusCode);
        var othersForm = await otherClient.EditorFormAsync("/newsroom/new");
        othersForm["Form.Headline"] = "Changed in review";
        Assert.Equal(HttpStatusCode.NotFound, (await othersForm.PostAsync(otherClient, $"/newsroom/stories/{id}")).StatusCode);
        Assert.NotEqual("Changed in review", (await factory.StoredAsync(id)).Headline);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ThePublishedSlugIsFixedButAnEditorMayAddASection(string provider)
    {
        var factory = apps[provider];
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var story = await factory.CreateStoryAsync(editor);
        var id = story.Id();
        await factory.SetStateAsync(id, ArticleState.Published);
        using var client = factory.ClientFor(editor);

        var form = await client.EditorFormAsync($"/newsroom/stories/{id}");
        form["Form.Slug"] = "a-brand-new-address";
        var refused = await form.PostAsync(client);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("can no longer change", (await Http.ParseAsync(refused)).GetElementById("field-slug-error")!.Text(), StringComparison.Ordinal);

        var sectionName = $"Harbours {Unique.Suffix()}";
        form["Form.Slug"] = story.GetProperty("slug").GetString();
        form["Form.NewSection"] = sectionName;
        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(client)).StatusCode);
        var stored = await factory.StoredAsync(id);
        Assert.Equal(sectionName, stored.Section.Name);
        Assert.Equal(story.GetProperty("slug").GetString(), stored.Slug);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task BylinesAreKeptInTheOrderChosenAndCanBeReordered(string provider)
    {
        var factory = apps[provider];
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var a = await factory.CreateUserAsync(Roles.Writer);
        var b = await factory.CreateUserAsync(Roles.Writer);
        var id = (await factory.CreateStoryAsync(editor, change: j => j["writerIds"] = new[] { a.WriterId, b.WriterId, editor.WriterId })).Id();
        using var client = factory.ClientFor(editor);
        Assert.Equal([a.WriterId!.Value, b.WriterId!.Value, editor.WriterId!.Value], (await factory.StoredAsync(id)).Bylines.OrderBy(x => x.Position).Select(x => x.WriterId));

        var form = await client.EditorFormAsync($"/newsroom/stories/{id}");
        form.SetAll("Form.Writers", [b.WriterId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "", a.WriterId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(client)).StatusCode);

        Assert.Equal([b.WriterId.Value, a.WriterId.Value], (await factory.StoredAsync(id)).Bylines.OrderBy(x => x.Position).Select(x => x.WriterId));
        // A writer on the byline owns the story too.
        using var writerClient = factory.ClientFor(b);
        await writerClient.GetPageAsync($"/newsroom/stories/{id}");
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheLeadImageIsChosenAmongUploadedImagesNewestFirst(string provider)
    {
        var factory = apps[provider];
        var writer = await factory.CreateUserAsync(Roles.Writer);
        var id = (await factory.CreateStoryAsync(writer)).Id();
        int older, newer;
        await using (var db = factory.CreateDbContext())
        {
            var first = db.Images.Add(new Byline.Data.Media.StoredImage { Key = Guid.NewGuid().ToString("N"), Alt = $"Ferry at dawn {Unique.Suffix()}", CreatedAt = factory.Time.GetUtcNow().AddDays(-1) }).Entity;
            var second = db.Images.Add(new Byline.Data.Media.StoredImage { Key = Guid.NewGuid().ToString("N"), Alt = $"Harbour cranes {Unique.Suffix()}", CreatedAt = factory.Time.GetUtcNow() }).Entity;
            await db.SaveChangesAsync();
            (older, newer) = (first.Id, second.Id);
        }
        using var client = factory.ClientFor(writer);
        var page = await client.GetPageAsync($"/newsroom/stories/{id}");
        var options = page.QuerySelectorAll("#field-lead-image option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal("", options[0]);
        Assert.True(options.IndexOf(newer.ToString(System.Globalization.CultureInfo.InvariantCulture)) < options.IndexOf(older.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var form = NewsroomKit.Form.Of(page.QuerySelector("form#story-editor")!, $"/newsroom/stories/{id}");
        form["Form.LeadImageId"] = older.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(client)).StatusCode);
        Assert.Equal(older, (await factory.StoredAsync(id)).LeadImageId);

        form = await client.EditorFormAsync($"/newsroom/stories/{id}");
        Assert.Equal(older.ToString(System.Globalization.CultureInfo.InvariantCulture), form["Form.LeadImageId"]);
        form["Form.LeadImageId"] = "";
        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(client)).StatusCode);
        Assert.Null((await factory.StoredAsync(id)).LeadImageId);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task OnlyWritersAndEditorsHaveANewsroom(string provider)
    {
        var factory = apps[provider];
        var reader = await factory.CreateUserAsync();
        var moderator = await factory.CreateUserAsync(Roles.Moderator);
        using var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var path in new[] { "/newsroom", "/newsroom/new", "/newsroom/stories/1" })
        {
            var response = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            foreach (var person in new[] { reader, moderator })
            {
                using var client = factory.ClientFor(person);
                Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).StatusCode);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheWorkflowFormsOfferOnlyThePersonsMovesAndRefuseStaleOnes(string provider)
    {
        var factory = apps[provider];
        var writer = await factory.CreateUserAsync(Roles.Writer);
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var id = (await factory.CreateStoryAsync(writer)).Id();
        using var writerClient = factory.ClientFor(writer);
        using var editorClient = factory.ClientFor(editor);

        Assert.Equal(["submit"], (await writerClient.GetPageAsync($"/newsroom/stories/{id}")).QuerySelectorAll("form.workflow-move input[name=move]").Select(i => i.GetAttribute("value")));
        Assert.Equal(["submit", "schedule", "publish"], (await editorClient.GetPageAsync($"/newsroom/stories/{id}")).QuerySelectorAll("form.workflow-move input[name=move]").Select(i => i.GetAttribute("value")));

        var editorsPublish = await editorClient.MoveFormAsync(id, "publish");
        var submitted = await (await writerClient.MoveFormAsync(id, "submit")).PostAsync(writerClient);
        Assert.Equal($"/newsroom/stories/{id}?notice=submit", submitted.Headers.Location!.OriginalString);
        Assert.Equal(ArticleState.InReview, (await factory.StoredAsync(id)).State);

        // The editor's page was loaded while it was a draft: the story has moved on since.
        var stale = await editorsPublish.PostAsync(editorClient);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("in review now", (await Http.ParseAsync(stale)).QuerySelector("#editor-problem")!.Text(), StringComparison.Ordinal);
        Assert.Equal(ArticleState.InReview, (await factory.StoredAsync(id)).State);

        var schedule = await editorClient.MoveFormAsync(id, "schedule");
        var refused = await schedule.PostAsync(editorClient);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusedPage = await Http.ParseAsync(refused);
        Assert.Equal("move-schedule-publish-at-error", refusedPage.GetElementById("move-schedule-publish-at")!.GetAttribute("aria-describedby"));

        var published = await (await editorClient.MoveFormAsync(id, "publish")).PostAsync(editorClient);
        Assert.Equal($"/newsroom/stories/{id}?notice=publish", published.Headers.Location!.OriginalString);
        Assert.Equal(ArticleState.Published, (await factory.StoredAsync(id)).State);
    }
}
