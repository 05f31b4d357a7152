using Byline.Core.Search;

namespace Byline.Core.Tests.Search;

public sealed class SearchTextTests
{
    private static bool Finds(string text, string query)
    {
        var indexed = SearchText.IndexTerms(text).Split(' ').ToHashSet(StringComparer.Ordinal);
        var terms = SearchText.QueryTerms(query);
        return terms.Count > 0 && terms.All(indexed.Contains);
    }

    [Theory]
    [InlineData("我们村的农场今年收成很好，大家都很高兴。", "农场")]
    [InlineData("我们村的农场今年收成很好，大家都很高兴。", "村")]
    [InlineData("我们村的农场今年收成很好，大家都很高兴。", "收成很好")]
    [InlineData("来年は東京で会議が開かれる予定です。", "東京")]
    [InlineData("来年は東京で会議が開かれる予定です。", "会議")]
    [InlineData("서울시는 내년에 새 공원을 연다", "공원")]
    [InlineData("ร้านกาแฟเปิดใหม่ในเมือง", "กาแฟ")]
    [InlineData("Le café de la gare a fermé.", "CAFE")]
    [InlineData("Le cafe de la gare a ferme.", "café fermé")]
    [InlineData("Meeting in Zürich on Tuesday", "zurich")]
    [InlineData("ｆｕｌｌｗｉｄｔｈ letters", "fullwidth")]
    [InlineData("ذهب الطلاب إلى المَدْرَسَةِ صباحاً", "المدرسة")]
    [InlineData("ذهب الطلاب إلى المدرسة صباحا", "المَدْرَسَة")]
    [InlineData("قال أحمد إن القرار نهائي", "احمد")]
    [InlineData("قال احمد إن القرار نهائي", "أحمد")]
    [InlineData("كتـــاب جديد", "كتاب")]
    [InlineData("Ο Σωκράτης μίλησε", "σωκρατης")]
    [InlineData("Сергей сказал «нет»", "СЕРГЕЙ")]
    public void FindsAWordWrittenAnotherWay(string text, string query) => Assert.True(Finds(text, query), $"“{query}” should find “{text}”");

    [Theory]
    [InlineData("Harbour", "harbour")]
    [InlineData("COVID19", "covid19")]
    [InlineData("ÉCOLE", "ecole")]
    [InlineData("Zürich", "zurich")]
    [InlineData("ﬁnal", "final")]
    public void FoldsPlainAndAccentedWordsToTheSameLowerCase(string word, string folded) => Assert.Equal(folded, SearchText.Fold(word));

    [Theory]
    [InlineData("我们村的农场今年收成很好", "场农")]
    [InlineData("我们村的农场今年收成很好", "农田")]
    [InlineData("The harbour levy was agreed", "levy vote")]
    [InlineData("Le café de la gare", "the")]
    public void DoesNotFindWhatIsNotThere(string text, string query) => Assert.False(Finds(text, query), $"“{query}” should not find “{text}”");

    [Fact]
    public void SpacelessRunsAreIndexedAsCharactersAndPairsAndQueriedAsPairs()
    {
        Assert.Equal("农 农场 场 场主 主", SearchText.IndexTerms("农场主"));
        Assert.Equal(["农场", "场主"], SearchText.QueryTerms("农场主"));
        Assert.Equal(["农"], SearchText.QueryTerms("农"));
        // A brand name and a Chinese word run together are two runs of different kinds.
        Assert.Equal(["iphone", "手机"], SearchText.QueryTerms("iPhone手机"));
    }

    [Fact]
    public void QueriesDropStopWordsAndNeverCarryEngineSyntax()
    {
        Assert.Equal(["harbour", "levy"], SearchText.QueryTerms("the harbour AND-levy"));
        Assert.Equal(["near", "drop", "table", "x"], SearchText.QueryTerms("NEAR(\"drop\" table*) '; x"));
        Assert.Empty(SearchText.QueryTerms("the of and"));
        Assert.Empty(SearchText.QueryTerms("🙂🙂 ... ***"));
        Assert.True(SearchText.QueryTerms(string.Join(' ', Enumerable.Range(0, 40).Select(i => $"word{i}"))).Count <= SearchText.MaxQueryTerms);
    }

    [Fact]
    public void IllFormedTextIsFoldedWithoutThrowing()
    {
        Assert.Equal("x y", SearchText.IndexTerms("x\uD800y"));
        Assert.Equal("", SearchText.IndexTerms(null));
    }

    [Fact]
    public void SnippetMarksEveryMatchInThePassageThatHasMost()
    {
        var text = string.Join(' ', Enumerable.Repeat("Filler words about nothing in particular.", 20))
            + " The farmers said farming was hard; one farm closed. "
            + string.Join(' ', Enumerable.Repeat("More filler after the passage.", 20));
        var snippet = SearchSnippet.Of(text, SearchText.QueryTerms("farms"));
        var marked = snippet.Highlights.Select(h => snippet.Text.Substring(h.Start, h.Length)).ToList();
        Assert.Equal(["farming", "farm"], marked);
        Assert.StartsWith("…", snippet.Text, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet.Text, StringComparison.Ordinal);
        Assert.True(snippet.Text.Length <= SearchSnippet.DefaultLength + 2);
    }

    [Fact]
    public void SnippetMarksCjkMatchesInTheOriginalText()
    {
        const string text = "去年夏天，我们村的农场今年收成很好，大家都很高兴。";
        var snippet = SearchSnippet.Of(text, SearchText.QueryTerms("农场今年"));
        var mark = Assert.Single(snippet.Highlights);
        Assert.Equal("农场今年", snippet.Text.Substring(mark.Start, mark.Length));

        // Full-width forms fold for matching but the mark covers what the reader wrote.
        var wide = SearchSnippet.Of("Ｔｏｋｙｏ and 東京", SearchText.QueryTerms("tokyo"));
        Assert.Equal("Ｔｏｋｙｏ", wide.Text.Substring(wide.Highlights[0].Start, wide.Highlights[0].Length));
    }

    [Fact]
    public void SnippetWithoutMatchIsTheBeginning()
    {
        var snippet = SearchSnippet.Of("Short text.", ["absent"]);
        Assert.Equal("Short text.", snippet.Text);
        Assert.Empty(snippet.Highlights);
    }
}
