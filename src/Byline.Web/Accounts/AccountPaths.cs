namespace Byline.Web.Accounts;

public static class AccountPaths
{
    public const string Account = "/account";
    public const string SignIn = "/account/sign-in";
    public const string SignOut = "/account/sign-out";
    public const string Register = "/account/register";
    public const string Confirm = "/account/confirm";
    public const string ForgotPassword = "/account/forgot-password";
    public const string ResetPassword = "/account/reset-password";
    public const string Password = "/account/password";
    public const string Tokens = "/account/tokens";
    public const string Data = "/account/data";
    public const string Deleted = "/account/deleted";
    public const string Newsroom = "/newsroom";
    public const string AdminUsers = "/admin/users";

    /// <summary>A return address only when it stays on this site ("/path", not "//host" or "/\host").</summary>
    public static string? LocalOrNull(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            ? url
            : null;
}
