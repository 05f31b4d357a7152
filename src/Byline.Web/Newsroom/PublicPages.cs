using Byline.Web.Data;
using Byline.Web.Hosting;

namespace Byline.Web.Newsroom;

/// <summary>
/// What the newsroom tells the public side after a change readers can see: the story's cached pages and the fronts
/// that list it go, and a new section shows in the navigation. (The change itself bumps the story's Version in its
/// transaction, so rendered fragments keyed by it are never stale.)
/// </summary>
public sealed class PublicPages(PageCache cache, SiteSettingsStore settings)
{
    public void StoryChanged(int storyId) => cache.EvictStory(storyId);

    public void SectionsChanged()
    {
        settings.Invalidate();
        cache.Evict(CacheTags.Fronts);
    }
}
