using Byline.Data;
using Byline.Web.Data;
using Byline.Web.Hosting;
using Byline.Web.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SiteSettingsRow = Byline.Data.Site.SiteSettings;

namespace Byline.Web.Admin;

/// <summary>
/// The site's own settings, for admins: its name, description, default disclaimer, card image and whether feeds carry
/// whole stories. Every page shows some of them, so a save drops this node's cached settings and pages at once
/// (other nodes see it within their caches' lifetimes).
/// </summary>
public sealed class SiteSettingsModel(BylineDbContext db, SiteSettingsStore settings, AuditLog audit, PageCache pages) : PageModel
{
    /// <summary>The newest images offered as the card image (the current one is offered too, however old).</summary>
    public const int ImageChoices = 24;

    public sealed record ImageChoice(string Key, string Alt, string ThumbnailUrl);

    [BindProperty]
    public SiteSettingsForm Form { get; set; } = new();

    public Dictionary<string, string> Errors { get; private set; } = [];
    public IReadOnlyList<ImageChoice> Images { get; private set; } = [];

    [TempData]
    public string? Status { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var row = await LoadAsync(cancellationToken);
        var key = row.SiteImageId is { } id ? await db.Images.Where(i => i.Id == id).Select(i => i.Key).FirstOrDefaultAsync(cancellationToken) : null;
        Form = SiteSettingsForm.From(row, key);
        Images = await ImageChoicesAsync(row.SiteImageId, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var row = await LoadAsync(cancellationToken);
        var (name, description, disclaimer, errors) = Form.Clean();
        int? imageId = null;
        if (!string.IsNullOrEmpty(Form.SiteImage))
        {
            imageId = await db.Images.Where(i => i.Key == Form.SiteImage).Select(i => (int?)i.Id).FirstOrDefaultAsync(cancellationToken);
            if (imageId is null)
            {
                errors[nameof(SiteSettingsForm.SiteImage)] = "Choose one of the uploaded images, or none.";
            }
        }
        if (errors.Count > 0)
        {
            Errors = errors;
            Images = await ImageChoicesAsync(row.SiteImageId, cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var changed = new List<string>();
        void Note(bool differs, string what)
        {
            if (differs)
            {
                changed.Add(what);
            }
        }
        Note(row.SiteName != name, $"name “{name}”");
        Note(row.SiteDescription != description, "description");
        Note(row.DefaultDisclaimer != disclaimer, "default disclaimer");
        Note(row.FeedFullContent != Form.FeedFullContent, Form.FeedFullContent ? "feeds carry full stories" : "feeds carry summaries");
        Note(row.SiteImageId != imageId, imageId is null ? "no card image" : $"card image {Form.SiteImage}");
        row.SiteName = name;
        row.SiteDescription = description;
        row.DefaultDisclaimer = disclaimer;
        row.FeedFullContent = Form.FeedFullContent;
        row.SiteImageId = imageId;
        if (changed.Count > 0)
        {
            audit.Record("site.settings", "site", string.Join(", ", changed));
        }
        await db.SaveChangesAsync(cancellationToken);
        settings.Invalidate();
        pages.Clear();
        Status = changed.Count > 0 ? "The site settings are saved." : "Nothing changed.";
        return RedirectToPage();
    }

    public string? ErrorFor(string field) => Errors.GetValueOrDefault(field);

    private async Task<SiteSettingsRow> LoadAsync(CancellationToken cancellationToken)
    {
        var row = await db.SiteSettings.FirstOrDefaultAsync(s => s.Id == SiteSettingsRow.SingletonId, cancellationToken);
        if (row is null)
        {
            row = new SiteSettingsRow();
            db.SiteSettings.Add(row);
        }
        return row;
    }

    private async Task<IReadOnlyList<ImageChoice>> ImageChoicesAsync(int? currentId, CancellationToken cancellationToken)
    {
        var recent = db.Images.AsNoTracking().OrderByDescending(i => i.Id).Take(ImageChoices).Select(i => i.Id);
        var rows = await db.Images.AsNoTracking()
            .Where(i => i.Id == currentId || recent.Contains(i.Id))
            .OrderByDescending(i => i.Id)
            .Select(i => new { i.Key, i.Alt, Width = i.Renditions.Where(r => r.ContentType == MediaPaths.Webp).Min(r => (int?)r.Width) })
            .ToListAsync(cancellationToken);
        return [.. rows.Where(r => r.Width is not null).Select(r => new ImageChoice(r.Key, r.Alt, MediaPaths.Rendition(r.Key, r.Width!.Value, MediaPaths.Webp)))];
    }
}
