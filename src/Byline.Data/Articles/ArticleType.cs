namespace Byline.Data.Articles;

/// <summary>The label that tells readers what kind of journalism a story is.</summary>
public enum ArticleType
{
    News = 0,
    Analysis = 1,
    Opinion = 2,
    Explainer = 3,
}
