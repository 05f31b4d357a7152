using System.Text.RegularExpressions;
using Byline.Tests.Infrastructure;
using Byline.Web.Hosting.Email;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Byline.Tests.Accounts;

/// <summary>The app's mail as an operator finds it without SMTP: .eml files in the data folder, read back with MimeKit.</summary>
public static partial class Mailbox
{
    public static IReadOnlyList<MimeMessage> All(BylineFactory factory)
    {
        var folder = factory.Services.GetRequiredService<FileMailTransport>().Folder;
        return Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).Select(path => MimeMessage.Load(path))]
            : [];
    }

    /// <summary>The newest message to <paramref name="address"/>.</summary>
    public static MimeMessage LatestTo(BylineFactory factory, string address) =>
        All(factory).LastOrDefault(m => m.To.Mailboxes.Any(b => b.Address == address))
        ?? throw new Xunit.Sdk.XunitException($"No mail to {address}.");

    public static int CountTo(BylineFactory factory, string address) =>
        All(factory).Count(m => m.To.Mailboxes.Any(b => b.Address == address));

    /// <summary>The first link in the message's text, as a path and query on the app.</summary>
    public static string LinkIn(MimeMessage message)
    {
        var match = Link().Match(message.TextBody ?? "");
        Assert.True(match.Success, $"No link in: {message.TextBody}");
        return new Uri(match.Value).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
