namespace Byline.Bench.Search;

/// <summary>One search as a reader types it into the form (or the API): the query and the form's other fields.</summary>
public sealed record Query(string Class, string Q, string? Type = null, string? Section = null, string? Sort = null)
{
    public string ApiPath()
    {
        var path = "/api/v1/search?q=" + Uri.EscapeDataString(Q);
        if (Type is not null)
        {
            path += "&type=" + Type;
        }
        if (Section is not null)
        {
            path += "&section=" + Section;
        }
        if (Sort is not null)
        {
            path += "&sort=" + Sort;
        }
        return path;
    }
}

/// <summary>
/// The query classes, drawn with a fixed seed. English words are drawn with their rank log-uniform over the 41,000
/// ranks of <see cref="Corpus.English"/>: as many queries ask for a word of rank 1–10 as of rank 10–100, 100–1,000
/// and so on, so each class mixes words found in half the archive with words found in a few hundred documents. The
/// words of a 2- and 3-word query are drawn independently (all must match, so some such queries find nothing, as on
/// a real site). CJK, Arabic and accented-Latin words are drawn uniformly from their lists.
/// </summary>
public static class Queries
{
    public static readonly string[] Classes =
        ["en-1", "en-2", "en-3", "zh-2char", "zh-1char", "ja", "ar", "es-fr", "en-1 stories+section", "en-1 newest"];

    public static List<Query> Draw(Corpus corpus, int seed, int perClass)
    {
        var random = new Random(seed);
        var hanzi = Words.Chinese.Concat(Words.ChineseFunction).SelectMany(w => w.Select(c => c.ToString())).Distinct().ToArray();
        var chineseWords = Words.Chinese.Where(w => w.Length == 2).ToArray();
        var queries = new List<Query>();
        for (var i = 0; i < perClass; i++)
        {
            queries.Add(new("en-1", EnglishWords(corpus, random, 1)));
            queries.Add(new("en-2", EnglishWords(corpus, random, 2)));
            queries.Add(new("en-3", EnglishWords(corpus, random, 3)));
            // 农场 ("farm") in one query of ten: the word the issue names.
            queries.Add(new("zh-2char", i % 10 == 0 ? "农场" : chineseWords[random.Next(chineseWords.Length)]));
            queries.Add(new("zh-1char", hanzi[random.Next(hanzi.Length)]));
            queries.Add(new("ja", i % 10 == 0 ? "東京" : Words.Japanese[random.Next(Words.Japanese.Length)]));
            // Half typed with the vowel marks, half without (as most people type); folding finds both ways.
            var arabic = Words.Arabic[random.Next(Words.Arabic.Length)];
            queries.Add(new("ar", i % 2 == 0 ? arabic : Corpus.StripVowelMarks(arabic)));
            // Half typed without accents.
            var latin = random.Next(2) == 0 ? Words.Spanish[random.Next(Words.Spanish.Length)] : Words.French[random.Next(Words.French.Length)];
            queries.Add(new("es-fr", i % 2 == 0 ? latin : StripAccents(latin)));
            queries.Add(new("en-1 stories+section", EnglishWords(corpus, random, 1), Type: "stories",
                Section: Words.Sections[random.Next(Words.Sections.Length)].Slug));
            queries.Add(new("en-1 newest", EnglishWords(corpus, random, 1), Sort: "newest"));
        }
        return queries;
    }

    private static string EnglishWords(Corpus corpus, Random random, int count)
    {
        var words = new List<string>();
        while (words.Count < count)
        {
            // exp(U·ln N) is log-uniform on [1, N).
            var rank = (int)Math.Exp(random.NextDouble() * Math.Log(corpus.English.Length)) - 1;
            var word = corpus.English[Math.Clamp(rank, 0, corpus.English.Length - 1)];
            if (!words.Contains(word))
            {
                words.Add(word);
            }
        }
        return string.Join(' ', words);
    }

    private static string StripAccents(string word) =>
        string.Concat(word.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark));
}
