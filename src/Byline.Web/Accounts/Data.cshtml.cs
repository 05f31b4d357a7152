using System.Text.Json;
using Byline.Data.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Byline.Web.Accounts;

/// <summary>The reader's data: download all of it as JSON, or delete the account (comments anonymised or removed).</summary>
[Authorize]
[EnableRateLimiting(AccountLimits.PerClientPolicy)]
public sealed class DataModel(SignInManager<BylineUser> signIn, AccountExport export, AccountDeletion deletion, CurrentUser me, TimeProvider time) : AccountPageModel
{
    [BindProperty] public string? Password { get; set; }

    /// <summary>"anonymise" or "remove".</summary>
    [BindProperty] public string? Comments { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostDownloadAsync(CancellationToken cancellationToken)
    {
        var data = await export.ExportAsync(me.Id!, AccountExport.SiteUrl(Request), cancellationToken);
        if (data is null)
        {
            return NotFound();
        }
        return File(JsonSerializer.SerializeToUtf8Bytes(data, AccountExport.Json), "application/json", AccountExport.FileName(time.GetUtcNow()));
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken cancellationToken)
    {
        AccountDeletion.CommentChoice? choice = Comments switch
        {
            "anonymise" => AccountDeletion.CommentChoice.Anonymise,
            "remove" => AccountDeletion.CommentChoice.Remove,
            _ => null,
        };
        if (choice is null)
        {
            ModelState.AddModelError(nameof(Comments), "Choose what happens to your comments.");
        }
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter your password to confirm.");
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }
        // Counted towards lockout like a sign-in: this form must not become a way to guess the password.
        var check = await signIn.CheckPasswordSignInAsync(user, Password!, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            ModelState.AddModelError(nameof(Password), check.IsLockedOut
                ? "Too many wrong passwords: the account is locked for a while."
                : "That is not your password.");
            return Invalid(check.IsLockedOut ? StatusCodes.Status429TooManyRequests : StatusCodes.Status400BadRequest);
        }
        switch (await deletion.DeleteAsync(user.Id, choice!.Value, cancellationToken))
        {
            case AccountDeletion.Outcome.Deleted:
                await signIn.SignOutAsync();
                return Redirect(AccountPaths.Deleted);
            case AccountDeletion.Outcome.LastAdmin:
                ModelState.AddModelError("", "You are the last admin, and the site must always have one. Make another account an admin first.");
                return Invalid(StatusCodes.Status409Conflict);
            case AccountDeletion.Outcome.NotFound:
                return NotFound();
            default:
                ModelState.AddModelError("", "The account could not be deleted. Nothing was changed; please try again.");
                return Invalid(StatusCodes.Status409Conflict);
        }
    }
}
