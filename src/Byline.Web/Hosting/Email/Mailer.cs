using Byline.Web.Data;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Byline.Web.Hosting.Email;

/// <summary>Plain-text mail from the site, signed with the site's name.</summary>
public sealed class Mailer(IMailTransport transport, IOptions<EmailOptions> options, SiteSettingsStore settings)
{
    public async Task SendAsync(string toAddress, string toName, string subject, string body, CancellationToken cancellationToken)
    {
        var site = (await settings.GetAsync(cancellationToken)).Settings.SiteName;
        var message = new MimeMessage
        {
            Subject = subject,
            Body = new TextPart("plain") { Text = $"{body.TrimEnd()}\n\n-- \n{site}\n" },
        };
        message.From.Add(new MailboxAddress(site, options.Value.From));
        message.To.Add(new MailboxAddress(toName, toAddress));
        await transport.SendAsync(message, cancellationToken);
    }
}
