using Byline.Data;
using Byline.Data.Accounts;
using Byline.Data.Comments;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Comments;

/// <summary>The badge a staff member's comment carries ("Writer", "Editor", "Moderator", "Staff"), so readers know who speaks for the site.</summary>
public static class StaffBadges
{
    public static async Task<IReadOnlyDictionary<string, string>> ForAsync(
        BylineDbContext db, IEnumerable<CommentThreads.Node<Comment>> threads, CancellationToken cancellationToken)
    {
        var authors = new HashSet<string>(StringComparer.Ordinal);
        void Collect(CommentThreads.Node<Comment> node)
        {
            if (node.Item.AuthorUserId is { } id)
            {
                authors.Add(id);
            }
            node.Replies.ForEach(Collect);
        }
        foreach (var thread in threads)
        {
            Collect(thread);
        }
        if (authors.Count == 0)
        {
            return new Dictionary<string, string>();
        }
        var roles = await db.UserRoles.AsNoTracking().Where(r => authors.Contains(r.UserId))
            .Join(db.Roles, r => r.RoleId, role => role.Id, (r, role) => new { r.UserId, role.Name })
            .ToListAsync(cancellationToken);
        return roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => Label(g.Select(r => r.Name ?? "").ToList()), StringComparer.Ordinal);
    }

    /// <summary>The role a reader cares about most: who wrote or edited the story, then who moderates.</summary>
    public static string Label(IReadOnlyCollection<string> roles) =>
        roles.Contains(Roles.Editor) ? "Editor"
        : roles.Contains(Roles.Writer) ? "Writer"
        : roles.Contains(Roles.Moderator) ? "Moderator"
        : "Staff";
}
