using Byline.Data;
using Byline.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Byline.Web.Moderation;

/// <summary>The moderation dashboard: what waits, how fast it is decided, by whom, and how well the classifier agrees.</summary>
public sealed class MetricsModel(BylineDbContext db, SiteSettingsStore settings, TimeProvider time) : PageModel
{
    public ModerationMetrics Metrics { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var site = await settings.GetAsync(cancellationToken);
        Metrics = await ModerationMetrics.LoadAsync(db, time.GetUtcNow(), site.Zone, site.Settings.ClassifierThreshold, cancellationToken);
    }

    public static string Duration(TimeSpan? span) => span switch
    {
        null => "–",
        { TotalMinutes: < 1 } s => $"{s.TotalSeconds:0} s",
        { TotalHours: < 1 } s => $"{s.TotalMinutes:0} min",
        { TotalDays: < 2 } s => $"{s.TotalHours:0.#} h",
        { } s => $"{s.TotalDays:0.#} days",
    };

    public static string Percent(double? value) => value is { } v ? v.ToString("P0", System.Globalization.CultureInfo.InvariantCulture) : "–";
}
