using Byline.Core.Moderation;
using Byline.Data;
using Byline.Data.Comments;
using Byline.Web.Data;
using Byline.Web.Hosting.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Moderation;

/// <summary>
/// Teaches the classifier a moderator's decision, from the outbox: approved comments are ham, rejected and spam are
/// spam. Idempotent: the comment records what the model learned from it (TrainedAs), so a repeated message, or a
/// decision reversed later, undoes the old lesson before it teaches the new one and never counts a comment twice.
/// </summary>
public sealed class ClassifierTraining(BylineDbContext db, WriteGate writeGate, ClassifierReadiness readiness) : IOutboxHandler
{
    public const string MessageKind = "moderation.train";

    public sealed record Message(long CommentId);

    public string Kind => MessageKind;

    public static void Enqueue(BylineDbContext db, long commentId, DateTimeOffset now) =>
        Outbox.Enqueue(db, MessageKind, new Message(commentId), now);

    public async Task HandleAsync(string payload, CancellationToken cancellationToken)
    {
        var id = Outbox.Read<Message>(payload).CommentId;
        using (await writeGate.EnterAsync(db, cancellationToken))
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
            var label = comment is null ? null : ModerationActions.TrainingLabel(comment.Status);
            if (comment is null || comment.TrainedAs == label)
            {
                return;
            }
            var features = ClassifierFeatures.Extract(ModerationText.Normalize(comment.BodyMarkdown));
            if (comment.TrainedAs is { } old)
            {
                await ClassifierModel.LearnAsync(db, features, old == "spam", -1, cancellationToken);
            }
            if (label is not null)
            {
                await ClassifierModel.LearnAsync(db, features, label == "spam", +1, cancellationToken);
            }
            comment.TrainedAs = label;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        readiness.Invalidate();
    }
}
