using Byline.Web.Data;

namespace Byline.Tests.Accounts;

public sealed class AuditLogTests
{
    [Fact]
    public void ALongDetailIsShortenedWithoutCuttingAnEmojiInHalf()
    {
        var detail = new string('a', AuditLog.MaxDetail - 1) + "\U0001F600 and more";

        var shortened = AuditLog.Shorten(detail);

        Assert.Equal(AuditLog.MaxDetail - 1, shortened.Length);
        Assert.False(char.IsHighSurrogate(shortened[^1]));
        Assert.Equal("short", AuditLog.Shorten("short"));
    }
}
