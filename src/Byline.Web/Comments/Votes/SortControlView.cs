namespace Byline.Web.Comments.Votes;

/// <param name="BasePath">The page the links sort: the story, or its discussion page.</param>
public sealed record SortControlView(ThreadSort Current, string BasePath);
