namespace Byline.Tests.Infrastructure;

/// <summary>Names that no other test in a shared app uses.</summary>
public static class Unique
{
    private static int counter;

    /// <summary>A short suffix that makes a name unique, e.g. for display names.</summary>
    public static string Suffix() => $"{Interlocked.Increment(ref counter)}{Guid.NewGuid().ToString("N")[..4]}";

    public static string Slug(string prefix = "story") => $"{prefix}-{Interlocked.Increment(ref counter)}-{Guid.NewGuid().ToString("N")[..6]}";
}
