using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Byline.Core.Moderation;

/// <summary>A link in a comment: the URL as written (evasions repaired) and its host in lower case, without "www.".</summary>
public sealed record LinkFound(string Url, string Host);

/// <summary>
/// Finds the links a comment carries, in the raw Markdown source: <c>http(s)://…</c>, <c>www.…</c>, bare domains with a
/// path or a well-known top-level domain (<c>t.me/xyz</c>, <c>example.com</c>), the same inside <c>[text](url)</c> and
/// <c>&lt;url&gt;</c>, and e-mail addresses.
/// </summary>
/// <remarks>
/// E-mail addresses (bare or <c>mailto:</c>) are counted as links, returned as <c>mailto:user@host</c> with the
/// address's domain as host: a comment that asks readers to write to a stranger solicits contact exactly as a chat
/// link does, and a reader with something to say says it in the comment.
///
/// Evasions repaired before scanning: fullwidth and other compatibility forms (NFKC turns "ｅｘａｍｐｌｅ．ｃｏｍ" into
/// "example.com"), invisible characters, the ideographic full stop "。" between Latin letters, "example[.]com",
/// "example(.)com", "example{dot}com", "example [dot] com", and "example dot com" / "example . com" when a known
/// top-level domain follows. Each distinct URL is returned once, in order of first occurrence; a relative Markdown
/// link ("/about") is not a link out of the site and is ignored.
/// </remarks>
public static partial class Links
{
    /// <summary>The distinct links of <paramref name="text"/>, in order of first occurrence.</summary>
    public static IReadOnlyList<LinkFound> Find(string text)
    {
        var found = new List<LinkFound>();
        foreach (var (_, _, link) in Scan(text))
        {
            if (!found.Contains(link))
                found.Add(link);
        }
        return found;
    }

