using System.Globalization;
using System.Security.Claims;
using Byline.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Byline.Web.Accounts;

/// <summary>Adds the display name, writer page and pending password change to the principal Identity builds (roles are added by Identity).</summary>
public sealed class BylineClaims(UserManager<BylineUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<BylineUser, IdentityRole>(users, roles, options)
{
    public const string DisplayName = "byline:name";
    public const string WriterId = "byline:writer";

    /// <summary>Present while the account still has a generated password; every page sends it to choose its own.</summary>
    public const string MustChangePassword = "byline:must-change-password";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(BylineUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        if (user.WriterId is { } writerId)
        {
            identity.AddClaim(new Claim(WriterId, writerId.ToString(CultureInfo.InvariantCulture)));
        }
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePassword, "true"));
        }
        return identity;
    }
}
