using Byline.Tests.Infrastructure;
using Byline.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Byline.Tests.Accounts;

public sealed class ApiTokenTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ATokenIsStoredOnlyAsAHashAndStopsWorkingOnceRevoked(string provider)
    {
        using var factory = new BylineFactory(provider);
        var user = await factory.CreateUserAsync();

        await using (var db = factory.CreateDbContext())
        {
            var stored = await db.ApiTokens.SingleAsync(t => t.UserId == user.Id);
            Assert.Equal(ApiTokens.Hash(user.Token), stored.Hash);
            Assert.DoesNotContain(user.Token, stored.Hash + stored.Hint + stored.Name, StringComparison.Ordinal);
        }

        await using var scope = factory.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<ApiTokens>();
        var found = await tokens.FindAsync(user.Token, CancellationToken.None);
        Assert.NotNull(found);
        Assert.Null(await tokens.FindAsync(user.Token + "x", CancellationToken.None));

        Assert.False(await tokens.RevokeAsync("someone-else", found.Id, CancellationToken.None));
        Assert.True(await tokens.RevokeAsync(user.Id, found.Id, CancellationToken.None));
        Assert.Null(await tokens.FindAsync(user.Token, CancellationToken.None));
        Assert.False(await tokens.RevokeAsync(user.Id, found.Id, CancellationToken.None));
    }
}
