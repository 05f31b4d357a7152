using Byline.Data.Articles;
using Byline.Web.Articles;
using Microsoft.Extensions.DependencyInjection;

namespace Byline.Tests.Infrastructure;

/// <summary>Arranges stories through the same importer the CLI uses.</summary>
public static class TestData
{
    public static async Task<ArticleImporter.Outcome> AddStoryAsync(
        this BylineFactory factory,
        string slug = "harbour-levy-agreed",
        string section = "world",
        bool commentsOpen = true,
        string body = "The levy was agreed after a long night.\n\nDelegates left at dawn.\n",
        string language = "en",
        IReadOnlyList<string>? writers = null,
        SourceCitation? source = null,
        DisclaimerMode disclaimerMode = DisclaimerMode.SiteDefault,
        string? disclaimerText = null,
        DateTimeOffset? published = null)
    {
        _ = factory.Server;
        await using var scope = factory.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<ArticleImporter>();
        return await importer.ImportAsync(new StoryDocument
        {
            Headline = "Harbour levy agreed after all-night talks",
            Slug = slug,
            Standfirst = "Delegates agreed a levy on heavy fuel.",
            Writers = writers ?? ["Ingrid Halvorsen"],
            Published = published ?? new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero),
            SectionName = section,
            SectionSlug = Slugs.From(section),
            Language = language,
            Source = source,
            DisclaimerMode = disclaimerMode,
            DisclaimerText = disclaimerText,
            CommentsOpen = commentsOpen,
            Body = body,
        });
    }
}
