using System.Globalization;
using System.Net.Http.Json;
using Byline.Data.Accounts;
using Byline.Data.Articles;
using Byline.Tests.Infrastructure;
using Byline.Tests.Newsroom;
using Byline.Web.Articles;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Authorization;

/// <summary>
/// The newsroom's authorization matrix: every kind of person × every newsroom action, with the exact answer of each
/// cell, on both databases. The stories acted on belong to one writer (the "owner"); "other writer" is a writer who
/// neither created them nor is credited on them. Each person acts on fresh stories, so one cell cannot change another.
/// (The admin area and account pages have their own matrix in <c>Admin/AdminAuthorizationTests</c>.)
/// </summary>
public sealed class NewsroomAuthorizationMatrixTests(BylineApps apps) : IClassFixture<BylineApps>
{
    private const string Anonymous = "anonymous";
    private const string Owner = "owner";
    private const string OtherWriter = "other writer";

    // Answers, as Describe writes them.
    private const string SignIn = "302 sign-in";
    private const string Done = "302 done";
    private const string Ok = "200";
    private const string Created = "201";
    private const string Unauthorized = "401";
    private const string Forbidden = "403";
    private const string NotFound = "404";

    private static readonly string[] People = [Anonymous, Roles.Reader, Owner, OtherWriter, Roles.Editor, Roles.Moderator, Roles.Admin];

