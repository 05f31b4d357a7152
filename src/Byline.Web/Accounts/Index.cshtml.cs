using System.Text.Json;
using Byline.Data;
using Byline.Data.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Accounts;

/// <summary>The signed-in person's own account: profile, passkeys, and signing out everywhere.</summary>
[Authorize]
[EnableRateLimiting(AccountLimits.PerClientPolicy)]
public sealed class IndexModel(SignInManager<BylineUser> signIn, Profiles profiles, BylineDbContext db) : AccountPageModel
{
    public const int MaxPasskeys = 20;
    public const int MaxPasskeyNameCharacters = 80;

    public sealed record PasskeyRow(string Id, string Name, DateTimeOffset CreatedAt);

    public BylineUser Account { get; private set; } = null!;
    public string? WriterPath { get; private set; }
    public string? DisplayName { get; private set; }
    public string? Bio { get; private set; }
    public IReadOnlyList<PasskeyRow> Passkeys { get; private set; } = [];
    public string? PasskeyName { get; private set; }

    /// <summary>The passkey whose rename failed, with the reason.</summary>
    public (string Id, string Error)? RenameError { get; private set; }

    private UserManager<BylineUser> Users => signIn.UserManager;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostProfileAsync(string? displayName, string? bio, CancellationToken cancellationToken)
    {
        if (await LoadAsync() is { } missing)
        {
            return missing;
        }
        var (name, nameError) = AccountInput.DisplayName(displayName);
        var (cleanBio, bioError) = AccountInput.Bio(bio);
        (DisplayName, Bio) = (name, cleanBio);
        if (nameError is not null)
        {
            ModelState.AddModelError(nameof(DisplayName), nameError);
        }
        if (bioError is not null)
        {
            ModelState.AddModelError(nameof(Bio), bioError);
        }
        if (!ModelState.IsValid)
        {
            return Invalid();
        }
        if (!(await profiles.UpdateAsync(Account, name, cleanBio, cancellationToken)).Succeeded)
        {
            ModelState.AddModelError("", "Your profile was changed somewhere else at the same time. Reload the page and try again.");
            return Invalid(StatusCodes.Status409Conflict);
        }
        // The display name travels in the cookie; this session shows the new one at once.
        await signIn.RefreshSignInAsync(Account);
        SetStatus(Account.WriterId is null ? "Your profile is saved." : "Your profile is saved; your writer page shows it too.");
        return Redirect(AccountPaths.Account);
    }

