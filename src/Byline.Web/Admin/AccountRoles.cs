using Byline.Data.Accounts;

namespace Byline.Web.Admin;

/// <summary>How an account's roles are listed: reader first (every account is one), then the stored roles in their usual order.</summary>
public static class AccountRoles
{
    public static IReadOnlyList<string> Ordered(IEnumerable<string> stored)
    {
        var held = stored.ToHashSet(StringComparer.Ordinal);
        return Roles.All.Where(role => role == Roles.Reader || held.Contains(role)).ToList();
    }
}
