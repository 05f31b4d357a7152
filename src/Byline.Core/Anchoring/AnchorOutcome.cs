namespace Byline.Core.Anchoring;

/// <summary>What re-anchoring did with a passage when the text changed.</summary>
public enum AnchorOutcome
{
    /// <summary>The same words at the same offsets.</summary>
    Kept,

    /// <summary>The same words, at other offsets (text before them changed, or they moved).</summary>
    Moved,

    /// <summary>The words themselves changed a little; attached to the closest match.</summary>
    Fuzzy,

    /// <summary>No place in the new text is confidently the passage.</summary>
    Orphaned,
}

/// <summary>
/// The result of re-anchoring one passage. <see cref="Start"/>/<see cref="End"/> are meaningless when orphaned.
/// <see cref="Touched"/> says the edit changed characters inside the passage (so a correction may have addressed it).
/// </summary>
public readonly record struct Reanchored(AnchorOutcome Outcome, int Start, int End, double Confidence, bool Touched);
