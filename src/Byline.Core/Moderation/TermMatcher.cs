using System.Text;

namespace Byline.Core.Moderation;

/// <summary>
/// Finds an admin's policy terms in normalized comment text with one Aho–Corasick automaton, in one pass.
/// </summary>
/// <remarks>
/// Both the text and every term are first reduced to a <em>skeleton</em>: their words (runs of letters, digits and
/// marks) joined by single spaces, so whatever punctuation or spacing separates words ("donation-receipt",
/// "donation — receipt") reads as one space. A multi-word term is also entered without its spaces, so
/// "donationreceipt" matches "donation receipt".
///
/// An edge of a match whose character belongs to a spaced script must sit on a word boundary: "ass" does not match
/// "class". An edge in a script written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) needs no boundary, so
/// "捐款" matches inside "请捐款给我们" and "qq群" inside "加qq群".
///
/// Spacing evasion: a run of at least three single letters, each separated from the next by exactly one non-letter
/// ("s p a m", "s.p.a.m", "s-p-a-m"), is also searched as the letters alone, and inside such a run a term matches
/// anywhere, because the writer has already thrown the word boundaries away (after normalization "s p a m n o w" is
/// one run). Runs are rare, short and found in the same pass that builds the skeleton, so this costs nearly nothing.
/// </remarks>
public sealed class TermMatcher
{
    private readonly string[] _terms;
    private readonly Dictionary<long, int> _next = [];
    private readonly List<int> _fail = [0];
    private readonly List<int> _pattern = [-1];
    private readonly List<int> _depth = [0];
    private readonly List<int> _outputLink = [-1];
    private readonly List<int> _patternTerm = [];
    private readonly List<string> _patterns = [];

    private TermMatcher(string[] terms) => _terms = terms;

    /// <summary>How many distinct terms (after folding) the matcher holds.</summary>
    public int Count => _terms.Length;

    /// <summary>One term per entry, as typed; blank entries and duplicates after folding are ignored.</summary>
    public static TermMatcher Compile(IEnumerable<string> terms)
    {
        var originals = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var skeletons = new List<string>();
        foreach (var raw in terms)
        {
            var term = raw?.Trim();
            if (string.IsNullOrEmpty(term))
                continue;
            var skeleton = Skeleton.Of(ModerationText.Fold(term)).Text;
            if (skeleton.Length == 0 || !seen.Add(skeleton))
                continue;
            originals.Add(term);
            skeletons.Add(skeleton);
        }

        var matcher = new TermMatcher([.. originals]);
        var added = new HashSet<string>(StringComparer.Ordinal);
        for (int t = 0; t < skeletons.Count; t++)
        {
            if (added.Add(skeletons[t]))
                matcher.Add(skeletons[t], t);
            if (skeletons[t].Contains(' ', StringComparison.Ordinal))
            {
                var joined = skeletons[t].Replace(" ", "", StringComparison.Ordinal);
                if (added.Add(joined))
                    matcher.Add(joined, t);
            }
        }
        matcher.Link();
        return matcher;
    }

    /// <summary>The terms, as typed, that occur in <paramref name="normalizedText"/>, in order of first occurrence.</summary>
    public IReadOnlyList<string> Find(string normalizedText)
    {
        if (_terms.Length == 0 || string.IsNullOrEmpty(normalizedText))
            return [];

        var skeleton = Skeleton.Of(normalizedText);
        Dictionary<int, int>? firstAt = null;
        Search(skeleton.Text, 0, skeleton.Text.Length, bounded: true, skeleton.Offsets, ref firstAt);
        foreach (var run in skeleton.SpacedRuns)
            Search(run.Letters, 0, run.Letters.Length, bounded: false, run.Offsets, ref firstAt);

        if (firstAt is null)
            return [];
        var found = new List<KeyValuePair<int, int>>(firstAt);
        found.Sort((a, b) => a.Value != b.Value ? a.Value.CompareTo(b.Value) : a.Key.CompareTo(b.Key));
        return found.ConvertAll(f => _terms[f.Key]);
    }

    private void Search(string text, int from, int to, bool bounded, int[] offsets, ref Dictionary<int, int>? firstAt)
    {
        int state = 0;
        for (int i = from; i < to; i++)
        {
            char c = text[i];
            while (true)
            {
                if (_next.TryGetValue(Key(state, c), out int next))
                {
                    state = next;
                    break;
                }
                if (state == 0)
                    break;
                state = _fail[state];
            }
            for (int node = _pattern[state] >= 0 ? state : _outputLink[state]; node > 0; node = _outputLink[node])
            {
                int p = _pattern[node];
                int start = i - _depth[node] + 1;
                if (bounded && !(StartsWord(text, start) && EndsWord(text, i + 1)))
                    continue;
                int term = _patternTerm[p];
                int at = offsets[start];
                firstAt ??= [];
                if (!firstAt.TryGetValue(term, out int previous) || at < previous)
                    firstAt[term] = at;
            }
        }
    }

    /// <summary>A match may start here: at the text's start, after a space, or at or after a spaceless-script character.</summary>
    private static bool StartsWord(string text, int start)
    {
        if (start == 0)
            return true;
        int first = Scripts.At(text, start, out _);
        int before = CodePointBefore(text, start);
        return before == ' ' || Scripts.IsSpaceless(first) || Scripts.IsSpaceless(before) || !Scripts.IsWordRune(before);
    }

