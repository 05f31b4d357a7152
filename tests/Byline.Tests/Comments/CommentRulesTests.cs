using Byline.Web.Comments;

namespace Byline.Tests.Comments;

public sealed class CommentRulesTests
{
    private static (CommentRules.Clean? Value, CommentError? Error) Validate(
        string? body = "A fair point.", string? name = null, string? email = null) =>
        CommentRules.Validate(new CommentSubmission(body, null, name, email));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" \n\t\r\n ")]
    [InlineData("\u202E\u2066")] // nothing left once the bidi controls are gone
    [InlineData("\0\0")]
    public void EmptyOrBlankBodyIsRefused(string? body)
    {
        var (value, error) = Validate(body);

        Assert.Null(value);
        Assert.Equal("body-required", error?.Code);
        Assert.Equal(400, error?.Status);
        Assert.Equal("body", error?.Field);
    }

    [Fact]
    public void BodyOfTenThousandCharactersIsAcceptedAndOneMoreIsRefused()
    {
        Assert.Null(Validate(new string('a', 10_000)).Error);

        var (value, error) = Validate(new string('a', 10_001));
        Assert.Null(value);
        Assert.Equal("body-too-long", error?.Code);
    }

    [Fact]
    public void TenThousandEmojiAreTenThousandCharacters()
    {
        var emoji = string.Concat(Enumerable.Repeat("😀", 10_000));
        var (value, error) = Validate(emoji);
        Assert.Null(error);
        Assert.Equal(emoji, value?.Body);

        Assert.Equal("body-too-long", Validate(emoji + "😀").Error?.Code);
    }

    [Fact]
    public void TenThousandCjkCharactersAreAccepted()
    {
        Assert.Null(Validate(new string('字', 10_000)).Error);
        Assert.Equal("body-too-long", Validate(new string('字', 10_001)).Error?.Code);
    }

    [Fact]
    public void NameOfEightyCharactersIsAcceptedAndOneMoreIsRefused()
    {
        Assert.Equal(new string('n', 80), Validate(name: new string('n', 80)).Value?.AuthorName);

        var (value, error) = Validate(name: new string('n', 81));
        Assert.Null(value);
        Assert.Equal("name-too-long", error?.Code);
        Assert.Equal("authorName", error?.Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u202E")]
    public void MissingNameBecomesGuest(string? name)
    {
        Assert.Equal("Guest", Validate(name: name).Value?.AuthorName);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("a@b")]
    [InlineData("a@@example.com")]
    [InlineData("a b@example.com")]
    [InlineData("Jane <jane@example.com>")]
    [InlineData("jane@example.")]
    [InlineData("jane@.example.com")]
    [InlineData("@example.com")]
    [InlineData("jane@")]
    [InlineData("jane@exa mple.com")]
    [InlineData("jane@example.com\uD800")]
    public void MalformedEmailIsRefused(string email)
    {
        var (value, error) = Validate(email: email);

        Assert.Null(value);
        Assert.Equal("email-invalid", error?.Code);
        Assert.Equal("authorEmail", error?.Field);
    }

    [Fact]
    public void OverlongEmailIsRefused()
    {
        Assert.Equal("email-invalid", Validate(email: new string('a', 250) + "@example.com").Error?.Code);
    }

    [Theory]
    [InlineData("jane@example.com")]
    [InlineData("jane.doe+news@mail.example.co.uk")]
    [InlineData("  jane@example.com  ")]
    public void WellFormedEmailIsKept(string email)
    {
        var (value, error) = Validate(email: email);

        Assert.Null(error);
        Assert.Equal(email.Trim(), value?.AuthorEmail);
    }

    [Fact]
    public void MissingEmailIsNull()
    {
        Assert.Null(Validate(email: "  ").Value?.AuthorEmail);
    }

    [Fact]
    public void InvalidTextInBodyOrNameIsRefusedAsInvalidText()
    {
        Assert.Equal(("invalid-text", "body"), (Validate("broken \uD800").Error?.Code, Validate("broken \uD800").Error?.Field));
        Assert.Equal(("invalid-text", "authorName"), (Validate(name: "\uFFFD").Error?.Code, Validate(name: "\uFFFD").Error?.Field));
    }

    [Fact]
    public void CleanValuesAreNormalized()
    {
        var (value, error) = Validate("  Cafe\u0301\u202E\r\nsecond line  ", "  Jose\u0301 \n Díaz ", "jose@example.com");

        Assert.Null(error);
        Assert.Equal(new CommentRules.Clean("Caf\u00E9\nsecond line", "Jos\u00E9 Díaz", "jose@example.com"), value);
    }
}
