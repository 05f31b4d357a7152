using System.Text.Json;
using Byline.Data.Accounts;
using Byline.Web.Articles;
using Byline.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Byline.Web.Accounts;

/// <summary>Sign-in with email and password, or with a passkey (the passkey script asks for options, then posts the answer).</summary>
[EnableRateLimiting(AccountLimits.PerClientPolicy)]
public sealed class SignInModel(SignInManager<BylineUser> signIn, AccountLimits limits, SiteSettingsStore settings) : AccountPageModel
{
    /// <summary>The largest credential JSON a passkey answer needs (attestation objects are a few KB).</summary>
    public const int MaxCredentialLength = 64 * 1024;
    private static string? dummyHash;

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public bool RememberMe { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>Set when the password was right but the address is not confirmed yet: the page offers to send the link again.</summary>
    public bool NeedsConfirmation { get; private set; }

    private UserManager<BylineUser> Users => signIn.UserManager;

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Redirect(AccountPaths.LocalOrNull(ReturnUrl) ?? AccountPaths.Account) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (email, emailError) = AccountInput.Email(Email);
        Email = email;
        if (emailError is not null)
        {
            ModelState.AddModelError(nameof(Email), emailError);
        }
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter your password.");
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        if (!limits.TryAcquireForAccount(email))
        {
            ModelState.AddModelError("", AccountLimits.TooManyForAccount);
            return Invalid(StatusCodes.Status429TooManyRequests);
        }

        var user = await Users.FindByEmailAsync(email);
        if (user is null)
        {
            // Spend the time a password check takes, so the answer's speed does not tell who has an account.
            var hasher = Users.PasswordHasher;
            var probe = new BylineUser { DisplayName = "" };
            dummyHash ??= hasher.HashPassword(probe, "not a password of anyone");
            hasher.VerifyHashedPassword(probe, dummyHash, Password!);
            return Wrong();
        }
        if (await Users.IsLockedOutAsync(user))
        {
            return await LockedAsync(user, cancellationToken);
        }
        if (!user.EmailConfirmed)
        {
            // Identity would say "not allowed" before looking at the password; check it first, so only the owner learns this.
            if (!await Users.CheckPasswordAsync(user, Password!))
            {
                await Users.AccessFailedAsync(user);
                return await Users.IsLockedOutAsync(user) ? await LockedAsync(user, cancellationToken) : Wrong();
            }
            NeedsConfirmation = true;
            ModelState.AddModelError("", "Confirm your email address first: open the link in the email we sent when you registered.");
            return Invalid(StatusCodes.Status403Forbidden);
        }

        var result = await signIn.PasswordSignInAsync(user, Password!, RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return AfterSignIn(user);
        }
        return result.IsLockedOut ? await LockedAsync(user, cancellationToken) : Wrong();
    }

    /// <summary>Starts a passkey sign-in: the options for navigator.credentials.get(), any passkey of this site.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");

    /// <summary>Finishes a passkey sign-in with what the authenticator answered.</summary>
    public async Task<IActionResult> OnPostPasskeyAsync(string? credential)
    {
        if (string.IsNullOrEmpty(credential) || credential.Length > MaxCredentialLength)
        {
            ModelState.AddModelError("", "The passkey did not answer. Try again.");
            return Invalid();
        }
        PasskeyAssertionResult<BylineUser> assertion;
        try
        {
            assertion = await signIn.PerformPasskeyAssertionAsync(credential);
        }
        catch (Exception ex) when (ex is InvalidOperationException or JsonException or FormatException)
        {
            // No sign-in under way (expired, or already used) or an answer that is not a credential at all.
            assertion = PasskeyAssertionResult.Fail<BylineUser>(new PasskeyException(ex.Message, ex));
        }
        if (!assertion.Succeeded)
        {
            ModelState.AddModelError("", "That passkey could not be used to sign in here. Try again, or sign in with your password.");
            return Invalid();
        }
        var user = assertion.User;
        if (await Users.IsLockedOutAsync(user))
        {
            return await LockedAsync(user, HttpContext.RequestAborted);
        }
        if (!await signIn.CanSignInAsync(user))
        {
            ModelState.AddModelError("", "This account cannot sign in yet: its email address is not confirmed.");
            return Invalid(StatusCodes.Status403Forbidden);
        }
        // Keeps the signature counter and flags current, which is how a cloned authenticator would show.
        await Users.AddOrUpdatePasskeyAsync(user, assertion.Passkey);
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: "passkey");
        return AfterSignIn(user);
    }

    private RedirectResult AfterSignIn(BylineUser user) =>
        Redirect(user.MustChangePassword ? AccountPaths.Password : AccountPaths.LocalOrNull(ReturnUrl) ?? "/");

    private PageResult Wrong()
    {
        ModelState.AddModelError("", "The email address or the password is not right.");
        return Invalid(StatusCodes.Status401Unauthorized);
    }

    private async Task<PageResult> LockedAsync(BylineUser user, CancellationToken cancellationToken)
    {
        var zone = (await settings.GetAsync(cancellationToken)).Zone;
        var until = user.LockoutEnd is { } end ? NewsDate.DateAndTime(end, zone) : "later";
        ModelState.AddModelError("", $"Too many failed attempts: this account is locked until {until}. Resetting your password unlocks it now.");
        return Invalid(StatusCodes.Status423Locked);
    }
}
