namespace Byline.Web.Moderation;

/// <summary>What the request says about its sender, beyond the comment: where it came from and how the form was filled.</summary>
/// <param name="Form">Null for the JSON API, which has no form.</param>
public sealed record SubmitSignals(string ClientAddress, FormSignals? Form)
{
    public static SubmitSignals Of(HttpContext context, FormSignals? form = null) =>
        new(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", form);
}

/// <param name="HoneypotFilled">The field people never see (and so never fill in) has text in it.</param>
/// <param name="Stamped">The post carried a rendering stamp (see <see cref="FormTiming"/>).</param>
/// <param name="Elapsed">Time since the form was rendered; null when the stamp is missing or forged.</param>
public sealed record FormSignals(bool HoneypotFilled, bool Stamped, TimeSpan? Elapsed);
