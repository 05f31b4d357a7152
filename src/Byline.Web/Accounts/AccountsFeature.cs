using Byline.Data;
using Byline.Data.Accounts;
using Byline.Web.Hosting.Email;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Byline.Web.Accounts;

/// <summary>
/// Accounts: ASP.NET Core Identity on Byline's database, a cookie for people and bearer API tokens for programs,
/// chosen per request by one policy scheme. Data Protection keys live in the database, so every node reads every cookie.
/// </summary>
public static class AccountsFeature
{
    /// <summary>The scheme every request authenticates with: API token when a bearer token is sent, else the cookie.</summary>
    public const string Scheme = "Byline";

    public static IServiceCollection AddAccounts(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddDataProtection()
            .SetApplicationName("Byline")
            .PersistKeysToDbContext<BylineDbContext>();

        services.AddIdentity<BylineUser, IdentityRole>(identity =>
            {
                identity.Stores.SchemaVersion = BylineDbContext.IdentitySchema;
                identity.User.RequireUniqueEmail = true;
                identity.SignIn.RequireConfirmedAccount = true;
                identity.Password.RequiredLength = 10;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireDigit = false;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<BylineDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<BylineClaims>();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = Hosting.PageCache.AuthCookie;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            cookie.LoginPath = AccountPaths.SignIn;
            cookie.LogoutPath = AccountPaths.SignOut;
            cookie.AccessDeniedPath = AccountPaths.SignIn;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
            // Programs get status codes, not sign-in pages.
            cookie.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });
        // "Sign out everywhere" changes the security stamp; other sessions notice within this interval.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultAuthenticateScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
                o.DefaultForbidScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Cookie or API token", policy => policy.ForwardDefaultSelector = context =>
                ApiTokenHandler.HasBearerToken(context.Request) ? ApiTokenHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(ApiTokenHandler.SchemeName, null);

        services.AddAuthorization();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<Data.AuditLog>();
        services.AddScoped<ApiTokens>();
        services.AddScoped<FirstAdmin>();

        // The people side: mail, profiles, rate limits, and the pending password change every page enforces.
        services.AddEmail();
        services.AddScoped<AccountEmails>();
        services.AddScoped<Profiles>();
        AccountLimits.Register(services);
        services.Configure<MvcOptions>(mvc => mvc.Filters.Add(new PendingPasswordChangeFilter()));
        // Only discoverable passkeys can offer "Sign in with a passkey" without typing an email address first.
        services.Configure<IdentityPasskeyOptions>(passkeys => passkeys.ResidentKeyRequirement = "required");
        return services;
    }

    public static WebApplication UseAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        return app;
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
