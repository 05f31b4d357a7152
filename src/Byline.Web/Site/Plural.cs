using System.Globalization;

namespace Byline.Web.Site;

public static class Plural
{
    /// <summary>"1 Comment", "12 Comments", "1,204 Comments".</summary>
    public static string Count(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? one : many)}");
}
