using Byline.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Byline.Web.Accounts;

[EnableRateLimiting(AccountLimits.PerClientPolicy)]
public sealed class RegisterModel(
    UserManager<BylineUser> users,
    AccountEmails emails,
    AccountLimits limits,
    TimeProvider time) : AccountPageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Redirect(AccountPaths.Account) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (email, emailError) = AccountInput.NewEmail(Email);
        var (name, nameError) = AccountInput.DisplayName(DisplayName);
        var (passwordError, confirmError) = AccountInput.NewPassword(Password, ConfirmPassword);
        Email = email;
        DisplayName = name;
        AddError(nameof(Email), emailError);
        AddError(nameof(DisplayName), nameError);
        AddError(nameof(Password), passwordError);
        AddError(nameof(ConfirmPassword), confirmError);
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        if (!limits.TryAcquireForAccount(email))
        {
            ModelState.AddModelError("", AccountLimits.TooManyForAccount);
            return Invalid(StatusCodes.Status429TooManyRequests);
        }

        if (await users.FindByEmailAsync(email) is { } existing)
        {
            // Same answer as for a new account, in about the same time (a new account's password gets hashed);
            // the owner learns by mail that they already have one.
            _ = users.PasswordHasher.HashPassword(existing, Password!);
            await emails.SendAlreadyRegisteredAsync(existing, Request, cancellationToken);
            return Sent(email);
        }

        var user = new BylineUser
        {
            UserName = email,
            Email = email,
            DisplayName = name,
            CreatedAt = time.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, Password!);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(AccountInput.IsPasswordError(error) ? nameof(Password) : nameof(Email), AccountInput.Describe(error));
            }
            return Invalid();
        }
        await emails.SendConfirmationAsync(user, Request, cancellationToken);
        return Sent(email);
    }

    private RedirectResult Sent(string email)
    {
        TempData[ConfirmModel.SentToKey] = email;
        return Redirect(AccountPaths.Confirm);
    }

    private void AddError(string field, string? error)
    {
        if (error is not null)
        {
            ModelState.AddModelError(field, error);
        }
    }
}
