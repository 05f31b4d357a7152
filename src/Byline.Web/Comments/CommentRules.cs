using System.Net.Mail;

namespace Byline.Web.Comments;

/// <summary>Validation of a submission, pure: the cleaned values, or the first reason to refuse.</summary>
public static class CommentRules
{
    public const int MaxBodyCharacters = 10_000;
    public const int MaxNameCharacters = 80;
    public const int MaxEmailLength = 254;

    /// <summary>A submission after cleaning, ready to store.</summary>
    public sealed record Clean(string Body, string AuthorName, string? AuthorEmail);

    public static (Clean? Value, CommentError? Error) Validate(CommentSubmission submission)
    {
        var (body, bodyProblem) = TextInput.CleanMultiline(submission.Body);
        if (bodyProblem != TextInput.Problem.None)
        {
            return (null, CommentError.BodyInvalid);
        }
        if (body.Length == 0)
        {
            return (null, CommentError.BodyRequired);
        }
        // The UTF-16 bound stops a pathological grapheme cluster from counting as one character.
        if (body.Length > MaxBodyCharacters * 4 || TextInput.CountCharacters(body) > MaxBodyCharacters)
        {
            return (null, CommentError.BodyTooLong);
        }

        var (name, nameProblem) = TextInput.CleanSingleLine(submission.AuthorName);
        if (nameProblem != TextInput.Problem.None)
        {
            return (null, CommentError.NameInvalid);
        }
        if (TextInput.IsLongerThan(name, MaxNameCharacters))
        {
            return (null, CommentError.NameTooLong);
        }

        var (email, emailProblem) = TextInput.CleanSingleLine(submission.AuthorEmail);
        if (emailProblem != TextInput.Problem.None || (email.Length > 0 && !IsEmail(email)))
        {
            return (null, CommentError.EmailInvalid);
        }

        return (new Clean(body, name.Length == 0 ? CommentError.GuestName : name, email.Length == 0 ? null : email), null);
    }

    /// <summary>A bare address (no display name) with a dotted domain: what a reader types into an email field.</summary>
    public static bool IsEmail(string value) =>
        value.Length <= MaxEmailLength
        && !value.Contains(' ', StringComparison.Ordinal)
        && MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !address.Host.StartsWith('.') && !address.Host.EndsWith('.');
}
