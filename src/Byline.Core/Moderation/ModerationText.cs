using System.Globalization;
using System.Text;

namespace Byline.Core.Moderation;

/// <summary>
/// Text as moderation matches it, never as anyone reads it: compatibility forms folded (NFKC), lower case, invisible
/// characters gone, accents off Latin, Greek, Arabic and Hebrew letters, look-alike Cyrillic and Greek letters and
/// leetspeak turned back into the Latin letters they pretend to be, whitespace collapsed.
/// </summary>
/// <remarks>
/// Look-alikes are mapped per word (a maximal run of letters, digits and marks) and only where that cannot damage real
/// Cyrillic or Greek: in a word that mixes Latin with Cyrillic or Greek letters, or in a word made only of look-alikes
/// when the rest of the text has more Latin letters than Cyrillic and Greek ones. "Привет, как дела" stays Russian;
/// "Саsh" and, in an English comment, "сосо" become Latin.
///
/// Leetspeak is undone only inside all-Latin words with at least two letters: 0→o, 1→i, 3→e, 4→a, 5→s, 7→t, @→a, $→s.
/// A digit between two letters always maps ("sp4m", "v1agra", "c@sh"). A block of digits at a word's edge maps only
/// when it holds just 3, 4, 5, 7 or $ ("fr33", "$pam", "3vil"), so "covid19", "top10", "1st", "5pm" and "mp3"-like
/// product names with 0, 1, 2, 6, 8 or 9 keep their numbers; a leading block also needs three letters after it.
/// 1 maps to i rather than l because spam words ("v1agra", "b1tcoin", "c1alis") use it that way. 8, 9, 2 and 6 are
/// not mapped: their letter readings are rare and they are common in real numbers. An @ followed by a domain
/// ("me@mail.com") is an address, not a letter.
/// </remarks>
public static class ModerationText
{
    /// <summary>The matching form of a comment.</summary>
    public static string Normalize(string text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var s = StripInvisible(ComposeCompatible(text));
        s = UndoDisguises(s);
        s = StripAccents(s).ToLowerInvariant();
        return CollapseWhitespace(s);
    }

    /// <summary>The matching form of a policy term: the same pipeline as <see cref="Normalize"/>.</summary>
    public static string Fold(string term) => Normalize(term);

