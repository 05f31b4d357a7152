namespace Byline.Data.Articles;

public enum CorrectionKind
{
    Correction = 0,
    Update = 1,
    Clarification = 2,
}
