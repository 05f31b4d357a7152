namespace Byline.Tests.Infrastructure;

/// <summary>Names that no other test in a shared app uses.</summary>
public static class Unique
{
    private static int counter;

    public static string Slug(string prefix = "story") => $"{prefix}-{Interlocked.Increment(ref counter)}-{Guid.NewGuid().ToString("N")[..6]}";
}