    private static string ComposeCompatible(string text)
    {
        // string.Normalize throws on a lone surrogate; such text arrives from broken clients and must not stop moderation.
        bool broken = false;
        for (int i = 0; i < text.Length && !broken; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                broken = true;
        }
        if (broken)
        {
            var sb = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length;)
            {
                sb.Append(char.ConvertFromUtf32(Scripts.At(text, i, out int w)));
                i += w;
            }
            text = sb.ToString();
        }
        return text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
    }

    /// <summary>Characters that take no space on screen: format controls, variation selectors, fillers.</summary>
    internal static bool IsInvisible(int c) =>
        c switch
        {
            0x034F or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x2800 or 0x3164 or 0xFFA0 => true,
            >= 0x180B and <= 0x180F => true,
            >= 0xFE00 and <= 0xFE0F => true,
            >= 0xE0000 and <= 0xE0FFF => true,
            < 0xAD => false,
            _ => Rune.GetUnicodeCategory(new Rune(c)) == UnicodeCategory.Format,
        };

    private static bool IsPictograph(int c) =>
        c >= 0x2000 && Rune.GetUnicodeCategory(new Rune(c)) is UnicodeCategory.OtherSymbol or UnicodeCategory.ModifierSymbol;

    private static string StripInvisible(string s)
    {
        int i = 0;
        while (i < s.Length && s[i] < 0xAD)
            i++;
        if (i == s.Length)
            return s;
        var sb = new StringBuilder(s.Length);
        sb.Append(s, 0, i);
        int previous = i > 0 ? s[i - 1] : 0;
        while (i < s.Length)
        {
            int c = Scripts.At(s, i, out int w);
            i += w;
            if (IsInvisible(c))
            {
                // A zero-width joiner between two pictographs builds one emoji (a family, a profession): keep it.
                if (c != 0x200D || !IsPictograph(previous) || i >= s.Length || !IsPictograph(NextVisible(s, i)))
                    continue;
            }
            sb.Append(char.ConvertFromUtf32(c));
            previous = c;
        }
        return sb.ToString();
    }

    private static int NextVisible(string s, int i)
    {
        while (i < s.Length)
        {
            int c = Scripts.At(s, i, out int w);
            if (!IsInvisible(c))
                return c;
            i += w;
        }
        return 0;
    }

    private static string StripAccents(string s)
    {
        bool ascii = true;
        foreach (char ch in s)
        {
            if (ch >= 0x80)
            {
                ascii = false;
                break;
            }
        }
        if (ascii)
            return s;

        var d = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(d.Length);
        var baseScript = Script.None;
        for (int i = 0; i < d.Length;)
        {
            int c = Scripts.At(d, i, out int w);
            i += w;
            if (c == 0x0640)
                continue; // Arabic tatweel only stretches a word
            if (Scripts.IsMark(c))
            {
                if (baseScript is Script.Latin or Script.Greek or Script.Arabic or Script.Hebrew)
                    continue;
            }
            else
            {
                baseScript = Scripts.Of(c);
            }
            sb.Append(char.ConvertFromUtf32(c));
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string CollapseWhitespace(string s)
    {
        var sb = new StringBuilder(s.Length);
        bool pendingSpace = false;
        foreach (char ch in s)
        {
            if (char.IsWhiteSpace(ch))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace)
                sb.Append(' ');
            pendingSpace = false;
            sb.Append(ch);
        }
        return sb.ToString();
    }

    // ---- look-alikes and leetspeak ----

    private static string UndoDisguises(string s)
    {
        var words = Words(s);
        if (words.Count == 0)
            return s;

        int latin = 0, cyrGreek = 0;
        foreach (var word in words)
        {
            latin += word.Latin;
            cyrGreek += word.CyrGreek;
        }

        char[]? buffer = null;
        foreach (var word in words)
        {
            bool mapLookalikes = word.CyrGreek > 0
                && (word.Latin > 0 || (word.AllLookalikes && latin > cyrGreek - word.CyrGreek));
            if (mapLookalikes)
            {
                buffer ??= s.ToCharArray();
                for (int i = word.Start; i < word.End; i++)
                {
                    if (Homoglyphs.TryGetValue(buffer[i], out char latinLetter))
                        buffer[i] = latinLetter;
                }
            }
            bool allLatin = word.Latin + (mapLookalikes ? word.Lookalikes : 0) == word.Letters;
            if (allLatin && word.Letters >= 2 && word.LeetCandidates > 0)
            {
                buffer ??= s.ToCharArray();
                UndoLeet(buffer, word, s);
            }
        }
        return buffer is null ? s : new string(buffer);
    }

    private static readonly Dictionary<char, char> Homoglyphs = BuildHomoglyphs();

    private static Dictionary<char, char> BuildHomoglyphs()
    {
        // Pairs of (look-alike, Latin letter). Capitals map by their capital shape: Cyrillic Н looks like H although
        // н is a different letter, Greek Ν like N although ν reads as v.
        const string cyrillic =
            "АaаaВbвbЕeеeКkкkМmмmНhнhОoоoРpрpСcсcТtтtУyуyХxхxЅsѕsІiіiЈjјjԀdԁdҺhһhӀlӏlԚqԛqԜwԝwҮyүyЬbьbпnЁeёe";
        const string greek =
            "ΑaαaΒbβbΕeεeΖzΗhηnΙiιiΚkκkΜmμuΝnνvΟoοoΡpρpΤtτtΥyυuΧxχxϲcϹcωwϳjγy";
        var map = new Dictionary<char, char>();
        foreach (var table in new[] { cyrillic, greek })
        {
            for (int i = 0; i + 1 < table.Length; i += 2)
                map[table[i]] = table[i + 1];
        }
        return map;
    }

    private sealed class Word(int start)
    {
        public int Start { get; } = start;
        public int End { get; set; }
        public int Letters { get; set; }
        public int Latin { get; set; }
        public int CyrGreek { get; set; }
        public int Lookalikes { get; set; }
        public int LeetCandidates { get; set; }
        public bool AllLookalikes => CyrGreek > 0 && Lookalikes == CyrGreek;
    }

    private static bool IsLeetChar(char c) => c is '0' or '1' or '3' or '4' or '5' or '7' or '@' or '$';

    private static char LeetLetter(char c) => c switch
    {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' or '$' => 's',
        '7' => 't',
        '@' => 'a',
        _ => c,
    };

    /// <summary>Runs of letters, digits and marks; @ and $ join a run when a letter or digit touches them.</summary>
    private static List<Word> Words(string s)
    {
        var words = new List<Word>();
        int i = 0;
        while (i < s.Length)
        {
            int c = Scripts.At(s, i, out int w);
            if (!IsWordPart(s, i, c))
            {
                i += w;
                continue;
            }
            var word = new Word(i);
            while (i < s.Length)
            {
                c = Scripts.At(s, i, out w);
                if (!IsWordPart(s, i, c))
                    break;
                if (Scripts.IsLetterRune(c))
                {
                    word.Letters++;
                    var script = Scripts.Of(c);
                    if (script == Script.Latin)
                        word.Latin++;
                    else if (script is Script.Cyrillic or Script.Greek)
                    {
                        word.CyrGreek++;
                        if (w == 1 && Homoglyphs.ContainsKey(s[i]))
                            word.Lookalikes++;
                    }
                }
                else if (w == 1 && IsLeetChar(s[i]))
                {
                    word.LeetCandidates++;
                }
                i += w;
            }
            word.End = i;
            words.Add(word);
        }
        return words;
    }

    private static bool IsWordPart(string s, int i, int c)
    {
        if (c is '@' or '$')
        {
            bool before = i > 0 && Scripts.IsWordRune(s[i - 1]);
            bool after = i + 1 < s.Length && Scripts.IsWordRune(s[i + 1]);
            return before || after;
        }
        return Scripts.IsWordRune(c);
    }

    private static void UndoLeet(char[] buffer, Word word, string original)
    {
        int first = -1, last = -1;
        for (int i = word.Start; i < word.End; i++)
        {
            if (char.IsLetter(buffer[i]))
            {
                if (first < 0)
                    first = i;
                last = i;
            }
        }
        if (first < 0)
            return;

        // Interior runs: between the first and the last letter.
        for (int i = first + 1; i < last; i++)
        {
            if (char.IsLetter(buffer[i]))
                continue;
            int end = i;
            while (end < last && !char.IsLetter(buffer[end]))
                end++;
            if (AllMappable(buffer, i, end, interior: true) && !IsAddress(buffer, i, end, word, original))
            {
                for (int k = i; k < end; k++)
                    buffer[k] = LeetLetter(buffer[k]);
            }
            i = end;
        }

        // Edge blocks: only the unambiguous leet characters.
        if (first > word.Start && word.Letters >= 3 && AllMappable(buffer, word.Start, first, interior: false))
        {
            for (int k = word.Start; k < first; k++)
                buffer[k] = LeetLetter(buffer[k]);
        }
        if (last + 1 < word.End && AllMappable(buffer, last + 1, word.End, interior: false))
        {
            for (int k = last + 1; k < word.End; k++)
                buffer[k] = LeetLetter(buffer[k]);
        }
    }

    private static bool AllMappable(char[] buffer, int start, int end, bool interior)
    {
        for (int k = start; k < end; k++)
        {
            char c = buffer[k];
            bool ok = interior ? IsLeetChar(c) : c is '3' or '4' or '5' or '7' or '$';
            if (!ok)
                return false;
        }
        return true;
    }

    /// <summary>"me@mail.com": an @ whose word is followed by a dot and a letter belongs to an address.</summary>
    private static bool IsAddress(char[] buffer, int start, int end, Word word, string original)
    {
        bool hasAt = false;
        for (int k = start; k < end; k++)
            hasAt |= buffer[k] == '@';
        if (!hasAt)
            return false;
        return word.End + 1 < original.Length && original[word.End] == '.' && char.IsLetter(original[word.End + 1]);
    }
}
