namespace Byline.Web.Hosting;

/// <summary>
/// Marks a page whose anonymous responses the shared <see cref="PageCache"/> may store.
/// <see cref="Tags"/> name what evicts it, besides the tags the page adds itself.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CachedPageAttribute : Attribute
{
    public string[] Tags { get; init; } = [];
}
