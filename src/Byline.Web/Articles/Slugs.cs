using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Byline.Web.Articles;

/// <summary>URL slugs: lowercase letters and digits of any script, separated by single hyphens.</summary>
public static partial class Slugs
{
    public const int MaxLength = 80;

    /// <summary>Names that a section slug may not take because the site's own routes use them.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "api", "writers", "errors", "search", "newsroom", "moderation", "admin", "account", "openapi",
        "healthz", "readyz", "metrics", "feeds", "css", "js", "images", "robots.txt", "sitemap.xml", "favicon.ico",
        "sitemaps", "oembed",
    };

    public static bool IsValid(string? slug) =>
        slug is { Length: > 0 and <= 200 } && SlugPattern().IsMatch(slug);

    /// <summary>Derives a slug: Latin diacritics are dropped (é → e), other scripts are kept, everything else separates words.</summary>
    public static string From(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingHyphen = false;
        var afterLatin = false;
        foreach (var rune in decomposed.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                // Accents on Latin letters go (café → cafe); marks that other scripts need (が, हिन्दी) stay.
                if (!afterLatin && builder.Length > 0 && !pendingHyphen)
                {
                    builder.Append(rune.ToString());
                }
                continue;
            }
            afterLatin = rune.Value < 0x0250 || rune.Value is >= 0x1E00 and <= 0x1EFF;
            if (Rune.IsLetterOrDigit(rune))
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }
                pendingHyphen = false;
                builder.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else if (rune.Value is not ('\'' or '’'))
            {
                pendingHyphen = true;
            }
        }

        var slug = builder.ToString().Normalize(NormalizationForm.FormC);
        if (slug.Length > MaxLength)
        {
            var cut = slug[..MaxLength];
            var lastHyphen = cut.LastIndexOf('-');
            slug = lastHyphen > MaxLength / 2 ? cut[..lastHyphen] : cut.TrimEnd('-');
            if (char.IsHighSurrogate(slug[^1]))
            {
                slug = slug[..^1];
            }
        }
        return slug;
    }

    [GeneratedRegex(@"^[\p{Ll}\p{Lo}\p{Lm}\p{Nd}][\p{Ll}\p{Lo}\p{Lm}\p{Nd}\p{Mn}\p{Mc}]*(?:-[\p{Ll}\p{Lo}\p{Lm}\p{Nd}][\p{Ll}\p{Lo}\p{Lm}\p{Nd}\p{Mn}\p{Mc}]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
