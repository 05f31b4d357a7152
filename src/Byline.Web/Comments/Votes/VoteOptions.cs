namespace Byline.Web.Comments.Votes;

/// <summary>The "Byline:Votes" configuration section: how fast one account may vote.</summary>
public sealed class VoteOptions
{
    public const string SectionName = "Byline:Votes";

    /// <summary>Votes (cast, changed or withdrawn) an account may make in a burst, and how fast that allowance comes back: 20 a minute.</summary>
    public int Burst { get; set; } = 20;
    public double RefillSeconds { get; set; } = 3;
}
