namespace Byline.Web.Comments.Votes;

/// <summary>A comment's counts after a vote, and the caller's own vote on it: 1, -1 or 0 (none).</summary>
public sealed record VoteDto(long CommentId, int UpVotes, int DownVotes, int Score, int Vote);

/// <summary>The body of PUT /api/v1/comments/{id}/vote.</summary>
public sealed record VoteBody(int? Value);

/// <summary>The caller's votes on one story's comments.</summary>
public sealed record MyVotesDto(IReadOnlyList<MyVoteDto> Votes);

public sealed record MyVoteDto(long CommentId, int Value);

/// <summary>A comment's featured state after an editor's change.</summary>
public sealed record FeatureDto(long CommentId, bool Featured, DateTimeOffset? FeaturedAt);
