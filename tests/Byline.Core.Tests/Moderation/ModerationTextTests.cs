namespace Byline.Core.Tests.Moderation;

public class ModerationTextTests
{
    [Theory]
    [InlineData("Frее mоney", "free money")]          // Cyrillic е, о inside Latin words
    [InlineData("Вuy nоw at СНЕАР prices", "buy now at cheap prices")]
    [InlineData("ΡΑΥΡΑL account", "paypal account")]   // Greek capitals in a Latin word
    public void MapsLookAlikeLettersInsideLatinWords(string text, string expected)
    {
        Assert.Equal(expected, ModerationText.Normalize(text));
    }

    [Fact]
    public void MapsAWordMadeOnlyOfLookAlikesWhenTheTextAroundItIsLatin()
    {
        // "рорсоrn" is mixed; "сосоа" is all Cyrillic look-alikes in an English sentence.
        Assert.Equal("hot cocoa for sale", ModerationText.Normalize("hot сосоа for sale"));
    }

    [Theory]
    [InlineData("Привет, как дела? Хорошо, спасибо.", "привет, как дела? хорошо, спасибо.")]
    [InlineData("Сказано — сделано: рос и рос.", "сказано — сделано: рос и рос.")]
    [InlineData("Καλημέρα σας, ο καιρός είναι καλός", "καλημερα σας, ο καιρος ειναι καλος")]
    public void LeavesCyrillicAndGreekTextCyrillicAndGreek(string text, string expected)
    {
        Assert.Equal(expected, ModerationText.Normalize(text));
    }

    [Fact]
    public void KeepsTheShortCyrillicWordsOfARussianCommentThatQuotesEnglish()
    {
        Assert.Equal("он сказал: ok, я согласен", ModerationText.Normalize("Он сказал: OK, я согласен"));
    }

    [Theory]
    [InlineData("sp\u200Bam", "spam")]
    [InlineData("s\u200Cp\u200Da\u2060m\uFEFF", "spam")]
    [InlineData("do\u00ADna\u00ADtion", "donation")]
    [InlineData("ca\uFE0Fsh\u034F", "cash")]
    [InlineData("te\U000E0041st", "test")]
    [InlineData("a\u200E\u202Eb", "ab")]
    public void RemovesInvisibleCharacters(string text, string expected)
    {
        Assert.Equal(expected, ModerationText.Normalize(text));
    }

    [Theory]
    [InlineData("ＦＲＥＥ　ＭＯＮＥＹ", "free money")]
    [InlineData("𝐟𝐫𝐞𝐞 𝐦𝐨𝐧𝐞𝐲", "free money")]
    [InlineData("𝓯𝓻𝓮𝓮 𝔪𝔬𝔫𝔢𝔶", "free money")]
    [InlineData("ﬁnance", "finance")]
    public void FoldsCompatibilityForms(string text, string expected)
    {
        Assert.Equal(expected, ModerationText.Normalize(text));
    }

    [Theory]
    [InlineData("späm", "spam")]
    [InlineData("Crème Brûlée", "creme brulee")]
    [InlineData("s̈p̃ám", "spam")]
    [InlineData("İstanbul", "istanbul")]
    public void StripsAccentsFromLatinLetters(string text, string expected)
    {
        Assert.Equal(expected, ModerationText.Normalize(text));
    }

    [Theory]
    [InlineData("й", "й")]                  // Cyrillic short i keeps its breve: it is another letter
    [InlineData("हिन्दी", "हिन्दी")]            // Devanagari vowel signs are the word
    [InlineData("ภาษาไทย", "ภาษาไทย")]
    [InlineData("مَرْحَبًا", "مرحبا")]           // Arabic harakat are optional and go
    [InlineData("مرحــــبا", "مرحبا")]         // and so does tatweel
    public void KeepsMarksWhereTheyMatterAndDropsOptionalOnes(string text, string expected)
    {
        Assert.Equal(expected, ModerationText.Normalize(text));
    }

    [Theory]
    [InlineData("fr33 m0ney", "free money")]
    [InlineData("sp4m", "spam")]
    [InlineData("v1agra", "viagra")]
    [InlineData("c@sh", "cash")]
    [InlineData("ca$h", "cash")]
    [InlineData("$pam", "spam")]
    [InlineData("3vil", "evil")]
    public void UndoesLeetspeakInsideWords(string text, string expected)
    {
        Assert.Equal(expected, ModerationText.Normalize(text));
    }

    [Theory]
    [InlineData("I paid 450 for 3 tickets", "i paid 450 for 3 tickets")]
    [InlineData("covid19 and top10 lists", "covid19 and top10 lists")]
    [InlineData("meet at 5pm on the 1st", "meet at 5pm on the 1st")]
    [InlineData("write to me@mail.com", "write to me@mail.com")]
    [InlineData("it costs $5", "it costs $5")]
    public void LeavesNumbersAndAddressesAlone(string text, string expected)
    {
        Assert.Equal(expected, ModerationText.Normalize(text));
    }

    [Theory]
    [InlineData("今天的新闻很好，谢谢！", "今天的新闻很好,谢谢!")] // NFKC folds the fullwidth punctuation only
    [InlineData("日本語のテキストです", "日本語のテキストです")]
    [InlineData("مرحبا بالعالم", "مرحبا بالعالم")]
    [InlineData("great 👍🏽 news 👨‍👩‍👧", "great 👍🏽 news 👨‍👩‍👧")]
    [InlineData("한국어 댓글입니다", "한국어 댓글입니다")]
    public void KeepsCjkArabicAndEmoji(string text, string expected)
    {
        Assert.Equal(expected, ModerationText.Normalize(text));
    }

    [Fact]
    public void CollapsesWhitespaceAndTrims()
    {
        Assert.Equal("a b c", ModerationText.Normalize("  a \t\n b\u00A0\u3000 c  "));
    }

    [Fact]
    public void ToleratesBrokenSurrogates()
    {
        Assert.Equal("a\uFFFDb", ModerationText.Normalize("a\uD800b"));
    }

    [Fact]
    public void FoldIsTheSamePipeline()
    {
        Assert.Equal(ModerationText.Normalize("Ｓрäm"), ModerationText.Fold("Ｓрäm"));
    }
}
