using Byline.Data;
using Byline.Web.Data;
using Byline.Web.Hosting.Outbox;

namespace Byline.Web.Search;

/// <summary>Outbox work: index or drop a comment after it was shown, hidden or edited.</summary>
public sealed class CommentIndexing(BylineDbContext db, WriteGate writeGate) : IOutboxHandler
{
    public string Kind => SearchIndex.CommentKind;

    public async Task HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var message = Outbox.Read<SearchIndex.CommentMessage>(payload);
        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            await SearchIndexer.IndexCommentAsync(db, message.CommentId, cancellationToken);
        }
    }
}
