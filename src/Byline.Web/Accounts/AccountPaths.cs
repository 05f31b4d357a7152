namespace Byline.Web.Accounts;

public static class AccountPaths
{
    public const string SignIn = "/account/sign-in";
    public const string SignOut = "/account/sign-out";
    public const string Register = "/account/register";
    public const string Tokens = "/account/tokens";
}
