namespace Byline.Core.Tests.Moderation;

public class ModerationVerdictTests
{
    [Fact]
    public void ReasonsReadAsCodeAndDetail()
    {
        Assert.Equal("suspect-word:捐款", new ModerationReason(ModerationReason.SuspectWord, 1.0, "捐款").ToString());
        Assert.Equal("classifier:0.93", new ModerationReason("classifier", 1.0, "0.93").ToString());
        Assert.Equal("link-count:3", new ModerationReason("link-count", 1.0, "3").ToString());
        Assert.Equal("honeypot", new ModerationReason("honeypot", 1.0).ToString());
    }

    [Fact]
    public void HoldsWhenTheWeightsReachOne()
    {
        Assert.False(ModerationVerdict.Holds([]));
        Assert.False(ModerationVerdict.Holds([new("chat-link", 0.6)]));
        Assert.True(ModerationVerdict.Holds([new("chat-link", 0.6), new("language-mismatch", 0.4)]));
        Assert.True(ModerationVerdict.Holds([new("language-mismatch", 0.5), new("classifier", 0.5, "0.8")]));
        Assert.True(ModerationVerdict.Holds([new("link-count", 1.0, "3")]));
        Assert.False(ModerationVerdict.Holds([new("chat-link", 0.6), new("language-mismatch", 0.3)]));
    }
}
