using Byline.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Byline.Web.Accounts;

/// <summary>Asks for a reset link. The answer is the same for every address, so the form tells no one who has an account.</summary>
[EnableRateLimiting(AccountLimits.PerClientPolicy)]
public sealed class ForgotPasswordModel(UserManager<BylineUser> users, AccountEmails emails, AccountLimits limits) : AccountPageModel
{
    [BindProperty] public string? Email { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (email, error) = AccountInput.Email(Email);
        Email = email;
        if (error is not null)
        {
            ModelState.AddModelError(nameof(Email), error);
            return Invalid();
        }
        if (!limits.TryAcquireForAccount(email))
        {
            ModelState.AddModelError("", AccountLimits.TooManyForAccount);
            return Invalid(StatusCodes.Status429TooManyRequests);
        }
        var user = await users.FindByEmailAsync(email);
        if (user is { EmailConfirmed: true })
        {
            await emails.SendPasswordResetAsync(user, Request, cancellationToken);
        }
        else if (user is not null)
        {
            // Not confirmed yet: the confirmation link is what this person is missing.
            await emails.SendConfirmationAsync(user, Request, cancellationToken);
        }
        SetStatus($"If {email} belongs to an account, we have sent it a link to choose a new password. It expires in a day.");
        return Redirect(AccountPaths.ForgotPassword);
    }
}
