using Byline.Data.Accounts;
using Byline.Web.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Byline.Web.Cli;

/// <summary>`byline token create EMAIL --name NAME`: prints the new token alone on standard output, so a script can capture it.</summary>
public static class TokenCommands
{
    public static async Task<int> CreateAsync(
        IServiceProvider services, string email, string? name, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<BylineUser>>().FindByEmailAsync(email.Trim());
        if (user is null)
        {
            await errors.WriteLineAsync($"There is no account with the email {email.Trim()}.");
            return 1;
        }
        var (created, error) = await scope.ServiceProvider.GetRequiredService<TokenIssuing>()
            .IssueAsync(user.Id, name, UserCommands.Actor, cancellationToken);
        if (created is null)
        {
            await errors.WriteLineAsync(error);
            return 1;
        }
        await output.WriteLineAsync(created.Secret);
        await errors.WriteLineAsync($"Created the API token \"{created.Token.Name}\" for {user.Email}. It is shown only now; Byline keeps only its hash.");
        return 0;
    }
}
