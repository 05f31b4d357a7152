using System.Net;
using Byline.Data.Accounts;
using Byline.Tests.Infrastructure;
using Byline.Web.Articles;
using Microsoft.EntityFrameworkCore;

namespace Byline.Tests.Admin;

public sealed class UserAdministrationTests(BylineApps apps) : IClassFixture<BylineApps>
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task GrantingTheWriterRoleIsAuditedAndGivesTheAccountALinkedWriterPage(string provider)
    {
        var factory = apps[provider];
        var admin = await factory.CreateUserAsync(Roles.Admin);
        var reader = await factory.CreateUserAsync();
        using var client = factory.FormClient(admin);

        var response = await client.SubmitAsync(AdminData.UserPage(reader.Id), "form[data-role=writer]");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AdminData.UserPage(reader.Id), response.Headers.Location?.OriginalString);
        var page = await client.GetPageAsync(AdminData.UserPage(reader.Id));
        Assert.Equal($"{reader.DisplayName} now has the writer role.", page.QuerySelector("[role=status]")?.Text());
        Assert.Equal(["writer"], await factory.StoredRolesAsync(reader.Id));

        var account = await factory.AccountAsync(reader.Id);
        Assert.NotNull(account?.WriterId);
        await using (var db = factory.CreateDbContext())
        {
            var writer = await db.Writers.SingleAsync(w => w.Id == account.WriterId);
            Assert.Equal((Slugs.From(reader.DisplayName), reader.DisplayName), (writer.Slug, writer.DisplayName));
            Assert.Equal(writer.DisplayName, page.QuerySelector($"a[href='/writers/{writer.Slug}']")?.Text());
            var writerPage = await factory.CreateClient().GetPageAsync($"/writers/{writer.Slug}");
            Assert.Equal(reader.DisplayName, writerPage.QuerySelector("h1")?.Text());
        }

        var entry = Assert.Single(await factory.AuditAboutAsync($"user:{reader.Id}"));
        Assert.Equal(("user.role-add", admin.Id, admin.DisplayName), (entry.Action, entry.ActorUserId, entry.ActorName));
        Assert.StartsWith("writer; writer page /writers/", entry.Detail, StringComparison.Ordinal);
        Assert.Equal(factory.Time.GetUtcNow(), entry.At);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AccountsWithTheSameNameGetWriterPagesWithSlugsOfTheirOwn(string provider)
    {
        var factory = apps[provider];
        var admin = await factory.CreateUserAsync(Roles.Admin);
        var name = "Ana Sousa " + Unique.Suffix();
        await using (var db = factory.CreateDbContext())
        {
            db.Writers.Add(new Byline.Data.Articles.Writer { Slug = Slugs.From(name), DisplayName = name });
            await db.SaveChangesAsync();
        }
        var first = await factory.CreateUserAsync();
        var second = await factory.CreateUserAsync();
        await factory.RenameAsync(first.Id, name);
        await factory.RenameAsync(second.Id, name);
        using var client = factory.FormClient(admin);

        await client.SubmitAsync(AdminData.UserPage(first.Id), "form[data-role=editor]");
        await client.SubmitAsync(AdminData.UserPage(second.Id), "form[data-role=writer]");

        await using var check = factory.CreateDbContext();
        var slugs = await check.Users.Where(u => u.Id == first.Id || u.Id == second.Id)
            .Join(check.Writers, u => u.WriterId, w => w.Id, (u, w) => new { u.Id, w.Slug })
            .ToDictionaryAsync(x => x.Id, x => x.Slug);
        Assert.Equal(Slugs.From(name) + "-2", slugs[first.Id]);
        Assert.Equal(Slugs.From(name) + "-3", slugs[second.Id]);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task RemovingTheWriterRoleKeepsTheWriterPageAndIsAudited(string provider)
    {
        var factory = apps[provider];
        var admin = await factory.CreateUserAsync(Roles.Admin);
        var writer = await factory.CreateUserAsync(Roles.Writer);
        using var client = factory.FormClient(admin);

        var response = await client.SubmitAsync(AdminData.UserPage(writer.Id), "form[data-role=writer]");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(await factory.StoredRolesAsync(writer.Id));
        Assert.Equal(writer.WriterId, (await factory.AccountAsync(writer.Id))?.WriterId);
        await using (var db = factory.CreateDbContext())
        {
            Assert.True(await db.Writers.AnyAsync(w => w.Id == writer.WriterId));
        }
        var entry = Assert.Single(await factory.AuditAboutAsync($"user:{writer.Id}"));
        Assert.Equal(("user.role-remove", "writer"), (entry.Action, entry.Detail));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnAccountWithAWriterPageKeepsItWhenItBecomesAnEditor(string provider)
    {
        var factory = apps[provider];
        var admin = await factory.CreateUserAsync(Roles.Admin);
        var writer = await factory.CreateUserAsync(Roles.Writer);
        using var client = factory.FormClient(admin);
        await using var db = factory.CreateDbContext();
        var writersBefore = await db.Writers.CountAsync();

        await client.SubmitAsync(AdminData.UserPage(writer.Id), "form[data-role=editor]");

        Assert.Equal(["editor", "writer"], await factory.StoredRolesAsync(writer.Id));
        Assert.Equal(writer.WriterId, (await factory.AccountAsync(writer.Id))?.WriterId);
        Assert.Equal(writersBefore, await db.Writers.CountAsync());
        Assert.Equal("editor", Assert.Single(await factory.AuditAboutAsync($"user:{writer.Id}")).Detail);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ARoleThatDoesNotExistIsRefusedAndStoresNothing(string provider)
    {
        var factory = apps[provider];
        var admin = await factory.CreateUserAsync(Roles.Admin);
        var reader = await factory.CreateUserAsync();
        using var client = factory.FormClient(admin);

        var response = await client.SubmitAsync(AdminData.UserPage(reader.Id), "form[data-role=writer]", ("role", "chief"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Http.ParseAsync(response);
        Assert.StartsWith("'chief' is not a role that can be granted.", page.QuerySelector("[role=alert]")?.Text(), StringComparison.Ordinal);
        Assert.Empty(await factory.StoredRolesAsync(reader.Id));
        Assert.Empty(await factory.AuditAboutAsync($"user:{reader.Id}"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheLastAdminKeepsTheRoleAndNoAdminRemovesTheirOwn(string provider)
    {
        using var factory = new BylineFactory(provider);
        var first = await factory.FirstAdminAsync();
        using var firstClient = factory.FormClient(first);
        Assert.Equal(1, await factory.AdminCountAsync());

        var ownRole = await firstClient.SubmitAsync(AdminData.UserPage(first.Id), "form[data-role=admin]");
        Assert.Equal(HttpStatusCode.Conflict, ownRole.StatusCode);
        Assert.Equal(
            "Administrator is the last admin, and the site must always have one. Make another account an admin first.",
            (await Http.ParseAsync(ownRole)).QuerySelector("[role=alert]")?.Text());
        var ownAccount = await firstClient.PostWithTokenAsync(AdminData.UserPage(first.Id), AdminData.UserPage(first.Id) + "/delete");
        Assert.Equal(HttpStatusCode.Conflict, ownAccount.StatusCode);
        Assert.Contains("is the last admin", (await Http.ParseAsync(ownAccount)).QuerySelector("[role=alert]")?.Text(), StringComparison.Ordinal);

        var second = await factory.CreateUserAsync(Roles.Admin);
        var stillOwn = await firstClient.SubmitAsync(AdminData.UserPage(first.Id), "form[data-role=admin]");
        Assert.Equal(HttpStatusCode.Conflict, stillOwn.StatusCode);
        Assert.Equal("You cannot remove your own admin role; another admin has to do it.", (await Http.ParseAsync(stillOwn)).QuerySelector("[role=alert]")?.Text());

        using var secondClient = factory.FormClient(second);
        Assert.Equal(HttpStatusCode.Redirect, (await secondClient.SubmitAsync(AdminData.UserPage(first.Id), "form[data-role=admin]")).StatusCode);
        var lastOne = await secondClient.SubmitAsync(AdminData.UserPage(second.Id), "form[data-role=admin]");
        Assert.Equal(HttpStatusCode.Conflict, lastOne.StatusCode);

        Assert.Equal(["admin"], await factory.StoredRolesAsync(second.Id));
        Assert.Empty(await factory.StoredRolesAsync(first.Id));
        Assert.Equal(["user.role-remove"], (await factory.AuditAboutAsync($"user:{first.Id}")).Select(e => e.Action));
        Assert.Empty(await factory.AuditAboutAsync($"user:{second.Id}"));
        // The account that lost the role is no longer let in, even with the token it signed in with.
        Assert.Equal(HttpStatusCode.Forbidden, (await firstClient.GetAsync("/admin/users")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TwoAdminsRemovingEachOtherAtOnceLeaveTheSiteWithOne(string provider)
    {
        using var factory = new BylineFactory(provider);
        var first = await factory.FirstAdminAsync();
        var a = await factory.CreateUserAsync(Roles.Admin);
        var b = await factory.CreateUserAsync(Roles.Admin);
        using var aClient = factory.FormClient(a);
        using var bClient = factory.FormClient(b);
        Assert.Equal(HttpStatusCode.Redirect, (await aClient.SubmitAsync(AdminData.UserPage(first.Id), "form[data-role=admin]")).StatusCode);
        var aPage = await aClient.GetPageAsync(AdminData.UserPage(b.Id));
        var bPage = await bClient.GetPageAsync(AdminData.UserPage(a.Id));

        var answers = await Task.WhenAll(
            aClient.SubmitAsync(aPage, AdminData.UserPage(b.Id), "form[data-role=admin]"),
            bClient.SubmitAsync(bPage, AdminData.UserPage(a.Id), "form[data-role=admin]"));

        Assert.Equal(1, answers.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.Equal(1, await factory.AdminCountAsync());
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task LockingStopsTheAccountsTokensAtOnceAndUnlockingRestoresThem(string provider)
    {
        var factory = apps[provider];
        var admin = await factory.CreateUserAsync(Roles.Admin);
        var writer = await factory.CreateUserAsync(Roles.Writer);
        using var adminClient = factory.FormClient(admin);
        using var writerClient = factory.ClientFor(writer);
        Assert.Equal(HttpStatusCode.OK, (await writerClient.GetAsync("/api/v1/me")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await adminClient.SubmitAsync(AdminData.UserPage(writer.Id), "#lock-form")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await writerClient.GetAsync("/api/v1/me")).StatusCode);
        var page = await adminClient.GetPageAsync(AdminData.UserPage(writer.Id));
        Assert.Equal("Locked", page.QuerySelector(".account-status")?.Text());
        var list = await adminClient.GetPageAsync("/admin/users?q=" + Uri.EscapeDataString(writer.Email));
        Assert.Equal("Locked", list.QuerySelector(".users-table tbody tr td:last-child")?.Text());

        Assert.Equal(HttpStatusCode.Redirect, (await adminClient.SubmitAsync(AdminData.UserPage(writer.Id), "#unlock-form")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await writerClient.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(["user.lock", "user.unlock"], (await factory.AuditAboutAsync($"user:{writer.Id}")).Select(e => e.Action));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnAdminCannotLockThemself(string provider)
    {
        var factory = apps[provider];
        var admin = await factory.CreateUserAsync(Roles.Admin);
        using var client = factory.FormClient(admin);
        var own = AdminData.UserPage(admin.Id);
        Assert.Null((await client.GetPageAsync(own)).QuerySelector("#lock-form"));

        var response = await client.PostWithTokenAsync(own, own + "?handler=Lock");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("You cannot lock your own account.", (await Http.ParseAsync(response)).QuerySelector("[role=alert]")?.Text());
        Assert.Null((await factory.AccountAsync(admin.Id))?.LockoutEnd);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task DeletingAnAccountKeepsItsCommentsUnderItsNameAndRemovesItsTokens(string provider)
    {
        var factory = apps[provider];
        var admin = await factory.CreateUserAsync(Roles.Admin);
        var reader = await factory.CreateUserAsync();
        var slug = Unique.Slug("deleted-commenter");
        await factory.AddStoryAsync(slug);
        using var readerClient = factory.ClientFor(reader);
        var posted = await readerClient.PostAsync($"/api/v1/articles/{slug}/comments", new StringContent(
            $$"""{"body":"Worth keeping.","authorName":"{{reader.DisplayName}}"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        await using (var db = factory.CreateDbContext())
        {
            // Signed-in comments carry their author's account id.
            await db.Comments.Where(c => c.AuthorName == reader.DisplayName).ExecuteUpdateAsync(c => c.SetProperty(x => x.AuthorUserId, reader.Id));
        }
        using var client = factory.FormClient(admin);
        var confirm = await client.GetPageAsync(AdminData.UserPage(reader.Id) + "/delete");
        Assert.Contains("Its 1 comment stays", confirm.QuerySelector(".consequences")?.Text(), StringComparison.Ordinal);

        var response = await client.SubmitAsync(confirm, AdminData.UserPage(reader.Id) + "/delete", "#delete-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/users", response.Headers.Location?.OriginalString);
        var list = await client.GetPageAsync("/admin/users");
        Assert.Equal($"Deleted the account of {reader.DisplayName} ({reader.Email}).", list.QuerySelector("[role=status]")?.Text());
        Assert.Null(await factory.AccountAsync(reader.Id));
        await using (var db = factory.CreateDbContext())
        {
            Assert.False(await db.ApiTokens.AnyAsync(t => t.UserId == reader.Id));
            Assert.Equal(reader.DisplayName, (await db.Comments.SingleAsync(c => c.AuthorUserId == reader.Id)).AuthorName);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await readerClient.GetAsync("/api/v1/me")).StatusCode);
        var story = await factory.CreateClient().GetPageAsync($"/world/{slug}");
        Assert.Contains(story.QuerySelectorAll(".comment-author"), a => a.Text() == reader.DisplayName);
        var entry = Assert.Single(await factory.AuditAboutAsync($"user:{reader.Id}"));
        Assert.Equal(("user.delete", $"{reader.DisplayName} <{reader.Email}>", admin.Id), (entry.Action, entry.Detail, entry.ActorUserId));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(AdminData.UserPage(reader.Id))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnAdminCannotDeleteThemself(string provider)
    {
        var factory = apps[provider];
        var admin = await factory.CreateUserAsync(Roles.Admin);
        using var client = factory.FormClient(admin);
        var confirm = AdminData.UserPage(admin.Id) + "/delete";
        Assert.Null((await client.GetPageAsync(confirm)).QuerySelector("#delete-form"));

        var response = await client.PostWithTokenAsync(AdminData.UserPage(admin.Id), confirm);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("You cannot delete your own account; another admin has to do it.", (await Http.ParseAsync(response)).QuerySelector("[role=alert]")?.Text());
        Assert.NotNull(await factory.AccountAsync(admin.Id));
        Assert.Empty(await factory.AuditAboutAsync($"user:{admin.Id}"));
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AnAccountThatDoesNotExistIsNotFound(string provider)
    {
        var factory = apps[provider];
        var admin = await factory.CreateUserAsync(Roles.Admin);
        using var adminClient = factory.FormClient(admin);

        Assert.Equal(HttpStatusCode.NotFound, (await adminClient.GetAsync("/admin/users/no-such-account")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await adminClient.GetAsync("/admin/users/no-such-account/delete")).StatusCode);
        var grant = await adminClient.PostWithTokenAsync(AdminData.UserPage(admin.Id), "/admin/users/no-such-account?handler=AddRole", ("role", "writer"));
        Assert.Equal(HttpStatusCode.NotFound, grant.StatusCode);
    }
}
