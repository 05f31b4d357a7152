namespace Byline.Web.Site.Discoverability;

/// <summary>
/// The parts of the site that are no reader's public page: robots.txt asks crawlers to stay out, and their pages say
/// noindex should a crawler arrive anyway. Each is a reserved slug (<see cref="Articles.Slugs.Reserved"/>), so no section
/// shares its path; matching whole segments keeps a section such as "accounting" public.
/// </summary>
public static class PrivateAreas
{
    public static readonly IReadOnlyList<string> Paths = ["/account", "/newsroom", "/moderation", "/admin", "/api"];

    public static bool Contains(PathString path) => Paths.Any(area => path.StartsWithSegments(area, StringComparison.OrdinalIgnoreCase));
}