    /// <summary>Starts adding a passkey: the options for navigator.credentials.create().</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync()
    {
        if (await LoadAsync() is { } missing)
        {
            return missing;
        }
        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = Account.Id,
            Name = Account.Email!,
            DisplayName = Account.DisplayName,
        });
        return Content(options, "application/json");
    }

    public async Task<IActionResult> OnPostAddPasskeyAsync(string? passkeyName, string? credential)
    {
        if (await LoadAsync() is { } missing)
        {
            return missing;
        }
        var (cleanName, nameError) = PasskeyNameOf(passkeyName);
        PasskeyName = cleanName;
        if (nameError is not null)
        {
            ModelState.AddModelError(nameof(PasskeyName), nameError);
            return Invalid();
        }
        if (Passkeys.Count >= MaxPasskeys)
        {
            ModelState.AddModelError(nameof(PasskeyName), $"An account can have at most {MaxPasskeys} passkeys. Remove one first.");
            return Invalid();
        }
        if (string.IsNullOrEmpty(credential) || credential.Length > SignInModel.MaxCredentialLength)
        {
            ModelState.AddModelError(nameof(PasskeyName), "Your browser did not create a passkey. Try again.");
            return Invalid();
        }
        PasskeyAttestationResult attestation;
        try
        {
            attestation = await signIn.PerformPasskeyAttestationAsync(credential);
        }
        catch (Exception ex) when (ex is InvalidOperationException or JsonException or FormatException)
        {
            attestation = PasskeyAttestationResult.Fail(new PasskeyException(ex.Message, ex));
        }
        if (!attestation.Succeeded || attestation.UserEntity.Id != Account.Id)
        {
            ModelState.AddModelError(nameof(PasskeyName), "The passkey could not be added. Try again; if it keeps failing, your browser or device may not support passkeys.");
            return Invalid();
        }
        attestation.Passkey.Name = cleanName;
        var added = await Users.AddOrUpdatePasskeyAsync(Account, attestation.Passkey);
        if (!added.Succeeded)
        {
            ModelState.AddModelError(nameof(PasskeyName), "The passkey could not be saved. Try again.");
            return Invalid();
        }
        SetStatus($"Passkey “{cleanName}” added. You can now sign in with it.");
        return Redirect(AccountPaths.Account + "#passkeys");
    }

    public async Task<IActionResult> OnPostRenamePasskeyAsync(string? id, string? name)
    {
        if (await LoadAsync() is { } missing)
        {
            return missing;
        }
        var passkey = await FindPasskeyAsync(id);
        if (passkey is null)
        {
            return NotFound();
        }
        var (cleanName, error) = PasskeyNameOf(name);
        if (error is not null)
        {
            RenameError = (id!, error);
            return Invalid();
        }
        passkey.Name = cleanName;
        await Users.AddOrUpdatePasskeyAsync(Account, passkey);
        SetStatus($"Passkey renamed to “{cleanName}”.");
        return Redirect(AccountPaths.Account + "#passkeys");
    }

    public async Task<IActionResult> OnPostRemovePasskeyAsync(string? id)
    {
        if (await LoadAsync() is { } missing)
        {
            return missing;
        }
        var passkey = await FindPasskeyAsync(id);
        if (passkey is null)
        {
            return NotFound();
        }
        await Users.RemovePasskeyAsync(Account, passkey.CredentialId);
        SetStatus($"Passkey “{passkey.Name}” removed. It no longer signs in to this site.");
        return Redirect(AccountPaths.Account + "#passkeys");
    }

    /// <summary>A new security stamp: every other session fails its next stamp check; this one ends now.</summary>
    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        if (await LoadAsync() is { } missing)
        {
            return missing;
        }
        await Users.UpdateSecurityStampAsync(Account);
        await signIn.SignOutAsync();
        SetStatus("You are signed out on every device and browser.");
        return Redirect(AccountPaths.SignIn);
    }

    /// <summary>Loads the account and its passkeys; a result when there is no such account any more.</summary>
    private async Task<IActionResult?> LoadAsync()
    {
        var user = await Users.GetUserAsync(User);
        if (user is null)
        {
            await signIn.SignOutAsync();
            return Redirect(AccountPaths.SignIn);
        }
        Account = user;
        DisplayName ??= user.DisplayName;
        Bio ??= user.Bio;
        if (user.WriterId is { } writerId)
        {
            var slug = await db.Writers.Where(w => w.Id == writerId).Select(w => w.Slug).FirstOrDefaultAsync(HttpContext.RequestAborted);
            WriterPath = slug is null ? null : Articles.ArticlePaths.Writer(slug);
        }
        Passkeys = [.. (await Users.GetPasskeysAsync(user))
            .OrderBy(p => p.CreatedAt)
            .Select(p => new PasskeyRow(WebEncoders.Base64UrlEncode(p.CredentialId), p.Name ?? "Passkey", p.CreatedAt))];
        return null;
    }

    private async Task<UserPasskeyInfo?> FindPasskeyAsync(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 1400)
        {
            return null;
        }
        byte[] credentialId;
        try
        {
            credentialId = WebEncoders.Base64UrlDecode(id);
        }
        catch (FormatException)
        {
            return null;
        }
        return await Users.GetPasskeyAsync(Account, credentialId);
    }

    private static (string Name, string? Error) PasskeyNameOf(string? raw)
    {
        var (name, problem) = Comments.TextInput.CleanSingleLine(raw);
        if (problem != Comments.TextInput.Problem.None)
        {
            return ("", "The name contains characters that cannot be shown.");
        }
        if (name.Length == 0)
        {
            return ("", "Name the passkey, for example “Phone” or “Work laptop”, so you can tell your passkeys apart.");
        }
        return Comments.TextInput.CountCharacters(name) > MaxPasskeyNameCharacters || name.Length > MaxPasskeyNameCharacters * 4
            ? (name, $"A passkey name can be at most {MaxPasskeyNameCharacters} characters.")
            : (name, null);
    }
}
