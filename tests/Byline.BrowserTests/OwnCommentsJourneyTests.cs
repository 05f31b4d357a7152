using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Byline.BrowserTests.Infrastructure;
using Byline.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Byline.BrowserTests;

/// <summary>
/// A reader's own comments and data in a real browser: edit a comment in place and see it marked "edited", delete
/// one, download everything as a file, and delete the account.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed partial class OwnCommentsJourneyTests(BylineSite site)
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task AReaderEditsAndDeletesTheirCommentsDownloadsTheirDataAndDeletesTheirAccount()
    {
        var email = $"own-{Guid.NewGuid():N}@example.test";
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<BylineUser>>();
            var created = await users.CreateAsync(new BylineUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Edith Reader" }, Password);
            Assert.True(created.Succeeded);
        }
        var (path, _) = await site.AddStoryAsync("own-comments", comments: 0);
        await using var context = await site.NewContextAsync();
        var page = await context.OpenAsync("/account/sign-in");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));

        var first = await PostAsync(page, path, "A first thought on the levy, written in haste.");
        var second = await PostAsync(page, path, "A second comment that I will take back.");

        // Edit in place: the text area takes focus, Save shows the new text marked "edited", focus returns to Edit.
        var comment = page.Locator($"#comment-{first}");
        var edit = comment.GetByRole(AriaRole.Button, new() { Name = "Edit your comment" });
        await edit.ClickAsync();
        var textarea = comment.GetByRole(AriaRole.Textbox, new() { Name = "Edit your comment" });
        await Assertions.Expect(textarea).ToBeFocusedAsync();
        await Assertions.Expect(textarea).ToHaveValueAsync("A first thought on the levy, written in haste.");
        await AssertNoViolationsAsync(page);
        await textarea.FillAsync("");
        await comment.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(comment.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Write something before posting.");
        await textarea.FillAsync("A first thought on the levy, *on reflection*.");
        await comment.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(comment.Locator(".comment-body em")).ToHaveTextAsync("on reflection");
        await Assertions.Expect(comment.Locator(".comment-edited")).ToHaveTextAsync("edited");
        await Assertions.Expect(edit).ToBeFocusedAsync();

        // Readers see it edited too, after a reload.
        await page.ReloadAsync();
        await Assertions.Expect(comment.Locator(".comment-edited time")).ToHaveTextAsync("edited");
        await Assertions.Expect(comment.Locator(".comment-body")).ToContainTextAsync("on reflection");

        // Delete with a confirmation step.
        var other = page.Locator($"#comment-{second}");
        await other.GetByRole(AriaRole.Button, new() { Name = "Delete your comment" }).ClickAsync();
        await other.GetByRole(AriaRole.Button, new() { Name = "Yes, delete it" }).ClickAsync();
        await Assertions.Expect(page.Locator($"#comment-{second} .comment-placeholder")).ToHaveTextAsync("[deleted]");
        await Assertions.Expect(page.Locator($"#comment-{second} .comment-placeholder")).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Last).ToHaveTextAsync("Your comment is deleted.");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator($"#comment-{second}")).ToHaveCountAsync(0);
        await AssertNoViolationsAsync(page);

        // Download everything.
        var data = await context.OpenAsync("/account/data");
        await AssertNoViolationsAsync(data);
        var download = await data.RunAndWaitForDownloadAsync(() => data.GetByRole(AriaRole.Button, new() { Name = "Download my data" }).ClickAsync());
        Assert.StartsWith("byline-my-data-", download.SuggestedFilename, StringComparison.Ordinal);
        using (var json = JsonDocument.Parse(await File.ReadAllTextAsync(await download.PathAsync())))
        {
            Assert.Equal(email, json.RootElement.GetProperty("account").GetProperty("email").GetString());
            var comments = json.RootElement.GetProperty("comments").EnumerateArray().ToList();
            Assert.Contains(comments, c => c.GetProperty("body").GetString()!.Contains("on reflection", StringComparison.Ordinal)
                && c.GetProperty("edits").GetArrayLength() == 1);
        }

        // Delete the account, comments anonymised: the text stays under "Former reader".
        await data.GetByLabel("Keep them, anonymised").CheckAsync();
        await data.GetByLabel("Your password, to confirm").FillAsync(Password);
        await data.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }).ClickAsync();
        await data.WaitForURLAsync(new Regex("/account/deleted$"));
        await Assertions.Expect(data.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your account is deleted");
        Assert.Equal("false", await data.Locator("body").GetAttributeAsync("data-signed-in"));
        await AssertNoViolationsAsync(data);
        await data.GotoAsync(path);
        await Assertions.Expect(data.Locator($"#comment-{first} .comment-author")).ToHaveTextAsync("Former reader");
        await Assertions.Expect(data.Locator($"#comment-{first} .comment-body")).ToContainTextAsync("on reflection");
    }

    private static async Task<long> PostAsync(IPage page, string path, string body)
    {
        await page.GotoAsync(path);
        var form = page.Locator("form#comment-form");
        await form.GetByLabel("Comment", new() { Exact = true }).FillAsync(body);
        await form.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await page.WaitForURLAsync(CommentUrl());
        return long.Parse(CommentUrl().Match(page.Url).Groups["id"].Value, CultureInfo.InvariantCulture);
    }

    private static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxeAsync();
        if (result.Violations.Length == 0)
        {
            return;
        }
        var text = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"axe found {result.Violations.Length} violation(s) on {page.Url}:");
        foreach (var violation in result.Violations)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    {node.Target}: {node.Html}");
            }
        }
        Assert.Fail(text.ToString());
    }

    [GeneratedRegex(@"#comment-(?<id>\d+)$")]
    private static partial Regex CommentUrl();
}
