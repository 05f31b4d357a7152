using System.Net;
using System.Net.Http.Json;
using Byline.Data.Accounts;
using Byline.Data.Articles;
using Byline.Tests.Infrastructure;
using Byline.Web.Newsroom;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Newsroom;

/// <summary>
/// The state machine, cell by cell: every move name from every state, for a writer on their own story, a writer on
/// someone else's and an editor, against the running app — the allowed moves land in the table's target state with an
/// audit entry, every other one is refused with its status and code and changes nothing.
/// </summary>
public sealed class StoryWorkflowTests(BylineApps apps) : IClassFixture<BylineApps>
{
    public enum Persona
    {
        WriterOwn,
        WriterOther,
        Editor,
    }

    private static readonly string[] MoveNames = [.. StoryWorkflow.Moves.Select(m => m.Name).Distinct()];

    /// <summary>What the issue asks for, written out: writers submit and withdraw their own stories; editors do everything.</summary>
    private static readonly Dictionary<(ArticleState, string), ArticleState> Allowed = new()
    {
        [(ArticleState.Draft, "submit")] = ArticleState.InReview,
        [(ArticleState.InReview, "withdraw")] = ArticleState.Draft,
        [(ArticleState.Draft, "schedule")] = ArticleState.Scheduled,
        [(ArticleState.InReview, "schedule")] = ArticleState.Scheduled,
        [(ArticleState.Unpublished, "schedule")] = ArticleState.Scheduled,
        [(ArticleState.Scheduled, "unschedule")] = ArticleState.InReview,
        [(ArticleState.Draft, "publish")] = ArticleState.Published,
        [(ArticleState.InReview, "publish")] = ArticleState.Published,
        [(ArticleState.Scheduled, "publish")] = ArticleState.Published,
        [(ArticleState.Unpublished, "publish")] = ArticleState.Published,
        [(ArticleState.Published, "unpublish")] = ArticleState.Unpublished,
        [(ArticleState.Unpublished, "reopen")] = ArticleState.Draft,
    };

    private static readonly string[] WriterMoves = ["submit", "withdraw"];

    [Fact]
    public void TheWorkflowTableIsExactlyTheMovesTheNewsroomAllows()
    {
        var table = StoryWorkflow.Moves.ToDictionary(m => (m.From, m.Name), m => m.To);
        Assert.Equal(Allowed.OrderBy(p => p.Key.ToString()), table.OrderBy(p => p.Key.ToString()));
        Assert.All(StoryWorkflow.Moves, m => Assert.Equal(WriterMoves.Contains(m.Name) ? StoryWorkflow.Who.OwnerOrEditor : StoryWorkflow.Who.Editor, m.AllowedTo));
        Assert.Equal(["unpublish"], StoryWorkflow.Moves.Where(m => m.NeedsReason).Select(m => m.Name).Distinct());
        Assert.Equal(["schedule"], StoryWorkflow.Moves.Where(m => m.NeedsTime).Select(m => m.Name).Distinct());
    }

