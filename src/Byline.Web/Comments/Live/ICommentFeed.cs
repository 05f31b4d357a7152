namespace Byline.Web.Comments.Live;

/// <summary>
/// Tells every app node that a story's discussion has new events. The message is only a nudge ("story 42 changed");
/// the events themselves are rows in the database, so a lost or late nudge delays an update and never loses one.
/// </summary>
public interface ICommentFeed
{
    /// <summary>Nudges every node, this one included; called after the commit that wrote the events.</summary>
    Task PublishAsync(int articleId);

    /// <summary>Calls <paramref name="onChanged"/> for every nudge from any node until <paramref name="cancellationToken"/> ends.</summary>
    Task SubscribeAsync(Action<int> onChanged, CancellationToken cancellationToken);
}
