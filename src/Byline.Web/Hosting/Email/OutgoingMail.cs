namespace Byline.Web.Hosting.Email;

/// <summary>
/// A plain-text mail to one person, with what list mail needs besides: a Message-Id of the sender's choosing (so that
/// a resend of the same mail is recognizable) and extra headers (List-Unsubscribe).
/// </summary>
/// <param name="MessageIdLocalPart">The part before '@' of the Message-Id; the sender address's domain follows it. Null: one is made up.</param>
public sealed record OutgoingMail(
    string ToAddress,
    string ToName,
    string Subject,
    string Body,
    string? MessageIdLocalPart = null,
    IReadOnlyList<KeyValuePair<string, string>>? Headers = null);
