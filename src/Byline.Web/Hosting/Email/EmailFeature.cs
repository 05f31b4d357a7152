using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Byline.Web.Hosting.Email;

public static class EmailFeature
{
    public static IServiceCollection AddEmail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName);
        services.TryAddSingleton<SmtpMailTransport>();
        services.TryAddSingleton<FileMailTransport>();
        // Chosen when first needed, so settings from any configuration source (and tests) apply.
        services.TryAddSingleton<IMailTransport>(provider =>
            provider.GetRequiredService<IOptions<EmailOptions>>().Value.UsesSmtp
                ? provider.GetRequiredService<SmtpMailTransport>()
                : provider.GetRequiredService<FileMailTransport>());
        services.TryAddSingleton<Mailer>();
        return services;
    }
}
