namespace Byline.Data.Accounts;

/// <summary>
/// The staff roles stored as Identity roles. "Reader" is not stored: every signed-in account is a reader.
/// </summary>
public static class Roles
{
    public const string Reader = "reader";
    public const string Writer = "writer";
    public const string Editor = "editor";
    public const string Moderator = "moderator";
    public const string Admin = "admin";

    /// <summary>Roles that are stored and can be granted.</summary>
    public static readonly IReadOnlyList<string> Staff = [Writer, Editor, Moderator, Admin];

    /// <summary>Every role a person can hold, for display and for the CLI.</summary>
    public static readonly IReadOnlyList<string> All = [Reader, Writer, Editor, Moderator, Admin];

    public static bool IsStaff(string role) => Staff.Contains(role, StringComparer.Ordinal);
}
