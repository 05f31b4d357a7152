using System.Globalization;
using Byline.Data.Site;
using Byline.Web.Comments;

namespace Byline.Web.Admin;

/// <summary>
/// The site settings an admin edits at /admin/site, as posted, and the rules they must meet (the lengths are the
/// columns').
/// </summary>
public sealed class SiteSettingsForm
{
    public const int MaxSiteName = 120;
    public const int MaxSiteDescription = 300;
    public const int MaxDisclaimer = 2000;

    public string? SiteName { get; set; }
    public string? SiteDescription { get; set; }
    public string? DefaultDisclaimer { get; set; }
    public bool FeedFullContent { get; set; }

    /// <summary>The key of an uploaded image; empty for none.</summary>
    public string? SiteImage { get; set; }

    public static SiteSettingsForm From(SiteSettings settings, string? imageKey) => new()
    {
        SiteName = settings.SiteName,
        SiteDescription = settings.SiteDescription,
        DefaultDisclaimer = settings.DefaultDisclaimer,
        FeedFullContent = settings.FeedFullContent,
        SiteImage = imageKey ?? "",
    };

    /// <summary>The cleaned texts, and an error per field that is not acceptable (by property name).</summary>
    public (string SiteName, string SiteDescription, string DefaultDisclaimer, Dictionary<string, string> Errors) Clean()
    {
        var errors = new Dictionary<string, string>();
        var name = Line(nameof(SiteName), SiteName, MaxSiteName, required: "Give the site a name.", errors);
        var description = Line(nameof(SiteDescription), SiteDescription, MaxSiteDescription,
            required: "Describe the site in a sentence or two: feeds and search engines show it.", errors);
        var disclaimer = Line(nameof(DefaultDisclaimer), DefaultDisclaimer, MaxDisclaimer, required: null, errors);
        return (name, description, disclaimer, errors);
    }

    private static string Line(string field, string? raw, int max, string? required, Dictionary<string, string> errors)
    {
        var (text, problem) = TextInput.CleanSingleLine(raw);
        if (problem != TextInput.Problem.None)
        {
            errors[field] = "The text contains characters that are not valid text. Please retype it.";
        }
        else if (text.Length == 0 && required is not null)
        {
            errors[field] = required;
        }
        else if (TextInput.IsLongerThan(text, max))
        {
            errors[field] = string.Create(CultureInfo.InvariantCulture, $"At most {max:N0} characters; this is {TextInput.CountCharacters(text):N0}.");
        }
        return text;
    }
}
