namespace Byline.Web.Moderation;

/// <summary>What the request says about its sender, beyond the comment: where it came from and how the form was filled.</summary>
/// <param name="Form">Null for the JSON API, which has no form.</param>
public sealed record SubmitSignals(string ClientAddress, FormSignals? Form)
{
    public static SubmitSignals Of(HttpContext context, FormSignals? form = null) =>
        new(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", form);
}

/// <param name="HoneypotFilled">The field people never see (and so never fill in) has text in it.</param>
/// <param name="Elapsed">Time since the form was rendered; null when its stamp is missing or forged.</param>
public sealed record FormSignals(bool HoneypotFilled, TimeSpan? Elapsed);
