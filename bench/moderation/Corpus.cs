using System.Text;

namespace Byline.Bench.Moderation;

internal enum Kind { Ham, Recruiting, Donation, Promo, Seo, Abuse }

/// <summary>One labelled comment: its text, what it is, the language it is written in and the story's language.</summary>
internal sealed record Item(string Text, bool Spam, Kind Kind, string Language, string StoryLanguage, string? Evasion);

/// <summary>Builds the labelled corpus from <see cref="Phrases"/> with a fixed seed.</summary>
internal sealed class Corpus(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] Languages = [.. Phrases.All.Select(p => p.Language)];

    private static readonly Dictionary<string, string[]> Banned = new()
    {
        ["en"] = ["scumbag", "subhuman"], ["zh"] = ["垃圾人", "人渣"], ["ja"] = ["クズ野郎"], ["ar"] = ["حثالة"],
        ["es"] = ["escoria"], ["fr"] = ["ordure"], ["de"] = ["Abschaum"], ["ru"] = ["мразь"],
    };

    private static readonly string[] Syllables = ["ka", "lo", "mi", "ra", "tu", "zen", "vo", "qi", "bex", "dor", "fin", "gal", "hup", "sol", "win", "max"];
    private static readonly string[] SpamTlds = ["top", "xyz", "vip", "bet", "club", "shop", "online", "site", "com", "net"];
    private static readonly string[] NewsHosts = ["https://www.citycouncil.example.gov/budget-2026.pdf", "https://stats.example.org/table/41", "www.harbour-authority.example.com/report"];

    public List<Item> Generate(int hamPerLanguage, int spamPerLanguage)
    {
        var items = new List<Item>();
        foreach (var phrases in Phrases.All)
        {
            for (int i = 0; i < hamPerLanguage; i++)
                items.Add(Ham(phrases));
            for (int i = 0; i < spamPerLanguage; i++)
                items.Add(Spam(phrases));
        }
        return items;
    }

    private T Pick<T>(IReadOnlyList<T> list) => list[_random.Next(list.Count)];

    private bool Chance(double p) => _random.NextDouble() < p;

    private static string End(Phrases p) => p.Language is "zh" or "ja" ? "。" : ".";

    private Item Ham(Phrases p)
    {
        var sb = new StringBuilder();
        int sentences = 1 + _random.Next(3);
        for (int s = 0; s < sentences; s++)
        {
            var opener = s == 0 ? Pick(p.Openers) : "";
            sb.Append(Join(p, opener, Pick(p.Subjects), Pick(p.Claims))).Append(End(p)).Append(p.Joiner);
        }
        sb.Append(Pick(p.Closers));
        if (Chance(0.08))
            sb.Append(p.Joiner).Append(Pick(NewsHosts));
        // Most readers write in the story's language; some answer in their own.
        var story = Chance(0.92) ? p.Language : Pick(Languages.Where(l => l != p.Language).ToList());
        return new Item(sb.ToString().Trim(), false, Kind.Ham, p.Language, story, null);
    }

    private static string Join(Phrases p, params string[] parts) =>
        string.Join(p.Joiner, parts.Where(x => x.Length > 0));

    private string Name(int syllables)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < syllables; i++)
            sb.Append(Pick(Syllables));
        return sb.ToString();
    }

    private string ChatLink() => _random.Next(9) switch
    {
        0 => "t.me/" + Name(3),
        1 => "https://t.me/" + Name(2) + "_group",
        2 => "wa.me/" + _random.Next(100_000_000, 999_999_999),
        3 => "https://chat.whatsapp.com/" + Name(4),
        4 => "discord.gg/" + Name(2),
        5 => "https://line.me/ti/g/" + Name(3),
        6 => "https://qm.qq.com/q/" + Name(3),
        7 => "https://open.kakao.com/o/" + Name(3),
        _ => "https://discord.com/invite/" + Name(2),
    };

    private string SpamLink() => (Chance(0.5) ? "https://" : "") + Name(2) + "-" + Name(1) + "." + Pick(SpamTlds) + (Chance(0.6) ? "/" + Name(1) : "");

    private Item Spam(Phrases p)
    {
        var kind = (Kind)(1 + _random.Next(5));
        string text = kind switch
        {
            Kind.Recruiting => Pick(p.Invites).Replace("{chat}", ChatLink(), StringComparison.Ordinal)
                + (Chance(0.5) ? p.Joiner + Pick(p.Donations) : ""),
            Kind.Donation => Pick(p.Donations) + (Chance(0.5) ? p.Joiner + ChatLink() : p.Joiner + Name(2) + "@" + Name(1) + "mail.com"),
            Kind.Promo => Pick(p.Promos).Replace("{link}", Chance(0.7) ? SpamLink() : "", StringComparison.Ordinal).Trim(),
            Kind.Seo => Pick(p.Seo).Replace("{links}", string.Join(" ", Enumerable.Range(0, 3 + _random.Next(3)).Select(_ => SpamLink())), StringComparison.Ordinal),
            _ => Pick(p.Abuse).Replace("{bad}", Pick(Banned[p.Language]), StringComparison.Ordinal),
        };
        // A quarter of spam starts like a real comment, to blend in.
        if (kind != Kind.Abuse && Chance(0.25))
            text = Join(p, Pick(p.Openers), Pick(p.Subjects), Pick(p.Claims)) + End(p) + p.Joiner + text;

        string? evasion = null;
        if (Chance(0.35))
            (text, evasion) = Evade(text);
        var story = Chance(0.6) ? p.Language : Pick(Languages.Where(l => l != p.Language).ToList());
        return new Item(text, true, kind, p.Language, story, evasion);
    }

    // ---- evasions ----

    private static readonly Dictionary<char, char> Cyrillic = new()
    {
        ['a'] = 'а', ['e'] = 'е', ['o'] = 'о', ['p'] = 'р', ['c'] = 'с', ['x'] = 'х', ['y'] = 'у', ['i'] = 'і', ['s'] = 'ѕ',
    };

    private static readonly string[] Separators = [" ", ".", "-"];

    private (string, string) Evade(string text)
    {
        switch (_random.Next(5))
        {
            case 0:
                return (new string(text.Select(c => Cyrillic.TryGetValue(c, out var h) && Chance(0.5) ? h : c).ToArray()), "homoglyph");
            case 1:
            {
                var sb = new StringBuilder();
                foreach (char c in text)
                {
                    sb.Append(c);
                    if (char.IsLetter(c) && Chance(0.2))
                        sb.Append(Chance(0.5) ? '\u200B' : '\u00AD');
                }
                return (sb.ToString(), "zero-width");
            }
            case 2:
            {
                var words = text.Split(' ');
                int longest = Array.IndexOf(words, words.MaxBy(w => w.Count(char.IsLetter))!);
                var sep = Pick(Separators);
                words[longest] = string.Join(sep, words[longest].Where(char.IsLetterOrDigit));
                return (string.Join(' ', words), "spacing");
            }
            case 3:
                return (new string(text.Select(c => c is >= '!' and <= '~' && Chance(0.8) ? (char)(c - '!' + '！') : c).ToArray()), "fullwidth");
            default:
            {
                var leet = new Dictionary<char, char> { ['a'] = '4', ['e'] = '3', ['o'] = '0', ['s'] = '5', ['i'] = '1' };
                var chars = text.ToCharArray();
                for (int i = 1; i + 1 < chars.Length; i++)
                {
                    if (char.IsLetter(chars[i - 1]) && char.IsLetter(chars[i + 1]) && leet.TryGetValue(chars[i], out var d) && Chance(0.5))
                        chars[i] = d;
                }
                return (new string(chars), "leet");
            }
        }
    }
}
