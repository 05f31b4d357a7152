using Byline.Data;
using Byline.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Accounts;

/// <summary>The caller's account as programs see it. Every account is a reader; stored roles follow, in their usual order.</summary>
public sealed record MeDto(string Id, string DisplayName, string? Email, IReadOnlyList<string> Roles, string? WriterSlug);

/// <summary>`GET /api/v1/me`: who the cookie or API token belongs to, read from the database, so a role change shows at once.</summary>
public static class MeEndpoint
{
    public static IEndpointRouteBuilder MapMe(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/me", GetAsync).WithTags("Accounts").WithName("GetMe")
            .WithSummary("The signed-in account (cookie or `Authorization: Bearer` API token): id, name, email, roles and writer page.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    public static async Task<Results<Ok<MeDto>, ProblemHttpResult>> GetAsync(
        CurrentUser me, BylineDbContext db, HttpResponse response, CancellationToken cancellationToken)
    {
        var account = me.Id is { } id
            ? await db.Users.AsNoTracking().Where(u => u.Id == id)
                .Select(u => new
                {
                    u.Id,
                    u.DisplayName,
                    u.Email,
                    WriterSlug = db.Writers.Where(w => w.Id == u.WriterId).Select(w => w.Slug).FirstOrDefault(),
                    Roles = db.UserRoles.Where(ur => ur.UserId == u.Id)
                        .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
                })
                .FirstOrDefaultAsync(cancellationToken)
            : null;
        if (account is null)
        {
            response.Headers.WWWAuthenticate = "Bearer";
            return Problems.Create(StatusCodes.Status401Unauthorized, "not-signed-in",
                "Sign in, or send a personal API token as 'Authorization: Bearer <token>'.");
        }
        var roles = Admin.AccountRoles.Ordered(account.Roles.OfType<string>());
        return TypedResults.Ok(new MeDto(account.Id, account.DisplayName, account.Email, roles, account.WriterSlug));
    }
}
