namespace Byline.Web.Admin;

public static class AdminPaths
{
    public const string UserList = "/admin/users";
    public const string AuditLog = "/admin/audit";
    public const string Site = "/admin/site";

    public static string User(string id) => $"/admin/users/{Uri.EscapeDataString(id)}";

    public static string DeleteUser(string id) => $"{User(id)}/delete";

    public static string Users(string? query, string? after) => UserList + QueryString.Create(
        new[] { KeyValuePair.Create("q", query), KeyValuePair.Create("after", after) }.Where(p => !string.IsNullOrEmpty(p.Value)));

    public static string Audit(string? prefix, string? target, string? before) => AuditLog + QueryString.Create(
        new[] { KeyValuePair.Create("prefix", prefix), KeyValuePair.Create("target", target), KeyValuePair.Create("before", before) }
            .Where(p => !string.IsNullOrEmpty(p.Value)));
}
