namespace Byline.Data.Articles;

/// <summary>Where a story is in the newsroom's workflow. Only <see cref="Published"/> stories are public.</summary>
public enum ArticleState
{
    Draft = 0,
    InReview = 1,
    Scheduled = 2,
    Published = 3,
    Unpublished = 4,
}
