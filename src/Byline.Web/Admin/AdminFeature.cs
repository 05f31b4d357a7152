using Byline.Web.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Byline.Web.Admin;

/// <summary>
/// Administration (/admin: accounts, roles, the audit log) and the self-service side of accounts that goes with it:
/// personal API tokens (/account/tokens), who-am-I for programs (/api/v1/me), and the reader's data (/account/data: export, account deletion).
/// </summary>
public static class AdminFeature
{
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddScoped<UserAdministration>();
        services.AddScoped<StaffProfiles>();
        services.AddScoped<TokenIssuing>();
        services.AddScoped<AccountExport>();
        services.AddScoped<AccountDeletion>();
        services.Configure<RazorPagesOptions>(pages =>
        {
            pages.Conventions.AddFolderApplicationModelConvention("/Admin", page => page.Filters.Add(new AdminOnlyFilter()));
            pages.Conventions.AuthorizePage("/Accounts/Tokens");
            pages.Conventions.AuthorizePage("/Accounts/Comments");
        });
        return services;
    }

    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder app)
    {
        app.MapMe();
        app.MapGet("/api/v1/me/export", AccountExport.GetAsync).WithTags("Accounts").WithName("ExportMyData")
            .WithSummary("Everything kept about the caller's account, as a JSON file: account, comments in any state with their edits, votes, flags, subscriptions, notifications.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }
}
