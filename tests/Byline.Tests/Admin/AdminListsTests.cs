using System.Globalization;
using System.Net;
using Byline.Data.Accounts;
using Byline.Data.Audit;
using Byline.Tests.Infrastructure;
using Byline.Web.Admin;

namespace Byline.Tests.Admin;

/// <summary>The accounts list and the audit log: search, filters, keyset paging, times in the site's zone.</summary>
public sealed class AdminListsTests(BylineApps apps) : IClassFixture<BylineApps>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AccountsAreListedNewestFirstSearchableByNameAndPagedWithoutGapsOrRepeats(string provider)
    {
        var factory = apps[provider];
        var admin = await factory.CreateUserAsync(Roles.Admin);
        var prefix = "Pager " + Unique.Suffix();
        var start = factory.Time.GetUtcNow();
        await using (var db = factory.CreateDbContext())
        {
            for (var i = 0; i < UsersModel.PageSize + 5; i++)
            {
                var email = $"{Guid.NewGuid():N}@example.test";
                db.Users.Add(new BylineUser
                {
                    UserName = email,
                    NormalizedUserName = email.ToUpperInvariant(),
                    Email = email,
                    NormalizedEmail = email.ToUpperInvariant(),
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                    DisplayName = string.Create(CultureInfo.InvariantCulture, $"{prefix} {i:00}"),
                    // Two accounts share each instant, so the id breaks ties.
                    CreatedAt = start.AddMinutes(i / 2),
                    EmailConfirmed = i % 3 == 0,
                });
            }
            await db.SaveChangesAsync();
        }
        using var client = factory.FormClient(admin);

        var first = await client.GetPageAsync("/admin/users?q=" + Uri.EscapeDataString(prefix.ToLowerInvariant()));
        var next = first.QuerySelector(".pager a[rel=next]")?.GetAttribute("href");
        Assert.NotNull(next);
        var second = await client.GetPageAsync(next);

        var firstNames = first.QuerySelectorAll(".users-table tbody th").Select(th => th.Text()).ToList();
        var secondNames = second.QuerySelectorAll(".users-table tbody th").Select(th => th.Text()).ToList();
        Assert.Equal(UsersModel.PageSize, firstNames.Count);
        Assert.Equal(5, secondNames.Count);
        Assert.Null(second.QuerySelector(".pager a[rel=next]"));
        var all = firstNames.Concat(secondNames).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.All(all, name => Assert.StartsWith(prefix, name, StringComparison.Ordinal));
        // Newest first: the later the instant, the earlier the row (rows sharing an instant may come in either order).
        var minutes = all.Select(name => int.Parse(name[^2..], CultureInfo.InvariantCulture) / 2).ToList();
        Assert.Equal(minutes.OrderByDescending(m => m), minutes);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AccountsAreFoundByAnyPartOfTheirEmailInAnyCaseAndShowTheirRolesAndState(string provider)
    {
        var factory = apps[provider];
        var admin = await factory.CreateUserAsync(Roles.Admin);
        var editor = await factory.CreateUserAsync(Roles.Editor, Roles.Moderator);
        using var client = factory.FormClient(admin);

        var page = await client.GetPageAsync("/admin/users?q=" + Uri.EscapeDataString(editor.Email[..12].ToUpperInvariant()));

        var row = Assert.Single(page.QuerySelectorAll(".users-table tbody tr"));
        var cells = row.Children.Select(c => c.Text()).ToList();
        Assert.Equal([editor.DisplayName, editor.Email, "reader editor moderator", "Nov. 27, 2026", "Yes", "No"], cells);
        Assert.Equal($"/admin/users/{editor.Id}", row.QuerySelector("a")?.GetAttribute("href"));

        var none = await client.GetPageAsync("/admin/users?q=no-such-account-anywhere");
        Assert.Empty(none.QuerySelectorAll(".users-table tbody tr"));
        Assert.Equal("No account matches “no-such-account-anywhere”.", none.QuerySelector(".empty")?.Text());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AuditLogIsNewestFirstFilteredByActionPrefixAndKeysetPaged(string provider)
    {
        var factory = apps[provider];
        var admin = await factory.CreateUserAsync(Roles.Admin);
        var family = "t" + Unique.Suffix();
        var other = "u" + Unique.Suffix();
        var start = factory.Time.GetUtcNow().AddDays(1);
        await using (var db = factory.CreateDbContext())
        {
            for (var i = 0; i < 60; i++)
            {
                db.AuditEntries.Add(new AuditEntry
                {
                    // Pairs share an instant, so paging must break ties by id.
                    At = start.AddSeconds(i / 2),
                    ActorName = "Tester",
                    Action = $"{family}.{i:00}",
                    Target = "article:1",
                    Detail = $"entry {i}",
                });
            }
            db.AuditEntries.Add(new AuditEntry { At = start, ActorName = "Tester", Action = $"{other}.x", Target = "article:1" });
            await db.SaveChangesAsync();
        }
        using var client = factory.FormClient(admin);

        var first = await client.GetPageAsync($"/admin/audit?prefix={family}.");
        var second = await client.GetPageAsync(first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!);

        var actions = first.QuerySelectorAll(".audit-action").Concat(second.QuerySelectorAll(".audit-action")).Select(a => a.Text()).ToList();
        Assert.Equal(AuditModel.PageSize, first.QuerySelectorAll(".audit-action").Length);
        Assert.Equal(Enumerable.Range(0, 60).Reverse().Select(i => $"{family}.{i:00}"), actions);
        Assert.Null(second.QuerySelector(".pager a[rel=next]"));
        Assert.Equal("Tester", first.QuerySelector(".audit-who")?.Text());
        Assert.Equal("entry 59", first.QuerySelector(".audit-detail")?.Text());
        Assert.Equal("Accounts", (await client.GetPageAsync("/admin/audit?prefix=user.")).QuerySelector(".audit-families [aria-current=page]")?.Text());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AuditLogShowsWhenInTheSiteTimeZoneAndNamesTheAccountsItIsAbout(string provider)
    {
        using var factory = new BylineFactory(provider);
        var admin = await factory.CreateUserAsync(Roles.Admin);
        var reader = await factory.CreateUserAsync();
        var gone = await factory.CreateUserAsync();
        using var client = factory.FormClient(admin);
        await client.SubmitAsync(AdminData.UserPage(reader.Id), "form[data-role=moderator]");
        await client.SubmitAsync(AdminData.UserPage(gone.Id) + "/delete", "#delete-form");
        await factory.UpdateSiteSettingsAsync(s => s.TimeZone = "America/New_York");

        var page = await client.GetPageAsync("/admin/audit?prefix=user.");

        var rows = page.QuerySelectorAll(".audit-table tbody tr").Select(r => r.Children.Select(c => c.Text()).ToList()).ToList();
        Assert.Equal(
            [
                ["Nov. 27, 2026, 7:00 a.m.", admin.DisplayName, "user.delete", "Deleted account", $"{gone.DisplayName} <{gone.Email}>"],
                ["Nov. 27, 2026, 7:00 a.m.", admin.DisplayName, "user.role-add", reader.DisplayName, "moderator"],
            ],
            rows);
        Assert.Equal("2026-11-27T07:00:00-05:00", page.QuerySelector(".audit-when time")?.GetAttribute("datetime"));
        Assert.Equal($"/admin/users/{reader.Id}", page.QuerySelector(".audit-target a")?.GetAttribute("href"));

        var aboutReader = await client.GetPageAsync($"/admin/audit?target=user:{reader.Id}");
        Assert.Equal(["user.role-add"], aboutReader.QuerySelectorAll(".audit-action").Select(a => a.Text()));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task MalformedListParametersAreIgnoredNotErrors(string provider)
    {
        var factory = apps[provider];
        using var client = factory.FormClient(await factory.CreateUserAsync(Roles.Admin));

        foreach (var url in new[]
        {
            "/admin/users?after=garbage", "/admin/users?after=99999999999999999999.x", "/admin/users?after=5.",
            "/admin/audit?before=-1-2", "/admin/audit?before=abc", "/admin/audit?prefix=" + Uri.EscapeDataString("%_\\'"),
            "/admin/users?q=" + new string('x', 2000),
        })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        }
    }
}
