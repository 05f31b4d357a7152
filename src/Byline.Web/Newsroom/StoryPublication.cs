using Byline.Data.Articles;
using Microsoft.EntityFrameworkCore.Query;

namespace Byline.Web.Newsroom;

/// <summary>
/// What publishing and unpublishing write, as conditional updates: the editor's button and the scheduler set the same
/// columns, and each update names the state it expects, so a story that moved meanwhile is left alone.
/// </summary>
public static class StoryPublication
{
    /// <summary>
    /// Public from now on: the first publication time is kept through unpublish and republish; the Version bump tells
    /// every node's fragment cache that the page changed.
    /// </summary>
    public static void Publish(UpdateSettersBuilder<Article> set, DateTimeOffset now)
    {
        set.SetProperty(a => a.State, ArticleState.Published)
            .SetProperty(a => a.PublishedAt, a => a.PublishedAt ?? now)
            .SetProperty(a => a.PublishAt, (DateTimeOffset?)null)
            .SetProperty(a => a.UnpublishedReason, (string?)null)
            .SetProperty(a => a.Version, a => a.Version + 1);
    }

    public static void Unpublish(UpdateSettersBuilder<Article> set, string reason)
    {
        set.SetProperty(a => a.State, ArticleState.Unpublished)
            .SetProperty(a => a.UnpublishedReason, reason)
            .SetProperty(a => a.Version, a => a.Version + 1);
    }
}
