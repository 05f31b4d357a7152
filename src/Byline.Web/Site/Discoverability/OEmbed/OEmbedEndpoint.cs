using System.Text.Encodings.Web;
using System.Text.Unicode;
using Byline.Data;
using Byline.Web.Articles;
using Byline.Web.Hosting;
using Byline.Web.Media;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Site.Discoverability.OEmbed;

/// <summary>
/// The oEmbed provider: <c>GET /oembed?url=…&amp;format=json|xml[&amp;maxwidth=…&amp;maxheight=…]</c> describes a
/// published story of this site. Any other address answers 404, a malformed request 400.
/// </summary>
public static class OEmbedEndpoint
{
    /// <summary>The room the citation asks for when the consumer sets no limit; it reflows into less.</summary>
    public const int DefaultWidth = 600;
    public const int DefaultHeight = 200;

    /// <summary>The thumbnail's widest size when the consumer sets no limit: a thumbnail, not the lead image.</summary>
    public const int ThumbnailWidth = 640;

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetAsync(
        HttpRequest request,
        HttpResponse response,
        BylineDbContext db,
        SiteIdentities identities,
        [FromQuery] string? url,
        [FromQuery] string? format,
        [FromQuery(Name = "maxwidth")] string? maxWidth,
        [FromQuery(Name = "maxheight")] string? maxHeight,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var (parsed, problem) = OEmbedRequest.Parse(url, format, maxWidth, maxHeight);
        if (parsed is null)
        {
            return problem!;
        }
        var site = await identities.ForAsync(request, cancellationToken);
        if (StorySlug(parsed.Url, site) is not { } slug)
        {
            return NotFound();
        }
        var story = await db.Articles.AsNoTracking().Published()
            .Where(a => a.Slug == slug)
            .Select(a => new { a.Id, a.Slug, a.Headline, a.Language, a.LeadImageId, SectionSlug = a.Section.Slug })
            .FirstOrDefaultAsync(cancellationToken);
        if (story is null)
        {
            return NotFound();
        }
        // A query of its own: as a collection in the query above, SQLite materializes the join of every story's bylines
        // (30 ms at 50,000 stories) before it picks this story's.
        var writers = await db.Articles.AsNoTracking()
            .Where(a => a.Id == story.Id)
            .SelectMany(a => a.Bylines)
            .OrderBy(b => b.Position)
            .Select(b => new { b.Writer.DisplayName, b.Writer.Slug })
            .ToListAsync(cancellationToken);
        var lead = story.LeadImageId is { } imageId ? await LeadImage.FindAsync(db, imageId, cancellationToken) : null;

        var storyUrl = site.Url(ArticlePaths.Story(story.SectionSlug, story.Slug));
        var authors = Names([.. writers.Select(w => w.DisplayName)]);
        var answer = new OEmbedResponse(
            story.Headline,
            authors,
            writers.Count > 0 ? site.Url(ArticlePaths.Writer(writers[0].Slug)) : site.HomeUrl,
            site.Name,
            site.HomeUrl,
            Citation(storyUrl, story.Headline, story.Language, authors, site),
            Math.Min(parsed.MaxWidth ?? DefaultWidth, DefaultWidth),
            Math.Min(parsed.MaxHeight ?? DefaultHeight, DefaultHeight),
            lead is null ? null : Thumbnail(lead, parsed, site));

        // Public facts about a public story: any page may fetch them from a script.
        response.Headers.AccessControlAllowOrigin = "*";
        response.Headers.CacheControl = "public, max-age=300";
        return parsed.Format == OEmbedRequest.Xml
            ? TypedResults.Text(answer.ToXml(), "text/xml; charset=utf-8")
            : TypedResults.Text(answer.ToJson(), "application/json; charset=utf-8");
    }

    /// <summary>The slug of a story address on this site ("/{section}/{slug}", any scheme), or null.</summary>
    public static string? StorySlug(Uri url, SiteIdentity site)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(site);
        if (!Uri.TryCreate(site.HomeUrl, UriKind.Absolute, out var origin))
        {
            return null;
        }
        // A story shared as http:// on an https site is still this site's; another host or port is not.
        var sameSite = string.Equals(url.Host, origin.Host, StringComparison.OrdinalIgnoreCase)
            && (url.Port == origin.Port || url.Scheme != origin.Scheme);
        var basePath = origin.AbsolutePath.TrimEnd('/');
        if (!sameSite || !url.AbsolutePath.StartsWith(basePath + "/", StringComparison.Ordinal))
        {
            return null;
        }
        var segments = url.AbsolutePath[basePath.Length..].Trim('/').Split('/');
        return segments.Length == 2 && segments.All(s => s.Length > 0) && Slugs.IsValid(Uri.UnescapeDataString(segments[1]))
            ? Uri.UnescapeDataString(segments[1])
            : null;
    }

    /// <summary>"A", "A and B", "A, B and C": as the story page credits them.</summary>
    public static string Names(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return names.Count <= 1 ? string.Concat(names) : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";
    }

    /// <summary>The embed: a blockquote with the headline linked to the story, the byline and the site. Every text is encoded.</summary>
    private static string Citation(string storyUrl, string headline, string language, string authors, SiteIdentity site)
    {
        var url = Encoder.Encode(storyUrl);
        var byline = authors.Length == 0 ? "" : $"Writer: {Encoder.Encode(authors)} · ";
        return $"<blockquote class=\"byline-embed\" cite=\"{url}\" lang=\"{Encoder.Encode(language)}\" dir=\"{TextDirection.Of(language)}\">"
            + $"<p><a href=\"{url}\">{Encoder.Encode(headline)}</a></p>"
            + $"<p>{byline}<a href=\"{Encoder.Encode(site.HomeUrl)}\">{Encoder.Encode(site.Name)}</a></p></blockquote>";
    }

    /// <summary>The largest JPEG rendition inside the consumer's limits (the spec says a thumbnail respects them), or none.</summary>
    private static CardImage? Thumbnail(LeadImage lead, OEmbedRequest request, SiteIdentity site)
    {
        var maxWidth = Math.Min(request.MaxWidth ?? ThumbnailWidth, ThumbnailWidth);
        var fit = lead.Sizes.Where(s => s.Width <= maxWidth && s.Height <= (request.MaxHeight ?? int.MaxValue)).MaxBy(s => s.Width);
        return fit is null ? null : new CardImage(site.Url(MediaPaths.Rendition(lead.Key, fit.Width, MediaPaths.Jpeg)), fit.Width, fit.Height, lead.Alt);
    }

    private static ProblemHttpResult NotFound() =>
        Problems.Create(StatusCodes.Status404NotFound, "not-found", "There is no published story of this site at that address.", "url");
}
