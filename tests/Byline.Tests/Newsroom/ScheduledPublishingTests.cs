using System.Net;
using System.Net.Http.Json;
using Byline.Data.Accounts;
using Byline.Data.Articles;
using Byline.Tests.Infrastructure;
using Byline.Web.Newsroom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Byline.Tests.Newsroom;

/// <summary>Scheduled stories go public on time, once, on any number of app nodes — with a fake clock, never sleeping.</summary>
public sealed class ScheduledPublishingTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AScheduledStoryIsPublishedWhenItsTimeComesAndOnlyOnce(string provider)
    {
        using var factory = new BylineFactory(provider);
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var story = await factory.CreateStoryAsync(editor);
        var id = story.Id();
        var at = factory.Time.GetUtcNow().AddHours(1);
        using var client = factory.ClientFor(editor);
        var scheduled = await client.PostAsJsonAsync($"/api/v1/newsroom/stories/{id}/moves/schedule", new { publishAt = at.ToString("O") });
        Assert.Equal(HttpStatusCode.OK, scheduled.StatusCode);
        var publisher = factory.Services.GetRequiredService<ScheduledPublisher>();
        var path = $"/world/{story.GetProperty("slug").GetString()}";
        var reader = factory.CreateClient();

        Assert.Equal(0, await publisher.PublishDueAsync(factory.Time.GetUtcNow(), CancellationToken.None));
        Assert.Equal(0, await publisher.PublishDueAsync(at.AddSeconds(-1), CancellationToken.None));
        Assert.Equal(ArticleState.Scheduled, (await factory.StoredAsync(id)).State);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(path)).StatusCode);

        Assert.Equal(1, await publisher.PublishDueAsync(at.AddSeconds(5), CancellationToken.None));
        Assert.Equal(0, await publisher.PublishDueAsync(at.AddSeconds(20), CancellationToken.None));

        var stored = await factory.StoredAsync(id);
        Assert.Equal(ArticleState.Published, stored.State);
        Assert.Equal(at.AddSeconds(5), stored.PublishedAt);
        Assert.Null(stored.PublishAt);
        await using var db = factory.CreateDbContext();
        var audit = Assert.Single(await db.AuditEntries.Where(e => e.Target == $"article:{id}" && e.Action == "article.publish").ToListAsync());
        Assert.Equal(ScheduledPublisher.Actor, audit.ActorName);
        Assert.Null(audit.ActorUserId);
        Assert.Equal(story.GetProperty("headline").GetString(), (await reader.GetPageAsync(path)).QuerySelector("h1")!.Text());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TwoAppsOnOneDatabasePublishEachDueStoryOnce(string provider)
    {
        using var factory = new BylineFactory(provider);
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var ids = new List<int>();
        for (var i = 0; i < 6; i++)
        {
            var id = (await factory.CreateStoryAsync(editor)).Id();
            await factory.SetStateAsync(id, ArticleState.Scheduled);
            ids.Add(id);
        }
        // A second node: its own process state (services, caches, write gate), the same database.
        using var other = factory.WithWebHostBuilder(_ => { });
        var due = factory.Time.GetUtcNow().AddDays(2);

        var counts = await Task.WhenAll(
            factory.Services.GetRequiredService<ScheduledPublisher>().PublishDueAsync(due, CancellationToken.None),
            other.Services.GetRequiredService<ScheduledPublisher>().PublishDueAsync(due, CancellationToken.None),
            factory.Services.GetRequiredService<ScheduledPublisher>().PublishDueAsync(due, CancellationToken.None));

        Assert.Equal(ids.Count, counts.Sum());
        await using var db = factory.CreateDbContext();
        Assert.All(await db.Articles.Where(a => ids.Contains(a.Id)).ToListAsync(), a => Assert.Equal(ArticleState.Published, a.State));
        var audits = await db.AuditEntries.Where(e => e.Action == "article.publish").Select(e => e.Target).ToListAsync();
        Assert.Equal(ids.Select(id => $"article:{id}").Order(), audits.Order());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task PublishAtIsTypedInTheSitesTimeZoneAndStoredInUtc(string provider)
    {
        using var factory = new BylineFactory(provider);
        await factory.UpdateSiteSettingsAsync(s => s.TimeZone = "Europe/Berlin");
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var id = (await factory.CreateStoryAsync(editor)).Id();
        using var client = factory.ClientFor(editor);

        // 2027-03-28 02:30 does not exist in Berlin: the clocks jump from 02:00 to 03:00.
        var skipped = await client.PostAsJsonAsync($"/api/v1/newsroom/stories/{id}/moves/schedule", new { publishAt = "2027-03-28T02:30" });
        await Http.AssertProblemAsync(skipped, HttpStatusCode.BadRequest, "validation-failed");

        var form = await client.MoveFormAsync(id, "schedule");
        Assert.Equal("2026-11-27T13:00", (await client.GetPageAsync($"/newsroom/stories/{id}")).GetElementById("move-schedule-publish-at")!.GetAttribute("min"));
        form["publishAt"] = "2026-12-01T09:00";
        var response = await form.PostAsync(client);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await factory.StoredAsync(id);
        Assert.Equal(ArticleState.Scheduled, stored.State);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), stored.PublishAt);
        var page = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Dec. 1, 2026, 9:00 a.m.", page.QuerySelector(".notice")!.Text(), StringComparison.Ordinal);
        Assert.Contains("Dec. 1, 2026, 9:00 a.m.", page.QuerySelector(".story-status")!.Text(), StringComparison.Ordinal);

        var unscheduled = await (await client.MoveFormAsync(id, "unschedule")).PostAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, unscheduled.StatusCode);
        stored = await factory.StoredAsync(id);
        Assert.Equal(ArticleState.InReview, stored.State);
        Assert.Null(stored.PublishAt);
        Assert.Equal(0, await factory.Services.GetRequiredService<ScheduledPublisher>().PublishDueAsync(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero), CancellationToken.None));
    }
}
