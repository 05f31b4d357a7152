namespace Byline.Data.Articles;

public enum DisclaimerMode
{
    SiteDefault = 0,
    Custom = 1,
    None = 2,
}
