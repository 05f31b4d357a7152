namespace Byline.Data.Comments;

public enum CommentStatus
{
    Approved = 0,
}
