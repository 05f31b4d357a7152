using Byline.Data.Accounts;
using Byline.Web.Accounts;

namespace Byline.Web.Media;

/// <summary>
/// The one place that decides who may add images: the people who write stories (writers, editors, and admins, who hold
/// every role). Stored images are public once a story shows them, and their URLs are unguessable until then.
/// </summary>
public static class MediaAccess
{
    public static bool CanUpload(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInAny(Roles.Writer, Roles.Editor);
    }
}