    /// <summary>Rows: actions. Columns: the people above, in order. Hidden things answer 404; visible but not allowed 403.</summary>
    private static readonly (string Action, string[] Answers)[] Matrix =
    [
        //                                          anonymous     reader     owner     other writer editor   moderator  admin
        ("GET /newsroom",                          [SignIn,       Forbidden, Ok,       Ok,        Ok,       Forbidden, Ok]),
        ("GET /newsroom/new",                      [SignIn,       Forbidden, Ok,       Ok,        Ok,       Forbidden, Ok]),
        ("GET editor of a draft",                  [SignIn,       Forbidden, Ok,       NotFound,  Ok,       Forbidden, Ok]),
        ("GET revisions of a draft",               [SignIn,       NotFound,  Ok,       NotFound,  Ok,       NotFound,  Ok]),
        ("GET corrections of a published story",   [SignIn,       NotFound,  Ok,       NotFound,  Ok,       NotFound,  Ok]),
        ("GET /newsroom/images",                   [SignIn,       Forbidden, Ok,       Ok,        Ok,       Forbidden, Ok]),
        ("API create a draft",                     [Unauthorized, Forbidden, Created,  Created,   Created,  Forbidden, Created]),
        ("API read a draft",                       [Unauthorized, NotFound,  Ok,       NotFound,  Ok,       NotFound,  Ok]),
        ("API edit a draft",                       [Unauthorized, NotFound,  Ok,       NotFound,  Ok,       NotFound,  Ok]),
        ("API edit a story in review",             [Unauthorized, NotFound,  Forbidden, NotFound, Ok,       NotFound,  Ok]),
        ("API submit a draft",                     [Unauthorized, NotFound,  Ok,       NotFound,  Ok,       NotFound,  Ok]),
        ("API withdraw a story in review",         [Unauthorized, NotFound,  Ok,       NotFound,  Ok,       NotFound,  Ok]),
        ("API publish a story in review",          [Unauthorized, NotFound,  Forbidden, NotFound, Ok,       NotFound,  Ok]),
        ("API schedule a story in review",         [Unauthorized, NotFound,  Forbidden, NotFound, Ok,       NotFound,  Ok]),
        ("API unpublish a published story",        [Unauthorized, NotFound,  Forbidden, NotFound, Ok,       NotFound,  Ok]),
        ("POST restore a draft's revision",        [SignIn,       NotFound,  Done,     NotFound,  Done,     NotFound,  Done]),
        ("POST correction on a published story",   [SignIn,       NotFound,  Forbidden, NotFound, Done,     NotFound,  Done]),
        ("GET public page of a draft",             [NotFound,     NotFound,  NotFound, NotFound,  NotFound, NotFound,  NotFound]),
        ("GET public page of a published story",   [Ok,           Ok,        Ok,       Ok,        Ok,       Ok,        Ok]),
    ];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in new[] { Databases.Sqlite, Databases.Postgres })
        {
            foreach (var person in People)
            {
                data.Add(provider, person);
            }
        }
        return data;
    }

    [Fact]
    public void TheMatrixHasAnAnswerForEveryPersonInEveryRow() =>
        Assert.All(Matrix, row => Assert.Equal(People.Length, row.Answers.Length));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EveryNewsroomActionAnswersThisPersonExactly(string provider, string who)
    {
        var factory = apps[provider];
        var owner = await factory.CreateUserAsync(Roles.Writer);
        var person = who switch
        {
            Anonymous => null,
            Owner => owner,
            OtherWriter => await factory.CreateUserAsync(Roles.Writer),
            Roles.Reader => await factory.CreateUserAsync(),
            _ => await factory.CreateUserAsync(who),
        };
        var stories = await StoriesAsync(factory, owner);
        using var client = factory.FormClient(person);
        var column = Array.IndexOf(People, who);

        var actual = new List<string>();
        foreach (var (action, _) in Matrix)
        {
            actual.Add($"{action}: {Describe(await ActAsync(client, person, action, stories))}");
        }

        Assert.Equal(Matrix.Select(row => $"{row.Action}: {row.Answers[column]}"), actual);
        await AssertRefusalsChangedNothingAsync(factory, who, person, stories);
    }

    /// <summary>The owner's stories this person acts on, fresh for each person.</summary>
    private sealed record Stories(
        int Draft, int InReview, int ToPublish, int ToSchedule, int Published, int Restorable, string DraftPath, string PublishedPath, int Section, int? OwnerWriter);

    private static async Task<Stories> StoriesAsync(BylineFactory factory, TestUsers.TestUser owner)
    {
        var draft = (await factory.CreateStoryAsync(owner)).Id();
        var inReview = await InReviewAsync(factory, owner);
        var toPublish = await InReviewAsync(factory, owner);
        var toSchedule = await InReviewAsync(factory, owner);
        var published = (await factory.CreateStoryAsync(owner)).Id();
        await factory.SetStateAsync(published, ArticleState.Published);

        // A draft with two revisions, so that revision 1 can be restored.
        var restorable = await factory.CreateStoryAsync(owner);
        using (var client = factory.ClientFor(owner))
        {
            var section = await factory.SectionAsync();
            var edited = NewsroomKit.StoryJson(section, restorable.GetProperty("headline").GetString()!, json =>
            {
                json["body"] = "A second version of the story.\n";
                json["revision"] = restorable.Revision();
                json["writerIds"] = new[] { owner.WriterId };
            });
            var response = await client.PutAsJsonAsync($"/api/v1/newsroom/stories/{restorable.Id()}", edited);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        var draftStory = await factory.StoredAsync(draft);
        var publishedStory = await factory.StoredAsync(published);
        return new Stories(
            draft, inReview, toPublish, toSchedule, published, restorable.Id(),
            ArticlePaths.Story(draftStory.Section.Slug, draftStory.Slug),
            ArticlePaths.Story(publishedStory.Section.Slug, publishedStory.Slug),
            await factory.SectionAsync(),
            owner.WriterId);
    }

    /// <summary>A whole new content for a story at revision 1, still credited to its owner.</summary>
    private static Dictionary<string, object?> Edit(Stories s) => NewsroomKit.StoryJson(s.Section, $"Edited {Unique.Suffix()}", json =>
    {
        json["revision"] = 1;
        json["writerIds"] = new[] { s.OwnerWriter };
    });

    private static async Task<int> InReviewAsync(BylineFactory factory, TestUsers.TestUser owner)
    {
        var id = (await factory.CreateStoryAsync(owner)).Id();
        await factory.SetStateAsync(id, ArticleState.InReview);
        return id;
    }

    private static async Task<HttpResponseMessage> ActAsync(HttpClient client, TestUsers.TestUser? person, string action, Stories s)
    {
        var api = "/api/v1/newsroom/stories";
        return action switch
        {
            "GET /newsroom" => await client.GetAsync("/newsroom"),
            "GET /newsroom/new" => await client.GetAsync("/newsroom/new"),
            "GET editor of a draft" => await client.GetAsync($"/newsroom/stories/{s.Draft}"),
            "GET revisions of a draft" => await client.GetAsync($"/newsroom/stories/{s.Draft}/revisions"),
            "GET corrections of a published story" => await client.GetAsync($"/newsroom/stories/{s.Published}/corrections"),
            "GET /newsroom/images" => await client.GetAsync("/newsroom/images"),
            // Credited to the owner: an admin has no writer page of their own to default to.
            "API create a draft" => await client.PostAsJsonAsync(api, NewsroomKit.StoryJson(s.Section, $"Matrix {Unique.Suffix()}", j => j["writerIds"] = new[] { s.OwnerWriter })),
            "API read a draft" => await client.GetAsync($"{api}/{s.Draft}"),
            "API edit a draft" => await client.PutAsJsonAsync($"{api}/{s.Draft}", Edit(s)),
            "API edit a story in review" => await client.PutAsJsonAsync($"{api}/{s.InReview}", Edit(s)),
            "API submit a draft" => await client.PostAsJsonAsync($"{api}/{s.Draft}/moves/submit", new { from = "Draft" }),
            // The story in review goes back to draft and forward again, so the rows after this one still find it in review.
            "API withdraw a story in review" => await WithdrawAndResubmitAsync(client, $"{api}/{s.InReview}"),
            "API publish a story in review" => await client.PostAsJsonAsync($"{api}/{s.ToPublish}/moves/publish", new { from = "InReview" }),
            "API schedule a story in review" => await client.PostAsJsonAsync($"{api}/{s.ToSchedule}/moves/schedule", new { from = "InReview", publishAt = "2030-01-01T09:00" }),
            "API unpublish a published story" => await UnpublishAndRepublishAsync(client, $"{api}/{s.Published}"),
            "POST restore a draft's revision" => await PostFormAsync(client, person, $"/newsroom/stories/{s.Restorable}/revisions/1/restore", ("revision", "2")),
            "POST correction on a published story" => await PostFormAsync(client, person, $"/newsroom/stories/{s.Published}/corrections", ("Input.Kind", "Correction"), ("Input.Text", "An earlier version misspelled the port's name.")),
            "GET public page of a draft" => await client.GetAsync(s.DraftPath),
            "GET public page of a published story" => await client.GetAsync(s.PublishedPath),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "No such action in the matrix."),
        };
    }

    /// <summary>
    /// Withdrawing takes the story out of review; whoever could do that puts it back (submit), so later rows act on a
    /// story still in review. The answer of the withdrawal is the cell's answer.
    /// </summary>
    private static async Task<HttpResponseMessage> WithdrawAndResubmitAsync(HttpClient client, string story)
    {
        var withdrawal = await client.PostAsJsonAsync($"{story}/moves/withdraw", new { from = "InReview" });
        if (withdrawal.IsSuccessStatusCode)
        {
            var resubmitted = await client.PostAsJsonAsync($"{story}/moves/submit", new { from = "Draft" });
            Assert.True(resubmitted.IsSuccessStatusCode, await resubmitted.Content.ReadAsStringAsync());
        }
        return withdrawal;
    }

    /// <summary>Unpublishing, then (for those who may) publishing again, so the correction and public-page rows find it published.</summary>
    private static async Task<HttpResponseMessage> UnpublishAndRepublishAsync(HttpClient client, string story)
    {
        var unpublished = await client.PostAsJsonAsync($"{story}/moves/unpublish", new { from = "Published", reason = "Legal review of one paragraph." });
        if (unpublished.IsSuccessStatusCode)
        {
            var republished = await client.PostAsJsonAsync($"{story}/moves/publish", new { from = "Unpublished" });
            Assert.True(republished.IsSuccessStatusCode, await republished.Content.ReadAsStringAsync());
        }
        return unpublished;
    }

    /// <summary>
    /// A form post with a valid antiforgery token for this person (tokens belong to the person, not to one form), so
    /// the answer is the authorization decision and never a missing-token refusal.
    /// </summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, TestUsers.TestUser? person, string url, params (string Name, string Value)[] fields) =>
        await client.PostWithTokenAsync(person is null ? "/account/sign-in" : "/account/tokens", url, fields);

    /// <summary>Those who were refused left no trace: no correction, no restored revision, no audit entry on the owner's stories.</summary>
    private static async Task AssertRefusalsChangedNothingAsync(BylineFactory factory, string who, TestUsers.TestUser? person, Stories s)
    {
        await using var db = factory.CreateDbContext();
        var corrections = await db.ArticleCorrections.CountAsync(c => c.ArticleId == s.Published);
        var restoredRevisions = await db.ArticleRevisions.CountAsync(r => r.ArticleId == s.Restorable);
        var draft = await db.Articles.AsNoTracking().SingleAsync(a => a.Id == s.Draft);
        var editor = who is Roles.Editor or Roles.Admin;
        var mayEdit = editor || who is Owner;
        Assert.Equal(editor ? 1 : 0, corrections);
        Assert.Equal(mayEdit ? 3 : 2, restoredRevisions);
        Assert.Equal(mayEdit ? ArticleState.InReview : ArticleState.Draft, draft.State);
        Assert.Equal(editor ? ArticleState.Published : ArticleState.InReview, await StateAsync(db, s.ToPublish));
        Assert.Equal(editor ? ArticleState.Scheduled : ArticleState.InReview, await StateAsync(db, s.ToSchedule));
        if (!mayEdit && person is not null)
        {
            Assert.Empty(await db.AuditEntries.Where(e => e.ActorUserId == person.Id).ToListAsync());
        }
    }

    private static Task<ArticleState> StateAsync(Byline.Data.BylineDbContext db, int id) =>
        db.Articles.Where(a => a.Id == id).Select(a => a.State).SingleAsync();

    private static string Describe(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status != 302)
        {
            return status.ToString(CultureInfo.InvariantCulture);
        }
        var location = response.Headers.Location?.ToString() ?? "";
        return location.Contains("/account/sign-in", StringComparison.Ordinal) ? SignIn : Done;
    }
}
