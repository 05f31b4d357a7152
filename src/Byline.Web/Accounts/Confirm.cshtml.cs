using Byline.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Byline.Web.Accounts;

/// <summary>
/// Email confirmation: the link from the mail (?user=…&amp;code=…), "check your inbox" after registering, and
/// "send the link again", which answers the same whether or not the address has an unconfirmed account.
/// </summary>
[EnableRateLimiting(AccountLimits.PerClientPolicy)]
public sealed class ConfirmModel(UserManager<BylineUser> users, AccountEmails emails, AccountLimits limits) : AccountPageModel
{
    public const string SentToKey = "confirm-sent-to";

    public enum Outcome { CheckInbox, Confirmed, InvalidLink }

    public Outcome Result { get; private set; }

    /// <summary>The address the link was just sent to, when this page follows registration.</summary>
    public string? SentTo { get; private set; }

    [BindProperty] public string? Email { get; set; }

    public async Task<IActionResult> OnGetAsync(string? user, string? code)
    {
        if (user is null && code is null)
        {
            SentTo = TempData[SentToKey] as string;
            Email = SentTo;
            Result = Outcome.CheckInbox;
            return Page();
        }
        var token = AccountEmails.Decode(code);
        var found = user is null || token is null ? null : await users.FindByIdAsync(user);
        if (found is null || token is null)
        {
            Result = Outcome.InvalidLink;
            return Page();
        }
        if (found.EmailConfirmed)
        {
            Result = Outcome.Confirmed;
            return Page();
        }
        Result = (await users.ConfirmEmailAsync(found, token)).Succeeded ? Outcome.Confirmed : Outcome.InvalidLink;
        if (Result == Outcome.InvalidLink)
        {
            Email = found.Email;
        }
        return Page();
    }

    /// <summary>Sends the link again.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Result = Outcome.CheckInbox;
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
        if (await users.FindByEmailAsync(email) is { EmailConfirmed: false } user)
        {
            await emails.SendConfirmationAsync(user, Request, cancellationToken);
        }
        SetStatus($"If {email} belongs to an account that is not confirmed yet, a new link is on its way. Links from earlier emails keep working.");
        return Redirect(AccountPaths.Confirm);
    }
}