    /// <summary>Messaging and chat invitation hosts (and their subdomains): Telegram, WhatsApp, Discord invites, LINE, Signal, QQ groups, WeChat, Kakao open chat, Viber.</summary>
    public static bool IsChatHost(string host)
    {
        if (string.IsNullOrEmpty(host))
            return false;
        host = host.Trim().TrimEnd('.').ToLowerInvariant();
        while (true)
        {
            if (ChatHosts.Contains(host))
                return true;
            int dot = host.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0)
                return false;
            host = host[(dot + 1)..];
        }
    }

    /// <summary>A chat host, or an invitation path on a host that is otherwise fine (discord.com/invite/…).</summary>
    public static bool IsChatLink(LinkFound link)
    {
        if (IsChatHost(link.Host))
            return true;
        if (link.Host is "discord.com" or "discordapp.com")
            return link.Url.Contains("/invite", StringComparison.OrdinalIgnoreCase);
        return false;
    }

    private static readonly HashSet<string> ChatHosts = new(StringComparer.Ordinal)
    {
        "t.me", "telegram.me", "telegram.org", "telegram.dog", "wa.me", "chat.whatsapp.com", "discord.gg",
        "line.me", "lin.ee", "signal.group", "signal.me", "qm.qq.com", "jq.qq.com", "weixin.qq.com", "u.wechat.com",
        "open.kakao.com", "invite.viber.com",
    };

    /// <summary>Top-level domains that make a bare "name.tld" a link without a path.</summary>
    private static readonly HashSet<string> WellKnownTlds = new(StringComparer.Ordinal)
    {
        "com", "net", "org", "info", "biz", "io", "co", "me", "tv", "xyz", "top", "club", "online", "site", "shop",
        "store", "app", "dev", "ai", "gg", "ly", "to", "cc", "ws", "pw", "tk", "ml", "ga", "cf", "gq", "su", "vip", "win",
        "bet", "casino", "poker", "loan", "loans", "click", "link", "live", "life", "fun", "icu", "cyou", "sbs", "buzz",
        "today", "news", "pro", "asia", "mobi", "money", "finance", "crypto", "investments", "work", "email", "page",
        "ru", "cn", "uk", "de", "fr", "es", "nl", "jp", "kr", "br", "au", "ca", "us", "eu", "pl", "ch", "se", "ua",
        "by", "kz", "tw", "hk", "sg", "my", "ph", "id", "vn", "th", "tr", "ir", "sa", "ae", "eg", "za", "ng", "mx", "ar",
    };

    /// <summary>Top-level domains that are also everyday words: "see.me", "go.to", "agree.my" are prose without a path.</summary>
    private static readonly HashSet<string> WordTlds = new(StringComparer.Ordinal)
    {
        "me", "my", "to", "us", "id", "by", "in", "it", "is", "so", "no", "be", "do", "go", "am", "at", "ar", "th",
    };

    internal static List<(int Start, int Length, LinkFound Link)> Scan(string text)
    {
        var result = new List<(int, int, LinkFound)>();
        if (string.IsNullOrEmpty(text))
            return result;
        var s = Prepare(text);
        foreach (Match m in Candidate().Matches(s))
        {
            var link = Classify(m);
            if (link is not null)
                result.Add((m.Index, m.Length, link));
        }
        return result;
    }

    /// <summary>The text (compatibility forms folded, evasions repaired) with every link and address replaced by a space.</summary>
    internal static string WithoutLinks(string text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var s = Prepare(text);
        var matches = Candidate().Matches(s);
        if (matches.Count == 0)
            return s;
        var sb = new StringBuilder(s.Length);
        int at = 0;
        foreach (Match m in matches)
        {
            if (Classify(m) is null)
                continue;
            sb.Append(s, at, m.Index - at).Append(' ');
            at = m.Index + m.Length;
        }
        return sb.Append(s, at, s.Length - at).ToString();
    }

    private static LinkFound? Classify(Match m)
    {
        if (m.Groups["email"].Success)
        {
            var address = m.Groups["email"].Value;
            int at = address.IndexOf('@', StringComparison.Ordinal);
            var domain = address[(at + 1)..].ToLowerInvariant();
            if (!domain.Contains('.', StringComparison.Ordinal))
                return null;
            return new LinkFound("mailto:" + address, domain);
        }

        var url = TrimTail(m.Groups["url"].Value);
        var hostMatch = Host().Match(url);
        if (!hostMatch.Success)
            return null;
        var host = hostMatch.Groups["host"].Value.TrimEnd('.').ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
            host = host[4..];
        bool explicitLink = m.Groups["scheme"].Success || url.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
        if (!explicitLink)
        {
            // A bare "name.tld" needs a path or a well-known TLD. "agree.My point" (a missing space after a full stop)
            // is prose: a capitalised TLD in a lower-case name, or a TLD that is also a common word, needs a path.
            int lastDot = host.LastIndexOf('.');
            if (lastDot <= 0)
                return null;
            if (IsChatHost(host))
                return new LinkFound(url, host);
            var writtenHost = hostMatch.Groups["host"].Value;
            var writtenTld = writtenHost[(writtenHost.LastIndexOf('.') + 1)..];
            var tld = host[(lastDot + 1)..];
            bool hasPath = url.Length > hostMatch.Length && url[hostMatch.Length] == '/';
            bool looksLikeProse = (char.IsUpper(writtenTld[0]) && writtenHost.Any(char.IsLower)) || WordTlds.Contains(tld);
            if (!hasPath && (looksLikeProse || !WellKnownTlds.Contains(tld)))
                return null;
        }
        return new LinkFound(url, host);
    }

    /// <summary>Trailing sentence punctuation and an unbalanced closing bracket are not part of a URL.</summary>
    private static string TrimTail(string url)
    {
        while (url.Length > 0)
        {
            char last = url[^1];
            if (last is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '"' or '*' or '_')
            {
                url = url[..^1];
                continue;
            }
            if (last == ')' && url.Count(c => c == '(') < url.Count(c => c == ')'))
            {
                url = url[..^1];
                continue;
            }
            break;
        }
        return url;
    }

    private static string Prepare(string text)
    {
        var s = text.IsNormalized(NormalizationForm.FormKC) ? text : SafeNormalize(text);
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length;)
        {
            int c = Scripts.At(s, i, out int w);
            i += w;
            if (ModerationText.IsInvisible(c))
                continue;
            if (c == 0x3002 && sb.Length > 0 && char.IsAsciiLetterOrDigit(sb[^1]) && i < s.Length && char.IsAsciiLetterOrDigit(s[i]))
                c = '.';
            sb.Append(char.ConvertFromUtf32(c));
        }
        s = sb.ToString();
        s = BracketedDot().Replace(s, ".");
        s = SpelledDot().Replace(s, ".");
        return s;
    }

    private static string SafeNormalize(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return text; // a lone surrogate: scan the text as it is
        }
    }

    // "example[.]com", "example (dot) com", "example{.}com"
    [GeneratedRegex(@"(?<=[a-z0-9])\s?[\[\(\{<]\s?(?:\.|dot)\s?[\]\)\}>]\s?(?=[a-z0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BracketedDot();

    // "example dot com", "example . com": only before a known top-level domain, so prose keeps its words and dots
    [GeneratedRegex(@"(?<=[a-z0-9])(?:\s+dot\s+|\s+\.\s+)(?=(?:com|net|org|info|io|xyz|top|ru|cn|gg|ly|site|shop|online|club|vip)(?![a-z0-9])|me/)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpelledDot();

    // Host names are ASCII (an IDN arrives as punycode or not at all); paths stop at the first non-ASCII character, so
    // Chinese or Arabic text written straight after a URL is not swallowed into it.
    [GeneratedRegex(
        @"(?<![a-z0-9._%+-])(?:mailto:)?(?<email>[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+)" +
        @"|(?<url>(?<scheme>(?<![a-z0-9])(?:https?|ftp)://)[a-z0-9.-]+(?::\d{1,5})?(?:[/?#][!-~-[<>\[\]""'`]]*)?" +
        @"|(?<![a-z0-9@./-])(?:www\.)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24}(?![a-z0-9-])(?::\d{2,5})?(?:/[!-~-[<>\[\]""'`]]*)?)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Candidate();

    [GeneratedRegex(@"^(?:[a-z][a-z0-9+.-]*://)?(?:[^@/\s]+@)?(?<host>[^/:?#\s]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Host();
}
