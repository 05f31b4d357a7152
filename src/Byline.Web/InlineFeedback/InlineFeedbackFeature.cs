using Byline.Web.Hosting.Outbox;

namespace Byline.Web.InlineFeedback;

/// <summary>Readers' responses to passages of a story: anchors, re-anchoring after edits, highlights, corrections that address them.</summary>
public static class InlineFeedbackFeature
{
    public static IServiceCollection AddInlineFeedback(this IServiceCollection services)
    {
        services.AddSingleton<RevisionTexts>();
        services.AddSingleton<PassageAnchoring>();
        services.AddScoped<IOutboxHandler, PassageReanchoring>();
        services.AddScoped<IOutboxHandler, FeedbackAddressedNotice>();
        return services;
    }
}
