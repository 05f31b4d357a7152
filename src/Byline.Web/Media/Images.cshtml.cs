using Byline.Data;
using Byline.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Byline.Web.Media;

/// <summary>
/// The newsroom's image library: upload an image with its alt text, caption and credit, and copy the Markdown of a
/// recent one into a story. The body limits of the whole site are raised for this page only.
/// </summary>
[Authorize]
[UploadGate]
[RequestSizeLimit(ImageUploads.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ImageUploads.MaxRequestBytes)]
public sealed class ImagesModel(BylineDbContext db, ImageUploads uploads, SiteSettingsStore settings) : PageModel
{
    public const int ListSize = 24;

    [BindProperty(Name = "file")]
    public IFormFile? Upload { get; set; }

    [BindProperty(Name = "alt")]
    public string? Alt { get; set; }

    [BindProperty(Name = "caption")]
    public string? Caption { get; set; }

    [BindProperty(Name = "credit")]
    public string? Credit { get; set; }

    public ImageUploadError? Error { get; private set; }

    /// <summary>The image just uploaded (after the redirect that follows a successful upload).</summary>
    public string? UploadedKey { get; private set; }

    public IReadOnlyList<RecentImage> Recent { get; private set; } = [];

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public string? ErrorFor(string field) => Error?.Field == field ? Error.Message : null;

    public async Task OnGetAsync(string? uploaded, string? refused, CancellationToken cancellationToken)
    {
        if (refused == UploadGateAttribute.TooLarge)
        {
            Error = ImageUploadError.FileTooLarge;
        }
        UploadedKey = uploaded is not null && ImageUploads.IsWellFormedKey(uploaded) ? uploaded : null;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (image, error) = await uploads.UploadAsync(Upload, Alt, Caption, Credit, cancellationToken);
        if (image is not null)
        {
            return Redirect($"{MediaPaths.Library}?uploaded={image.Key}#image-{image.Key}");
        }
        Error = error;
        Response.StatusCode = error!.Status;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Zone = (await settings.GetAsync(cancellationToken)).Zone;
        Recent = await RecentImage.LoadAsync(db, ListSize, cancellationToken);
    }
}
