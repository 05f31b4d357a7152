namespace Byline.Core.Tests.Moderation;

public class NaiveBayesTests
{
    private static readonly string[] Ham =
    [
        "The council should publish the budget before the vote.",
        "Thanks for the clear reporting on the hospital waiting times.",
        "I disagree with the mayor, the bridge is too expensive.",
        "Good piece. The numbers on the harbour jobs were new to me.",
        "My street floods every spring and nobody fixes the drains.",
        "Could you follow up on the school closures next month?",
        "The photo caption has the wrong date, otherwise a fine article.",
        "Farmers in our valley say the same about the late frost.",
        "I was at the meeting and the minister did not answer that question.",
        "Excellent interview, the fishermen explained the quota rules well.",
        "The bus timetable change hurts people who work late shifts.",
        "Interesting that the report contradicts last year's figures.",
    ];

    private static readonly string[] Spam =
    [
        "Earn money from home, join our group t.me/richfast now",
        "Free crypto bonus every day, contact us on whatsapp wa.me/123456",
        "Make money fast with our investment group, join t.me/moneyclub",
        "Casino bonus 500 free spins visit best-casino.top today",
        "Join our group for free money and daily crypto signals t.me/signals",
        "Earn 300 dollars a day from home, message wa.me/5551234",
        "Best crypto investment, guaranteed profit, join t.me/profitnow",
        "Free money giveaway, send your details on whatsapp wa.me/777",
        "Win big at the online casino, bonus code FREE500 at lucky.bet",
        "Work from home and earn money daily, join t.me/easyjobs",
        "Crypto trading group with free signals, join t.me/cryptofree",
        "Get rich quick, contact our agent on whatsapp wa.me/888",
    ];

    private static IReadOnlyList<string> F(string text) => ClassifierFeatures.Extract(ModerationText.Normalize(text));

    private static NaiveBayesModel Trained()
    {
        var model = new NaiveBayesModel();
        foreach (var text in Ham)
            model.Train(F(text), spam: false);
        foreach (var text in Spam)
            model.Train(F(text), spam: true);
        return model;
    }

    [Fact]
    public void ExtractsWordsPairsNumbersLinksAndCounts()
    {
        var features = F("Join t.me/abc now, 500 free spins!");

        Assert.Equal(["h:t.me", "links:1", "w:join", "w:now", "w:#", "w:free", "b:# free", "w:spins", "b:free spins"],
            features.Where(f => f is not "b:join now").ToArray());
        Assert.Contains("b:join now", features);
    }

    [Fact]
    public void ExtractsCharacterPairsForScriptsWithoutSpaces()
    {
        var features = F("农场 好 ok");

        Assert.Equal(["links:0", "c:农场", "c:好", "w:ok"], features);
    }

    [Fact]
    public void CountsLinksInBuckets()
    {
        Assert.Contains("links:0", F("no links here"));
        Assert.Contains("links:2+", F("a.com and https://b.org/x and c.net"));
    }

    [Fact]
    public void CapsTheNumberOfFeatures()
    {
        var text = string.Join(' ', Enumerable.Range(0, 1000).Select(i => "word" + (char)('a' + i % 26) + (char)('a' + i / 26 % 26)));

        Assert.Equal(ClassifierFeatures.MaxFeatures, F(text).Count);
    }

    [Fact]
    public void IsNotReadyBelowTheMinimumDocumentsPerClass()
    {
        var model = new NaiveBayesModel();
        foreach (var text in Ham.Take(9))
            model.Train(F(text), spam: false);
        foreach (var text in Spam)
            model.Train(F(text), spam: true);

        Assert.Null(model.Score(F("join t.me/x for free money")));
        Assert.Null(NaiveBayes.Score(["w:x"], _ => null, spamDocs: 100, hamDocs: 3, minDocsPerClass: 10));
    }

    [Theory]
    [InlineData("Join our crypto group for free signals, t.me/goldrush", true)]
    [InlineData("Earn money at home, whatsapp wa.me/999 today", true)]
    [InlineData("The mayor did not answer the question about the budget.", false)]
    [InlineData("Thanks, the reporting on the school closures was clear.", false)]
    public void PredictsHeldOutCommentsCorrectly(string text, bool spam)
    {
        var score = Trained().Score(F(text));

        Assert.NotNull(score);
        Assert.Equal(spam, score.SpamProbability > 0.5);
        Assert.InRange(score.SpamProbability, 0.001, 0.999);
    }

    [Fact]
    public void ExplainsAScoreWithItsStrongestFeatures()
    {
        var score = Trained().Score(F("Join t.me/newgroup for free crypto money"))!;

        Assert.InRange(score.Top.Count, 1, NaiveBayes.TopCount);
        Assert.Contains(score.Top, w => w.Feature == "h:t.me" && w.LogRatio > 0);
        Assert.Equal(score.Top.OrderByDescending(w => Math.Abs(w.LogRatio)).Select(w => w.Feature), score.Top.Select(w => w.Feature));
    }

    [Fact]
    public void IgnoresFeaturesSeenOnce()
    {
        var score = NaiveBayes.Score(["w:rare", "w:common"], f => f == "w:rare" ? new(1, 0) : new(5, 5), 10, 10)!;

        Assert.Equal(["w:common"], score.Top.Select(w => w.Feature));
        Assert.Equal(0.5, score.SpamProbability, 6);
    }

    [Fact]
    public void DampsAnImbalancedPrior()
    {
        var score = NaiveBayes.Score([], _ => null, spamDocs: 10, hamDocs: 1000)!;

        Assert.InRange(score.SpamProbability, 0.2, 0.5); // the raw prior would say 0.0099
    }

    [Fact]
    public void ClampsTheProbability()
    {
        var features = Enumerable.Range(0, 50).Select(i => "w:" + i).ToList();
        var score = NaiveBayes.Score(features, _ => new FeatureCounts(100, 0), 100, 100)!;

        Assert.Equal(0.999, score.SpamProbability);
    }

    [Fact]
    public void UntrainReversesTrainExactly()
    {
        var model = Trained();
        var before = Snapshot(model);
        var features = F("A new comment about the harbour and t.me/x with 農場 words");

        model.Train(features, spam: true);
        model.Untrain(features, spam: true);
        model.Train(features, spam: false);
        model.Untrain(features, spam: false);

        Assert.Equal(before, Snapshot(model));
    }

    [Fact]
    public void TrainingCountsEachFeatureOncePerDocument()
    {
        var model = new NaiveBayesModel();
        model.Train(["w:buy", "w:buy", "w:now"], spam: true);

        Assert.Equal(new FeatureCounts(1, 0), model.Counts("w:buy"));
        Assert.Null(model.Counts("w:never"));
        Assert.Equal((1, 0), (model.SpamDocs, model.HamDocs));
    }

    private static string Snapshot(NaiveBayesModel model)
    {
        var features = Ham.Concat(Spam).Append("A new comment about the harbour and t.me/x with 農場 words").SelectMany(F).Distinct().Order(StringComparer.Ordinal);
        return $"{model.SpamDocs}/{model.HamDocs}/{model.FeatureCount}/" + string.Join(",", features.Select(f => $"{f}={model.Counts(f)}"));
    }
}