    private static bool EndsWord(string text, int end)
    {
        if (end >= text.Length)
            return true;
        int last = CodePointBefore(text, end);
        int after = Scripts.At(text, end, out _);
        return after == ' ' || Scripts.IsSpaceless(last) || Scripts.IsSpaceless(after) || !Scripts.IsWordRune(after);
    }

    private static int CodePointBefore(string s, int i) =>
        i >= 2 && char.IsLowSurrogate(s[i - 1]) && char.IsHighSurrogate(s[i - 2])
            ? char.ConvertToUtf32(s[i - 2], s[i - 1])
            : s[i - 1];

    private static long Key(int state, char c) => ((long)state << 16) | c;

    private void Add(string pattern, int term)
    {
        int state = 0;
        foreach (char c in pattern)
        {
            if (!_next.TryGetValue(Key(state, c), out int next))
            {
                next = _fail.Count;
                _next[Key(state, c)] = next;
                _fail.Add(0);
                _pattern.Add(-1);
                _depth.Add(_depth[state] + 1);
                _outputLink.Add(-1);
            }
            state = next;
        }
        _pattern[state] = _patterns.Count;
        _patterns.Add(pattern);
        _patternTerm.Add(term);
    }

    /// <summary>Failure links breadth first, and for every node the nearest proper suffix that ends a pattern.</summary>
    private void Link()
    {
        var children = new List<(int Child, char C)>[_fail.Count];
        foreach (var (key, child) in _next)
            (children[(int)(key >> 16)] ??= []).Add((child, (char)(key & 0xFFFF)));

        var queue = new Queue<int>();
        foreach (var (child, _) in children[0] ?? [])
        {
            _fail[child] = 0;
            queue.Enqueue(child);
        }
        while (queue.Count > 0)
        {
            int node = queue.Dequeue();
            foreach (var (child, c) in children[node] ?? [])
            {
                int f = _fail[node];
                while (true)
                {
                    if (_next.TryGetValue(Key(f, c), out int target))
                    {
                        _fail[child] = target;
                        break;
                    }
                    if (f == 0)
                    {
                        _fail[child] = 0;
                        break;
                    }
                    f = _fail[f];
                }
                int suffix = _fail[child];
                _outputLink[child] = _pattern[suffix] >= 0 ? suffix : _outputLink[suffix];
                queue.Enqueue(child);
            }
        }
    }

    /// <summary>Words joined by single spaces, with each character's offset in the source, and the spaced-letter runs.</summary>
    private sealed class Skeleton
    {
        public required string Text { get; init; }
        public required int[] Offsets { get; init; }
        public required List<(string Letters, int[] Offsets)> SpacedRuns { get; init; }

        public static Skeleton Of(string s)
        {
            var sb = new StringBuilder(s.Length);
            var offsets = new List<int>(s.Length + 1);
            var runs = new List<(string, int[])>();

            // The spaced-letter run being collected: starts of single-letter words, one separator apart.
            var runStarts = new List<int>();
            int lastWordEnd = -1;

            int i = 0;
            while (i < s.Length)
            {
                int c = Scripts.At(s, i, out int w);
                if (!Scripts.IsWordRune(c))
                {
                    i += w;
                    continue;
                }
                int start = i;
                int runes = 0;
                bool letters = true;
                while (i < s.Length)
                {
                    c = Scripts.At(s, i, out w);
                    if (!Scripts.IsWordRune(c))
                        break;
                    if (!Scripts.IsMark(c))
                        runes++;
                    letters &= Scripts.IsLetterRune(c) || Scripts.IsMark(c);
                    i += w;
                }

                if (sb.Length > 0)
                {
                    sb.Append(' ');
                    offsets.Add(start - 1);
                }
                for (int k = start; k < i; k++)
                {
                    sb.Append(s[k]);
                    offsets.Add(k);
                }

                bool single = runes == 1 && letters;
                bool continues = single && runStarts.Count > 0 && start - lastWordEnd == 1;
                if (!continues)
                {
                    FlushRun(s, runStarts, lastWordEnd, runs);
                    runStarts.Clear();
                }
                if (single)
                    runStarts.Add(start);
                lastWordEnd = i;
            }
            FlushRun(s, runStarts, lastWordEnd, runs);
            offsets.Add(s.Length);
            return new Skeleton { Text = sb.ToString(), Offsets = [.. offsets], SpacedRuns = runs };
        }

        private static void FlushRun(string s, List<int> starts, int lastEnd, List<(string, int[])> runs)
        {
            if (starts.Count < 3)
                return;
            var letters = new StringBuilder();
            var offsets = new List<int>();
            for (int r = 0; r < starts.Count; r++)
            {
                int end = r + 1 < starts.Count ? starts[r + 1] - 1 : lastEnd;
                for (int k = starts[r]; k < end; k++)
                {
                    letters.Append(s[k]);
                    offsets.Add(k);
                }
            }
            offsets.Add(lastEnd);
            runs.Add((letters.ToString(), [.. offsets]));
        }
    }
}
