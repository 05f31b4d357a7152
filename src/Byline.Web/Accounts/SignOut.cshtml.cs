using Byline.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Byline.Web.Accounts;

/// <summary>Signing out is a POST (a link or an image on another page must not sign anyone out); GET offers the button.</summary>
[AllowPendingPasswordChange]
public sealed class SignOutModel(SignInManager<BylineUser> signIn) : AccountPageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
