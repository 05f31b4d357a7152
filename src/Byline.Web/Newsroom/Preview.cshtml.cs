using Byline.Web.Articles;
using Byline.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace Byline.Web.Newsroom;

/// <summary>
/// The live preview: the editor's script posts the form here as the writer types (with the page's antiforgery token)
/// and gets back the story as the public page renders it, as an HTML fragment. Nothing is stored.
/// </summary>
[RequestFormLimits(ValueLengthLimit = 1024 * 1024)]
[RequestSizeLimit(NewsroomApi.MaxRequestBytes)]
public sealed class StoryPreviewModel(StoryPreview previews, SiteSettingsStore settings) : NewsroomPage
{
    [BindProperty]
    public StoryForm Form { get; set; } = new();

    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync(cancellationToken);
        var input = Form.ToInput();
        var story = await previews.BuildAsync(input, cancellationToken);
        var leadImage = await previews.LeadImageAsync(input, cancellationToken);
        // A fragment has no head for a robots meta tag; the header says the same for an unpublished text.
        Response.Headers["X-Robots-Tag"] = "noindex";
        return Partial("/Articles/_StoryArticle.cshtml", new StoryArticleView(story, site.Settings, site.Zone, leadImage));
    }
}
