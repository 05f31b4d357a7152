namespace Byline.Core.Tests.Moderation;

public class LinksTests
{
    private static string[] Hosts(string text) => Links.Find(text).Select(l => l.Host).ToArray();

    [Theory]
    [InlineData("see https://Example.com/a?b=c#d for more", "https://Example.com/a?b=c#d", "example.com")]
    [InlineData("http://news.example.org.", "http://news.example.org", "news.example.org")]
    [InlineData("go to www.example.net/path, then", "www.example.net/path", "example.net")]
    [InlineData("join t.me/freegroup today", "t.me/freegroup", "t.me")]
    [InlineData("message wa.me/15551234567", "wa.me/15551234567", "wa.me")]
    [InlineData("visit example.com", "example.com", "example.com")]
    [InlineData("shop at best-deals.shop/now!", "best-deals.shop/now", "best-deals.shop")]
    [InlineData("[click here](https://spam.example.io/x)", "https://spam.example.io/x", "spam.example.io")]
    [InlineData("<https://example.com/auto>", "https://example.com/auto", "example.com")]
    [InlineData("(see https://en.example.org/wiki/Foo_(bar))", "https://en.example.org/wiki/Foo_(bar)", "en.example.org")]
    [InlineData("请访问example.com了解更多", "example.com", "example.com")]
    [InlineData("链接：https://t.me/abc，谢谢", "https://t.me/abc", "t.me")]
    public void FindsLinksInEveryForm(string text, string url, string host)
    {
        var link = Assert.Single(Links.Find(text));

        Assert.Equal(new LinkFound(url, host), link);
    }

    [Theory]
    [InlineData("I agree.My point is that the budget is late.")]
    [InlineData("Use e.g. the report, i.e. page 3, as of 3.5 p.m.")]
    [InlineData("Node.js and report.pdf are not sites")]
    [InlineData("See the [about page](/about).")]
    [InlineData("Just do.it and go.to bed")]
    public void ProseIsNotALink(string text)
    {
        Assert.Empty(Links.Find(text));
    }

    [Theory]
    [InlineData("ｅｘａｍｐｌｅ．ｃｏｍ", "example.com")]
    [InlineData("example[.]com", "example.com")]
    [InlineData("example(.)com/join", "example.com")]
    [InlineData("example [dot] com", "example.com")]
    [InlineData("example dot com", "example.com")]
    [InlineData("example . com", "example.com")]
    [InlineData("example。com", "example.com")]
    [InlineData("exa\u200Bmple.com", "example.com")]
    [InlineData("t . me/abc", "t.me")]
    public void RepairsEvasions(string text, string host)
    {
        Assert.Equal([host], Hosts(text));
    }

    [Fact]
    public void CountsEmailAddressesAsContactLinks()
    {
        var found = Links.Find("write to Help.Desk@Example.com or mailto:x@y.org");

        Assert.Equal(
            [new LinkFound("mailto:Help.Desk@Example.com", "example.com"), new LinkFound("mailto:x@y.org", "y.org")],
            found);
    }

    [Fact]
    public void ReturnsEachDistinctLinkOnceInOrder()
    {
        var found = Links.Find("[https://a.com](https://a.com) and t.me/x then https://a.com again, b.org");

        Assert.Equal(["https://a.com", "t.me/x", "b.org"], found.Select(l => l.Url));
    }

    [Theory]
    [InlineData("t.me", true)]
    [InlineData("T.ME", true)]
    [InlineData("telegram.me", true)]
    [InlineData("telegram.org", true)]
    [InlineData("wa.me", true)]
    [InlineData("chat.whatsapp.com", true)]
    [InlineData("discord.gg", true)]
    [InlineData("line.me", true)]
    [InlineData("signal.group", true)]
    [InlineData("signal.me", true)]
    [InlineData("qm.qq.com", true)]
    [InlineData("jq.qq.com", true)]
    [InlineData("weixin.qq.com", true)]
    [InlineData("u.wechat.com", true)]
    [InlineData("open.kakao.com", true)]
    [InlineData("invite.viber.com", true)]
    [InlineData("join.t.me", true)]
    [InlineData("discord.com", false)]
    [InlineData("qq.com", false)]
    [InlineData("whatsapp.com", false)]
    [InlineData("nott.me", false)]
    [InlineData("example.com", false)]
    [InlineData("", false)]
    public void KnowsChatHosts(string host, bool chat)
    {
        Assert.Equal(chat, Links.IsChatHost(host));
    }

    [Fact]
    public void DiscordInvitesAreChatLinksAlthoughDiscordIsNot()
    {
        var links = Links.Find("https://discord.com/invite/abc and https://discord.com/channels/1");

        Assert.Equal([true, false], links.Select(Links.IsChatLink));
    }

    [Fact]
    public void FindsLinksInNormalizedTextToo()
    {
        Assert.Equal(["t.me"], Hosts(ModerationText.Normalize("Join t.mе/fr33group")));
    }
}
