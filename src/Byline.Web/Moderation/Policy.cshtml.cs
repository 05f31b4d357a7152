using System.Globalization;
using Byline.Data;
using Byline.Data.Accounts;
using Byline.Data.Site;
using Byline.Web.Accounts;
using Byline.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Moderation;

/// <summary>The site's moderation policy, for admins: who is pre-moderated, link and flag limits, banned and suspect terms.</summary>
public sealed class PolicyModel(BylineDbContext db, SiteSettingsStore settings, AuditLog audit, CurrentUser me) : PageModel
{
    public const int MaxTermsLength = 20_000;

    public SiteSettings Current { get; private set; } = null!;
    public Dictionary<string, string> Errors { get; } = [];

    [TempData]
    public string? Status { get; set; }

    [BindProperty] public string? PreModeration { get; set; }
    [BindProperty] public string? MaxLinks { get; set; }
    [BindProperty] public string? ClassifierThreshold { get; set; }
    [BindProperty] public string? FlagThreshold { get; set; }
    [BindProperty] public string? TrustAfterApproved { get; set; }
    [BindProperty] public string? BannedWords { get; set; }
    [BindProperty] public string? SuspectWords { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!me.IsIn(Roles.Admin))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        Current = await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!me.IsIn(Roles.Admin))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var row = await LoadAsync(cancellationToken);
        Current = row;
        if (!Enum.TryParse<PreModeration>(PreModeration, ignoreCase: false, out var preModeration) || !Enum.IsDefined(preModeration))
        {
            Errors[nameof(PreModeration)] = "Choose whose comments wait for a moderator.";
        }
        var maxLinks = Number(nameof(MaxLinks), MaxLinks, 0, 100, "Between 0 and 100 links.");
        var classifier = Number(nameof(ClassifierThreshold), ClassifierThreshold, 0.5, 1, "A probability between 0.5 and 1.");
        var flags = Number(nameof(FlagThreshold), FlagThreshold, 1, 1000, "Between 1 and 1000.");
        var trust = Number(nameof(TrustAfterApproved), TrustAfterApproved, 0, 1000, "Between 0 (never) and 1000.");
        var banned = Terms(nameof(BannedWords), BannedWords);
        var suspect = Terms(nameof(SuspectWords), SuspectWords);
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        row.PreModeration = preModeration;
        row.MaxLinks = (int)maxLinks;
        row.ClassifierThreshold = classifier;
        row.FlagThreshold = flags;
        row.TrustAfterApproved = (int)trust;
        row.BannedWords = banned;
        row.SuspectWords = suspect;
        audit.Record("moderation.policy", "site", $"pre-moderation {preModeration}, max links {maxLinks}, classifier {classifier}, flags {flags}, trust {trust}, "
            + $"{PolicyTerms.Lines(banned).Count()} banned and {PolicyTerms.Lines(suspect).Count()} suspect terms");
        await db.SaveChangesAsync(cancellationToken);
        settings.Invalidate();
        Status = "The moderation policy is saved. New comments are checked against it from now on.";
        return RedirectToPage();
    }

    public string Value(string name, string current) => Request.HasFormContentType ? Request.Form[name].ToString() : current;

    private async Task<SiteSettings> LoadAsync(CancellationToken cancellationToken)
    {
        var row = await db.SiteSettings.FirstOrDefaultAsync(s => s.Id == SiteSettings.SingletonId, cancellationToken);
        if (row is null)
        {
            row = new SiteSettings();
            db.SiteSettings.Add(row);
        }
        return row;
    }

    private double Number(string field, string? text, double min, double max, string message)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= min && value <= max)
        {
            return value;
        }
        Errors[field] = message;
        return 0;
    }

    private string Terms(string field, string? text)
    {
        var (clean, problem) = Comments.TextInput.CleanMultiline(text);
        if (problem != Comments.TextInput.Problem.None || clean.Length > MaxTermsLength)
        {
            Errors[field] = $"One term per line, at most {MaxTermsLength:N0} characters in all.";
            return "";
        }
        return string.Join('\n', PolicyTerms.Lines(clean));
    }
}
