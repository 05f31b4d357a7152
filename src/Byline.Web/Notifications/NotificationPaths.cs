namespace Byline.Web.Notifications;

public static class NotificationPaths
{
    public const string List = "/account/notifications";
    public const string Settings = "/account/notifications/settings";
    public const string Unsubscribe = "/unsubscribe";
    public const string Api = "/api/v1/me/notifications";
    public const string ApiRead = "/api/v1/me/notifications/read";
    public const string ApiSubscription = "/api/v1/me/subscriptions/{slug}";

    /// <summary>The no-script page to follow or mute one story's discussion.</summary>
    public static string Story(string slug) => $"/account/notifications/stories/{Uri.EscapeDataString(slug)}";

    public static string UnsubscribeLink(string token) => $"{Unsubscribe}?token={Uri.EscapeDataString(token)}";
}
