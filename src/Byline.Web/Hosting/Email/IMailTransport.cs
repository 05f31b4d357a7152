using MimeKit;

namespace Byline.Web.Hosting.Email;

/// <summary>Where finished messages go: an SMTP server, or .eml files in the data folder.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
