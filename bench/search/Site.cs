using System.Text;

namespace Byline.Bench.Search;

public sealed record StoryRow(
    int Id, string Slug, string Headline, string Standfirst, string Markdown, string Html, string Language, int SectionId,
    string[] Tags, DateTimeOffset PublishedAt, int CommentCount, int[] Writers);

public sealed record CommentRow(long Id, int ArticleId, string AuthorName, string Markdown, string Html, string Language, DateTimeOffset CreatedAt);

/// <summary>Where generated rows go: a SQLite file or a PostgreSQL database, both created by Byline's migrations.</summary>
public interface IRowSink : IDisposable
{
    void Sections(IReadOnlyList<(int Id, string Slug, string Name)> sections);

    void Writers(IReadOnlyList<(int Id, string Slug, string Name)> writers);

    void Story(StoryRow row);

    void Comment(CommentRow row);

    void Complete();
}

/// <summary>
/// The generated site, fixed by its seed: which story each comment belongs to, when it was posted and in which
/// language, so that the text of every row can be written from a seed of its own in any order.
/// </summary>
/// <remarks>
/// Stories: published one after another over five years, 90% in English (the rest Chinese, Japanese, Arabic, Spanish
/// and French), 400–800 words, one to three bylines out of 50 writers, six sections. Comments: stories draw them by a
/// popularity that falls off as a power law (a few stories have thousands, most a handful), posted hours to days
/// after the story, 1–80 words (short ones commonest); under an English story 70% English, 12% Chinese, 6% Japanese,
/// 6% Arabic (a third with vowel marks), 3% Spanish, 3% French; under a story in another language mostly that one.
/// </remarks>
public sealed class Site
{
    public const int WriterCount = 50;

