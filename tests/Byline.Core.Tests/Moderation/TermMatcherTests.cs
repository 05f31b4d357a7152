namespace Byline.Core.Tests.Moderation;

public class TermMatcherTests
{
    private static IReadOnlyList<string> Find(string text, params string[] terms) =>
        TermMatcher.Compile(terms).Find(ModerationText.Normalize(text));

    [Theory]
    [InlineData("world class reporting")]
    [InlineData("assess the damage")]
    [InlineData("a passenger")]
    public void LatinTermsMatchWholeWordsOnly(string text)
    {
        Assert.Empty(Find(text, "ass"));
    }

    [Theory]
    [InlineData("This is spam!")]
    [InlineData("Spam, again")]
    [InlineData("(spam)")]
    [InlineData("spam")]
    [InlineData("SPAM")]
    public void LatinTermsMatchWordsBetweenPunctuation(string text)
    {
        Assert.Equal(["spam"], Find(text, "spam"));
    }

    [Theory]
    [InlineData("请大家捐款给我们", "捐款")]
    [InlineData("今すぐ副業で稼ぐ方法", "副業")]
    [InlineData("สมัครเลยรับโบนัสฟรี", "โบนัส")]
    public void SpacelessScriptTermsMatchAnywhere(string text, string term)
    {
        Assert.Equal([term], Find(text, term));
    }

    [Theory]
    [InlineData("加QQ群了解详情", "QQ群")]
    [InlineData("买spam吧", "spam")]
    public void LatinWordsTouchingCjkStillHaveABoundary(string text, string term)
    {
        Assert.Equal([term], Find(text, term));
    }

    [Theory]
    [InlineData("Send me the donation receipt")]
    [InlineData("send the donation-receipt now")]
    [InlineData("donation  receipt")]
    [InlineData("Donation, receipt.")]
    [InlineData("donation — receipt")]
    public void MultiWordTermsMatchAcrossSpacingAndPunctuation(string text)
    {
        Assert.Equal(["donation receipt"], Find(text, "donation receipt"));
    }

    [Fact]
    public void MultiWordTermsStillNeedTheirWordsInOrder()
    {
        Assert.Empty(Find("the receipt for your donation", "donation receipt"));
    }

    [Theory]
    [InlineData("s p a m")]
    [InlineData("buy s.p.a.m now")]
    [InlineData("s-p-a-m")]
    [InlineData("s_p_a_m_m_e_r")]
    [InlineData("S P A M N O W")]
    public void SpacedOutLettersStillMatch(string text)
    {
        Assert.Equal(["spam"], Find(text, "spam"));
    }

    [Fact]
    public void SpacedOutLettersMatchMultiWordTerms()
    {
        Assert.Equal(["donation receipt"], Find("d o n a t i o n r e c e i p t", "donation receipt"));
    }

    [Fact]
    public void SpacedCjkCharactersStillMatch()
    {
        Assert.Equal(["捐款"], Find("请 捐 款 给 我 们", "捐款"));
    }

    [Fact]
    public void ReturnsTheTermsAsTypedInOrderOfFirstOccurrenceEachOnce()
    {
        var matcher = TermMatcher.Compile(["  Free Money ", "", "   ", "WhatsApp", "捐款", "free money"]);

        var found = matcher.Find(ModerationText.Normalize("捐款 via whatsapp: FREE MONEY, free money, 捐款"));

        Assert.Equal(["捐款", "WhatsApp", "Free Money"], found);
        Assert.Equal(3, matcher.Count);
    }

    [Fact]
    public void TermsAreFoldedLikeTheText()
    {
        Assert.Equal(["ＳＰＡＭ"], Find("sp4m and more", "ＳＰＡＭ"));
        Assert.Equal(["spam"], Find("buy Ѕрам today", "spam"));
    }

    [Fact]
    public void OverlappingTermsAreAllFoundTiesInTheOrderTyped()
    {
        Assert.Equal(["crypto wallet", "crypto", "wallet"], Find("my crypto wallet", "wallet", "crypto wallet", "crypto"));
    }

    [Fact]
    public void FindsTermsAmongAThousandInALongComment()
    {
        var terms = Enumerable.Range(0, 1000).Select(i => $"term{i:D4}x").Append("needle").Append("针头").ToList();
        var matcher = TermMatcher.Compile(terms);
        var text = string.Concat(Enumerable.Repeat("an ordinary sentence about the council budget. ", 200))
            + " needle 打针头 term0042x term0042xy";

        var found = matcher.Find(ModerationText.Normalize(text));

        Assert.Equal(["needle", "针头", "term0042x"], found);
        Assert.Equal(1002, matcher.Count);
    }

    [Fact]
    public void NothingMatchesEmptyInput()
    {
        Assert.Empty(Find("", "spam"));
        Assert.Empty(TermMatcher.Compile([]).Find("spam"));
    }
}
