using Byline.Web.Data;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Byline.Web.Hosting.Email;

/// <summary>Plain-text mail from the site, signed with the site's name.</summary>
public sealed class Mailer(IMailTransport transport, IOptions<EmailOptions> options, SiteSettingsStore settings)
{
    public Task SendAsync(string toAddress, string toName, string subject, string body, CancellationToken cancellationToken) =>
        SendAsync(new OutgoingMail(toAddress, toName, subject, body), cancellationToken);

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var site = (await settings.GetAsync(cancellationToken)).Settings.SiteName;
        var message = new MimeMessage
        {
            Subject = mail.Subject,
            Body = new TextPart("plain") { Text = $"{mail.Body.TrimEnd()}\n\n-- \n{site}\n" },
        };
        message.From.Add(new MailboxAddress(site, options.Value.From));
        message.To.Add(new MailboxAddress(mail.ToName, mail.ToAddress));
        if (mail.MessageIdLocalPart is { } localPart)
        {
            var at = options.Value.From.LastIndexOf('@');
            message.MessageId = $"{localPart}@{(at >= 0 ? options.Value.From[(at + 1)..] : "localhost")}";
        }
        foreach (var (name, value) in mail.Headers ?? [])
        {
            message.Headers.Add(name, value);
        }
        await transport.SendAsync(message, cancellationToken);
    }
}
