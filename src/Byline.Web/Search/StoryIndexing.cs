using Byline.Data;
using Byline.Web.Data;
using Byline.Web.Hosting.Outbox;

namespace Byline.Web.Search;

/// <summary>Outbox work: index a story (and reconcile its comments) after a change committed it.</summary>
public sealed class StoryIndexing(BylineDbContext db, WriteGate writeGate) : IOutboxHandler
{
    public string Kind => SearchIndex.StoryKind;

    public async Task HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var message = Outbox.Read<SearchIndex.StoryMessage>(payload);
        using (await writeGate.EnterAsync(db, cancellationToken))
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await SearchIndexer.IndexStoryAsync(db, message.ArticleId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }
}
