using System.Globalization;

namespace Byline.Web.Newsroom;

/// <summary>The newsroom's URLs for a story's history and public notes; the story editor links to these.</summary>
public static class RevisionPaths
{
    public static string Story(int id) => string.Create(CultureInfo.InvariantCulture, $"/newsroom/stories/{id}");

    public static string List(int id) => Story(id) + "/revisions";

    public static string Diff(int id, int from, int to) => string.Create(CultureInfo.InvariantCulture, $"{List(id)}/diff?from={from}&to={to}");

    public static string Restore(int id, int number) => string.Create(CultureInfo.InvariantCulture, $"{List(id)}/{number}/restore");

    public static string Corrections(int id) => Story(id) + "/corrections";
}
