using System.Globalization;
using System.Security.Claims;
using Byline.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Byline.Web.Accounts;

/// <summary>Adds the display name and writer page to the principal Identity builds (roles are added by Identity).</summary>
public sealed class BylineClaims(UserManager<BylineUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<BylineUser, IdentityRole>(users, roles, options)
{
    public const string DisplayName = "byline:name";
    public const string WriterId = "byline:writer";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(BylineUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        if (user.WriterId is { } writerId)
        {
            identity.AddClaim(new Claim(WriterId, writerId.ToString(CultureInfo.InvariantCulture)));
        }
        return identity;
    }
}