    [Theory]
    [InlineData(Persona.WriterOwn)]
    [InlineData(Persona.WriterOther)]
    [InlineData(Persona.Editor)]
    public void AccessOffersExactlyTheMovesAPersonMayMake(Persona persona)
    {
        var access = new StoryAccess(IsEditor: persona == Persona.Editor, IsOwner: persona == Persona.WriterOwn);
        foreach (var state in Enum.GetValues<ArticleState>())
        {
            var expected = Allowed.Keys.Where(k => k.Item1 == state && Permitted(persona, k.Item2)).Select(k => k.Item2).Order();
            Assert.Equal(expected, access.Moves(state).Select(m => m.Name).Order());
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EveryMoveFromEveryStateHasExactlyTheOutcomeTheTableGives(string provider)
    {
        var factory = apps[provider];
        var owner = await factory.CreateUserAsync(Roles.Writer);
        var other = await factory.CreateUserAsync(Roles.Writer);
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var failures = new List<string>();

        foreach (var persona in Enum.GetValues<Persona>())
        {
            using var client = factory.ClientFor(persona switch { Persona.WriterOwn => owner, Persona.WriterOther => other, _ => editor });
            foreach (var state in Enum.GetValues<ArticleState>())
            {
                foreach (var move in MoveNames)
                {
                    var id = (await factory.CreateStoryAsync(owner)).Id();
                    await factory.SetStateAsync(id, state);
                    var response = await client.PostAsJsonAsync($"/api/v1/newsroom/stories/{id}/moves/{move}",
                        new { publishAt = factory.Time.GetUtcNow().AddHours(2).ToString("O"), reason = "Legal asked us to." });
                    var stored = await factory.StoredAsync(id);
                    var audits = await AuditCountAsync(factory, id);
                    var cell = $"{persona} {move} from {state}";

                    var (status, code, target) = Expected(persona, state, move);
                    if ((int)response.StatusCode != status)
                    {
                        failures.Add($"{cell}: expected {status} but got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    }
                    else if (code is not null && (await response.ReadJsonAsync()).GetProperty("code").GetString() != code)
                    {
                        failures.Add($"{cell}: expected code {code}");
                    }
                    if (stored.State != (target ?? state))
                    {
                        failures.Add($"{cell}: stored state is {stored.State}, expected {target ?? state}");
                    }
                    if (audits != (target is null ? 0 : 1))
                    {
                        failures.Add($"{cell}: {audits} audit entries");
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task WriterCannotPublishTheirOwnStory(string provider)
    {
        var factory = apps[provider];
        var writer = await factory.CreateUserAsync(Roles.Writer);
        var id = (await factory.CreateStoryAsync(writer)).Id();
        using var client = factory.ClientFor(writer);

        var response = await client.PostAsync($"/api/v1/newsroom/stories/{id}/moves/publish", null);

        await Http.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(ArticleState.Draft, (await factory.StoredAsync(id)).State);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AMoveFromAStateTheStoryHasLeftIsAConflictAndChangesNothing(string provider)
    {
        var factory = apps[provider];
        var writer = await factory.CreateUserAsync(Roles.Writer);
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var id = (await factory.CreateStoryAsync(writer)).Id();
        await factory.SetStateAsync(id, ArticleState.InReview);
        using var client = factory.ClientFor(editor);
        // The writer withdrew it while the editor was looking at it in review.
        await factory.SetStateAsync(id, ArticleState.Draft);

        var response = await client.PostAsJsonAsync($"/api/v1/newsroom/stories/{id}/moves/publish", new { from = "InReview" });

        var problem = await Http.AssertProblemAsync(response, HttpStatusCode.Conflict, "stale-state");
        Assert.Equal("Draft", problem.GetProperty("state").GetString());
        Assert.Equal(ArticleState.Draft, (await factory.StoredAsync(id)).State);
        Assert.Equal(0, await AuditCountAsync(factory, id));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task MovesThatNeedATimeOrAReasonRefuseToGoWithout(string provider)
    {
        var factory = apps[provider];
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var id = (await factory.CreateStoryAsync(editor)).Id();
        using var client = factory.ClientFor(editor);

        var noTime = await client.PostAsJsonAsync($"/api/v1/newsroom/stories/{id}/moves/schedule", new { });
        var past = await client.PostAsJsonAsync($"/api/v1/newsroom/stories/{id}/moves/schedule", new { publishAt = factory.Time.GetUtcNow().AddMinutes(-1).ToString("O") });
        var garbage = await client.PostAsJsonAsync($"/api/v1/newsroom/stories/{id}/moves/schedule", new { publishAt = "next tuesday" });
        Assert.Contains("publishAt", (await Http.AssertProblemAsync(noTime, HttpStatusCode.BadRequest, "validation-failed")).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        await Http.AssertProblemAsync(past, HttpStatusCode.BadRequest, "validation-failed");
        await Http.AssertProblemAsync(garbage, HttpStatusCode.BadRequest, "validation-failed");

        await factory.SetStateAsync(id, ArticleState.Published);
        var noReason = await client.PostAsJsonAsync($"/api/v1/newsroom/stories/{id}/moves/unpublish", new { reason = "  " });
        Assert.Contains("reason", (await Http.AssertProblemAsync(noReason, HttpStatusCode.BadRequest, "validation-failed")).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(ArticleState.Published, (await factory.StoredAsync(id)).State);
        Assert.Equal(0, await AuditCountAsync(factory, id));

        var unknown = await client.PostAsync($"/api/v1/newsroom/stories/{id}/moves/teleport", null);
        await Http.AssertProblemAsync(unknown, HttpStatusCode.NotFound, "unknown-move");
    }

    private static bool Permitted(Persona persona, string move) =>
        persona == Persona.Editor || (persona == Persona.WriterOwn && WriterMoves.Contains(move));

    /// <summary>The status, problem code and resulting state (null: unchanged) of one cell.</summary>
    private static (int Status, string? Code, ArticleState? Target) Expected(Persona persona, ArticleState state, string move)
    {
        if (persona == Persona.WriterOther)
        {
            return (404, "story-not-found", null);
        }
        if (Allowed.TryGetValue((state, move), out var target))
        {
            return Permitted(persona, move) ? (200, null, target) : (403, "forbidden", null);
        }
        // Not a move from this state: a move this person makes elsewhere is a conflict with the state; any other is not theirs.
        return Permitted(persona, move) ? (409, "invalid-move", null) : (403, "forbidden", null);
    }

    private static async Task<int> AuditCountAsync(BylineFactory factory, int id)
    {
        await using var db = factory.CreateDbContext();
        return await db.AuditEntries.CountAsync(e => e.Target == $"article:{id}");
    }
}
