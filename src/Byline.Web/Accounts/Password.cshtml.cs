using Byline.Data.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Byline.Web.Accounts;

/// <summary>Changes the password; the one page (with sign-out) open to an account that still has a generated password.</summary>
[Authorize]
[AllowPendingPasswordChange]
public sealed class PasswordModel(SignInManager<BylineUser> signIn) : AccountPageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public bool MustChange => User.HasClaim(c => c.Type == BylineClaims.MustChangePassword);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.UserManager.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (string.IsNullOrEmpty(CurrentPassword))
        {
            ModelState.AddModelError(nameof(CurrentPassword), "Enter your current password.");
        }
        var (passwordError, confirmError) = AccountInput.NewPassword(NewPassword, ConfirmPassword);
        if (passwordError is null && NewPassword == CurrentPassword)
        {
            passwordError = "Choose a password different from the current one.";
        }
        if (passwordError is not null)
        {
            ModelState.AddModelError(nameof(NewPassword), passwordError);
        }
        if (confirmError is not null)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), confirmError);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }

        var result = await signIn.UserManager.ChangePasswordAsync(user, CurrentPassword!, NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(
                    error.Code == "PasswordMismatch" ? nameof(CurrentPassword) : nameof(NewPassword),
                    error.Code == "PasswordMismatch" ? "That is not your current password." : AccountInput.Describe(error));
            }
            return Invalid();
        }
        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await signIn.UserManager.UpdateAsync(user);
        }
        // A new cookie: the password change renewed the security stamp, and the pending-change claim is gone.
        await signIn.RefreshSignInAsync(user);
        SetStatus("Your password is changed.");
        return Redirect(AccountPaths.Account);
    }
}
