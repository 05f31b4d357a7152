using Byline.Web.Comments;

namespace Byline.Tests.Comments;

public sealed class TextInputTests
{
    [Theory]
    [InlineData("abc", 3, false)]
    [InlineData("abcd", 3, true)]
    [InlineData("😀😀😀", 3, false)] // three code points, six UTF-16 units
    [InlineData("🇳🇴🇳🇴", 3, true)] // two flags a reader sees, four code points
    [InlineData("क्ष", 2, true)] // one Devanagari syllable, three code points
    public void LengthLimitsCountCodePointsAsTheDatabaseColumnsDo(string text, int max, bool tooLong) =>
        Assert.Equal(tooLong, TextInput.IsLongerThan(text, max));

    [Theory]
    [InlineData("Cafe\u0301", "Caf\u00E9")]
    [InlineData("\u1100\u1161\u11A8", "\uAC01")] // Hangul jamo compose to one syllable
    [InlineData("A\u030A", "\u00C5")]
    [InlineData("\u304B\u3099", "\u304C")] // か + combining dakuten = が
    public void DecomposedInputIsNormalizedToNfc(string raw, string expected)
    {
        var (text, problem) = TextInput.CleanMultiline(raw);

        Assert.Equal(TextInput.Problem.None, problem);
        Assert.Equal(expected, text);
        Assert.Equal(expected, TextInput.CleanSingleLine(raw).Text);
    }

    [Theory]
    [InlineData("a\0b", "ab")]
    [InlineData("bell\u0007 and escape\u001B[31m", "bell and escape[31m")]
    [InlineData("del\u007F and c1\u0085\u009B", "del and c1")]
    [InlineData("\0\0\0hidden", "hidden")]
    public void NulAndControlCharactersAreStripped(string raw, string expected)
    {
        Assert.Equal((expected, TextInput.Problem.None), TextInput.CleanMultiline(raw));
    }

    public static TheoryData<char> BidiControls => new()
    {
        '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069',
    };

    [Theory]
    [MemberData(nameof(BidiControls))]
    public void BidiOverridesAndIsolatesAreStripped(char control)
    {
        var raw = $"invoice{control}fdp.exe{control}";

        Assert.Equal(("invoicefdp.exe", TextInput.Problem.None), TextInput.CleanMultiline(raw));
        Assert.Equal(("invoicefdp.exe", TextInput.Problem.None), TextInput.CleanSingleLine(raw));
        Assert.True(TextInput.IsBidiControl(control));
    }

    [Theory]
    [InlineData("مرحبا بالعالم، هذا تعليق.")]
    [InlineData("שלום עולם, זו תגובה.")]
    [InlineData("你好，世界。这是一条评论。")]
    [InlineData("日本語のコメントです。がぎぐげご")]
    [InlineData("한국어 댓글입니다")]
    [InlineData("Great news 👍🏽 🎉")]
    [InlineData("Family 👨‍👩‍👧‍👦 flag 🏳️‍🌈 and 🇯🇵 and ❤️")]
    [InlineData("Mixed: English, العربية, 中文 and 😀")]
    public void LegitimateTextOfAnyScriptPassesUnchanged(string text)
    {
        Assert.Equal((text, TextInput.Problem.None), TextInput.CleanMultiline(text));
        Assert.Equal((text, TextInput.Problem.None), TextInput.CleanSingleLine(text));
    }

    [Theory]
    [InlineData("a\uD800b")]
    [InlineData("ends with a high surrogate \uD83D")]
    [InlineData("\uDC00 lone low surrogate")]
    [InlineData("reversed \uDE00\uD83D pair")]
    [InlineData("replacement \uFFFD character")]
    public void UnpairedSurrogatesAndReplacementCharacterAreRejected(string raw)
    {
        Assert.Equal(TextInput.Problem.InvalidEncoding, TextInput.CleanMultiline(raw).Problem);
        Assert.Equal(TextInput.Problem.InvalidEncoding, TextInput.CleanSingleLine(raw).Problem);
    }

    [Fact]
    public void LineEndingsBecomeLineFeeds()
    {
        Assert.Equal("one\ntwo\nthree\n\nfour", TextInput.CleanMultiline("one\r\ntwo\rthree\r\n\r\nfour").Text);
    }

    [Fact]
    public void MultilineTextKeepsTabsAndInnerBlankLinesButIsTrimmed()
    {
        Assert.Equal("first\n\n\tindented", TextInput.CleanMultiline("\n\n  first\n\n\tindented  \n\n").Text);
    }

    [Theory]
    [InlineData("  Jane \r\n\t  Doe  ", "Jane Doe")]
    [InlineData("Jane\u2028Doe", "Jane Doe")]
    [InlineData("Jane\u00A0\u00A0Doe", "Jane Doe")]
    [InlineData("Jane\n\n\nDoe", "Jane Doe")]
    public void SingleLineTextCollapsesWhitespace(string raw, string expected)
    {
        Assert.Equal((expected, TextInput.Problem.None), TextInput.CleanSingleLine(raw));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void MissingTextIsEmpty(string? raw)
    {
        Assert.Equal(("", TextInput.Problem.None), TextInput.CleanMultiline(raw));
        Assert.Equal(("", TextInput.Problem.None), TextInput.CleanSingleLine(raw));
    }

    [Theory]
    [InlineData("abc", 3)]
    [InlineData("👨‍👩‍👧‍👦", 1)]
    [InlineData("e\u0301", 1)]
    [InlineData("🇯🇵🇫🇷", 2)]
    [InlineData("你好", 2)]
    public void CharactersAreCountedAsReadersSeeThem(string text, int count)
    {
        Assert.Equal(count, TextInput.CountCharacters(text));
    }
}
