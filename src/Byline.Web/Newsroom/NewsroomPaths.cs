namespace Byline.Web.Newsroom;

/// <summary>The newsroom's URLs, in one place.</summary>
public static class NewsroomPaths
{
    public const string Index = "/newsroom";
    public const string New = "/newsroom/new";
    public const string Preview = "/newsroom/preview";
    public const string Api = "/api/v1/newsroom/stories";

    public static string Story(int id) => $"/newsroom/stories/{id}";

    /// <summary>What changed between two revisions (the revision history's diff page).</summary>
    public static string Diff(int id, int from, int to) => $"/newsroom/stories/{id}/revisions/diff?from={from}&to={to}";

    public static string Revisions(int id) => $"/newsroom/stories/{id}/revisions";

    public static string ApiStory(int id) => $"{Api}/{id}";
}
