using System.Globalization;
using Byline.Core.Moderation;

namespace Byline.Bench.Moderation;

/// <summary>What the web side decides for a new comment, rebuilt from Byline.Core's pieces.</summary>
internal sealed class Pipeline(TermMatcher suspect, TermMatcher banned, NaiveBayesModel? model)
{
    public sealed record Decision(bool Held, bool Rejected, IReadOnlyList<ModerationReason> Reasons);

    public Decision Decide(string text, string storyLanguage)
    {
        var reasons = new List<ModerationReason>();
        var normalized = ModerationText.Normalize(text);

        var bannedFound = banned.Find(normalized);
        if (bannedFound.Count > 0)
            reasons.Add(new ModerationReason(ModerationReason.BannedWord, ModerationVerdict.HoldAt, bannedFound[0]));
        var suspectFound = suspect.Find(normalized);
        if (suspectFound.Count > 0)
            reasons.Add(new ModerationReason(ModerationReason.SuspectWord, 1.0, suspectFound[0]));

        var links = Links.Find(normalized);
        if (links.Count > 2)
            reasons.Add(new ModerationReason(ModerationReason.LinkCount, 1.0, links.Count.ToString(CultureInfo.InvariantCulture)));
        var chat = links.FirstOrDefault(Links.IsChatLink);
        if (chat is not null)
            reasons.Add(new ModerationReason(ModerationReason.ChatLink, 0.6, chat.Host));

        var language = LanguageDetector.Detect(text);
        if (LanguageDetector.Mismatch(language, storyLanguage))
            reasons.Add(new ModerationReason(ModerationReason.LanguageMismatch, 0.5, language.Language));

        var score = model?.Score(ClassifierFeatures.Extract(normalized));
        if (score is not null && score.SpamProbability >= 0.7)
        {
            var p = score.SpamProbability.ToString("0.00", CultureInfo.InvariantCulture);
            reasons.Add(new ModerationReason(ModerationReason.Classifier, score.SpamProbability >= 0.9 ? 1.0 : 0.5, p));
        }

        bool rejected = bannedFound.Count > 0;
        return new Decision(rejected || ModerationVerdict.Holds(reasons), rejected, reasons);
    }
}
