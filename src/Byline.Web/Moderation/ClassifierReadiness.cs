using Byline.Core.Moderation;
using Byline.Data;
using Byline.Data.Comments;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Moderation;

/// <summary>
/// Whether the classifier has learned enough to score, remembered for a few seconds while it has not: until then
/// (a new site, for its first weeks) no comment pays for the lookup of its features. Training on this node answers at
/// once; training on another node within <see cref="Lifetime"/>. "Ready" is kept: should reversed decisions take a
/// model back under the minimum, NaiveBayes still declines to score, as it checks the counts every time.
/// </summary>
public sealed class ClassifierReadiness(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private volatile bool ready;
    private DateTimeOffset checkedAt = DateTimeOffset.MinValue;

    public async ValueTask<bool> IsReadyAsync(BylineDbContext db, CancellationToken cancellationToken)
    {
        if (ready || time.GetUtcNow() - checkedAt < Lifetime)
        {
            return ready;
        }
        var documents = await db.ClassifierFeatures.AsNoTracking().Where(f => f.Feature == ClassifierFeature.Documents)
            .Select(f => new { f.Spam, f.Ham }).FirstOrDefaultAsync(cancellationToken);
        ready = documents is not null && documents.Spam >= NaiveBayes.MinDocsPerClass && documents.Ham >= NaiveBayes.MinDocsPerClass;
        checkedAt = time.GetUtcNow();
        return ready;
    }

    /// <summary>The model changed here: look again on the next comment.</summary>
    public void Invalidate() => checkedAt = DateTimeOffset.MinValue;
}
