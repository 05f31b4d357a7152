using System.Globalization;
using Byline.Web.Data;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Byline.Web.Hosting.Email;

/// <summary>
/// Writes each message as an .eml file into {data}/mail/, named so that the names sort by time of sending
/// (UTC timestamp, then a per-process sequence number for messages within the same millisecond).
/// A file appears whole or not at all: it is written under a temporary name and renamed.
/// </summary>
public sealed class FileMailTransport(IOptions<BylineOptions> options, TimeProvider time, ILogger<FileMailTransport> logger) : IMailTransport
{
    public const string FolderName = "mail";
    private long sequence;

    public string Folder => Path.Combine(Path.GetFullPath(options.Value.DataDirectory), FolderName);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var stamp = time.GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
        var number = Interlocked.Increment(ref sequence);
        var name = string.Create(CultureInfo.InvariantCulture, $"{stamp}-{number:D6}-{Guid.NewGuid().ToString("N")[..6]}.eml");
        var path = Path.Combine(Folder, name);
        var temporary = path + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, path);
        logger.LogInformation("Wrote email \"{Subject}\" to {Path} (no SMTP server is configured)", message.Subject, path);
    }
}