    private static readonly DateTimeOffset Start = new(2021, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Span = TimeSpan.FromDays(5 * 365);

    private readonly int seed;
    private readonly Corpus corpus;
    private readonly int storyCount;
    private readonly int[] commentStory;
    private readonly long[] commentTicks;
    private readonly int[] commentsPerStory;

    public Site(int seed, int stories, int comments)
    {
        this.seed = seed;
        corpus = new Corpus(seed);
        storyCount = stories;
        var random = new Random(seed);
        // Popularity by a shuffled power law, so popular stories are spread over the years.
        var ranks = Enumerable.Range(1, stories).ToArray();
        random.Shuffle(ranks);
        var cumulative = new double[stories];
        var sum = 0.0;
        for (var i = 0; i < stories; i++)
        {
            sum += Math.Pow(ranks[i], -0.7);
            cumulative[i] = sum;
        }
        commentStory = new int[comments];
        commentTicks = new long[comments];
        commentsPerStory = new int[stories];
        for (var j = 0; j < comments; j++)
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble() * sum);
            var story = Math.Min(stories - 1, index >= 0 ? index : ~index);
            commentStory[j] = story;
            commentsPerStory[story]++;
            // Most comments come within hours, a few weeks later.
            var delayMinutes = Math.Min(60 * 24 * 30, -Math.Log(1 - random.NextDouble()) * 60 * 8);
            commentTicks[j] = PublishedAt(story).AddMinutes(1 + delayMinutes).UtcTicks;
        }
        // Comment ids follow posting time, as on a live site.
        var order = Enumerable.Range(0, comments).ToArray();
        Array.Sort(commentTicks, order);
        commentStory = [.. order.Select(j => commentStory[j])];
    }

    public Corpus Corpus => corpus;

    public static IReadOnlyList<(int Id, string Slug, string Name)> SectionRows =>
        [.. Words.Sections.Select((s, i) => (i + 1, s.Slug, s.Name))];

    public static IReadOnlyList<(int Id, string Slug, string Name)> WriterRows()
    {
        var rows = new List<(int, string, string)>();
        for (var i = 0; i < WriterCount; i++)
        {
            var name = $"{Words.FirstNames[i % Words.FirstNames.Length]} {Words.LastNames[(i * 7 + i / Words.FirstNames.Length) % Words.LastNames.Length]}";
            rows.Add((i + 1, Slug(name), name));
        }
        return rows;
    }

    public void Write(IRowSink sink, Action<string>? progress = null)
    {
        sink.Sections(SectionRows);
        sink.Writers(WriterRows());
        for (var i = 0; i < storyCount; i++)
        {
            sink.Story(Story(i));
            if ((i + 1) % 10_000 == 0)
            {
                progress?.Invoke($"{i + 1} stories");
            }
        }
        for (var j = 0; j < commentStory.Length; j++)
        {
            sink.Comment(Comment(j));
            if ((j + 1) % 200_000 == 0)
            {
                progress?.Invoke($"{j + 1} comments");
            }
        }
        sink.Complete();
    }

    private DateTimeOffset PublishedAt(int story) =>
        Start + Span * ((double)story / storyCount) + TimeSpan.FromMinutes((story * 37) % 600);

    private StoryRow Story(int index)
    {
        var random = new Random(Seeds.For(seed, 1, index));
        var lang = StoryLanguage(random.NextDouble());
        var headline = corpus.Title(random, lang, 6 + random.Next(6));
        var standfirst = corpus.Sentence(random, lang, 18 + random.Next(14));
        var paragraphs = corpus.Paragraphs(random, lang, 400 + random.Next(401), vowelled: random.NextDouble() < 0.3);
        var html = new StringBuilder();
        var markdown = new StringBuilder();
        for (var p = 0; p < paragraphs.Count; p++)
        {
            if (p > 0 && p % 6 == 0)
            {
                var heading = corpus.Title(random, lang, 3 + random.Next(4));
                html.Append("<h2>").Append(Corpus.Encode(heading)).Append("</h2>\n");
                markdown.Append("## ").Append(heading).Append("\n\n");
            }
            if (p % 9 == 4)
            {
                html.Append("<blockquote>\n").Append(Corpus.Html([paragraphs[p]])).Append("</blockquote>\n");
                markdown.Append("> ").Append(paragraphs[p]).Append("\n\n");
                continue;
            }
            html.Append(Corpus.Html([paragraphs[p]]));
            markdown.Append(paragraphs[p]).Append("\n\n");
        }
        var tags = Enumerable.Range(0, 2 + random.Next(3)).Select(_ => corpus.EnglishWord(random)).Distinct().ToArray();
        var bylines = 1 + (random.NextDouble() < 0.2 ? 1 + random.Next(2) : 0);
        var writers = Enumerable.Range(0, bylines).Select(_ => 1 + random.Next(WriterCount)).Distinct().ToArray();
        var section = 1 + random.Next(Words.Sections.Length);
        var slug = $"{Slug(headline)}-{index + 1}";
        return new StoryRow(index + 1, slug.Length > 190 ? slug[^190..] : slug, headline, standfirst, markdown.ToString().TrimEnd(),
            html.ToString(), Corpus.Code(lang), section, tags, PublishedAt(index), commentsPerStory[index], writers);
    }

    private CommentRow Comment(int index)
    {
        var random = new Random(Seeds.For(seed, 2, index));
        var story = commentStory[index];
        var storyLang = StoryLanguage(new Random(Seeds.For(seed, 1, story)).NextDouble());
        Lang lang;
        if (storyLang != Lang.English && random.NextDouble() < 0.7)
        {
            lang = storyLang;
        }
        else
        {
            lang = random.NextDouble() switch
            {
                < 0.70 => Lang.English,
                < 0.82 => Lang.Chinese,
                < 0.88 => Lang.Japanese,
                < 0.94 => Lang.Arabic,
                < 0.97 => Lang.Spanish,
                _ => Lang.French,
            };
        }
        var u = random.NextDouble();
        var words = 1 + (int)(79 * u * u);
        var paragraphs = corpus.Paragraphs(random, lang, words, vowelled: random.NextDouble() < 0.33);
        var author = $"{Words.FirstNames[random.Next(Words.FirstNames.Length)]} {Words.LastNames[random.Next(Words.LastNames.Length)][0]}.";
        return new CommentRow(index + 1, story + 1, author, string.Join("\n\n", paragraphs), Corpus.Html(paragraphs), Corpus.Code(lang),
            new DateTimeOffset(commentTicks[index], TimeSpan.Zero));
    }

    /// <summary>A story's language: the first number its own random sequence draws, so a comment can tell it too.</summary>
    private static Lang StoryLanguage(double roll) =>
        roll switch
        {
            < 0.90 => Lang.English,
            < 0.94 => Lang.Chinese,
            < 0.96 => Lang.Japanese,
            < 0.98 => Lang.Arabic,
            < 0.99 => Lang.Spanish,
            _ => Lang.French,
        };

    public static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        var result = slug.ToString().Trim('-');
        return result.Length == 0 ? "story" : result;
    }
}
