using Byline.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Byline.Web.Accounts;

/// <summary>Chooses a new password with the link from the reset mail. Success also lifts a lockout: the mailbox vouched.</summary>
[EnableRateLimiting(AccountLimits.PerClientPolicy)]
[AllowPendingPasswordChange]
public sealed class ResetPasswordModel(UserManager<BylineUser> users) : AccountPageModel
{
    public const string InvalidLink = "This reset link is not valid any more (it may have been used, or it expired). Ask for a new one.";

    [BindProperty(SupportsGet = true, Name = "user")] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true, Name = "code")] public string? Code { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public bool HasLink => !string.IsNullOrEmpty(UserId) && !string.IsNullOrEmpty(Code);

    public void OnGet()
    {
        if (!HasLink)
        {
            ModelState.AddModelError("", InvalidLink);
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (passwordError, confirmError) = AccountInput.NewPassword(Password, ConfirmPassword);
        if (passwordError is not null)
        {
            ModelState.AddModelError(nameof(Password), passwordError);
        }
        if (confirmError is not null)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), confirmError);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        var token = AccountEmails.Decode(Code);
        var user = UserId is null || token is null ? null : await users.FindByIdAsync(UserId);
        if (user is null || token is null)
        {
            ModelState.AddModelError("", InvalidLink);
            return Invalid();
        }
        var result = await users.ResetPasswordAsync(user, token, Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(AccountInput.IsPasswordError(error) ? nameof(Password) : "", error.Code == "InvalidToken" ? InvalidLink : AccountInput.Describe(error));
            }
            return Invalid();
        }
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
        }
        SetStatus("Your password is changed. Sign in with the new one.");
        return Redirect(AccountPaths.SignIn);
    }
}
