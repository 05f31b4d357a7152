using System.Net.Mail;
using Byline.Web.Comments;
using Microsoft.AspNetCore.Identity;

namespace Byline.Web.Accounts;

/// <summary>What the account forms accept: cleaned values, or the message to show next to the field.</summary>
public static class AccountInput
{
    public const int MaxEmailLength = 254;
    public const int MaxDisplayNameCharacters = 80;
    public const int MaxBioCharacters = 2000;
    public const int MaxPasswordLength = 256;

    /// <summary>An address to look an account up by; any well-formed one (the first admin is admin@localhost).</summary>
    public static (string Value, string? Error) Email(string? raw)
    {
        var email = (raw ?? "").Trim();
        if (email.Length == 0)
        {
            return ("", "Enter your email address.");
        }
        if (email.Length > MaxEmailLength
            || email.Contains(' ', StringComparison.Ordinal)
            || !MailAddress.TryCreate(email, out var address)
            || address.Address != email)
        {
            return (email, "Enter an email address like name@example.com.");
        }
        return (email, null);
    }

    /// <summary>An address to register: also one mail can be delivered to from outside (a dotted domain).</summary>
    public static (string Value, string? Error) NewEmail(string? raw)
    {
        var (email, error) = Email(raw);
        if (error is null)
        {
            var domain = email[(email.LastIndexOf('@') + 1)..];
            if (!domain.Contains('.', StringComparison.Ordinal) || domain.StartsWith('.') || domain.EndsWith('.'))
            {
                return (email, "Enter an email address like name@example.com.");
            }
        }
        return (email, error);
    }

    public static (string Value, string? Error) DisplayName(string? raw)
    {
        var (name, problem) = TextInput.CleanSingleLine(raw);
        if (problem != TextInput.Problem.None)
        {
            return ("", "The name contains characters that cannot be shown.");
        }
        if (name.Length == 0)
        {
            return ("", "Enter the name to show with your comments.");
        }
        if (TextInput.IsLongerThan(name, MaxDisplayNameCharacters))
        {
            return (name, $"A name can be at most {MaxDisplayNameCharacters} characters.");
        }
        return (name, null);
    }

    public static (string Value, string? Error) Bio(string? raw)
    {
        var (bio, problem) = TextInput.CleanMultiline(raw);
        if (problem != TextInput.Problem.None)
        {
            return ("", "The bio contains characters that cannot be shown.");
        }
        if (TextInput.IsLongerThan(bio, MaxBioCharacters))
        {
            return (bio, $"A bio can be at most {MaxBioCharacters:N0} characters.");
        }
        return (bio, null);
    }

    /// <summary>Checks a new password and its repetition; Identity's own rules (length) are checked when it is set.</summary>
    public static (string? PasswordError, string? ConfirmError) NewPassword(string? password, string? confirm)
    {
        if (string.IsNullOrEmpty(password))
        {
            return ("Choose a password.", null);
        }
        if (password.Length > MaxPasswordLength)
        {
            return ($"A password can be at most {MaxPasswordLength} characters.", null);
        }
        return password == confirm ? (null, null) : (null, "The two passwords are not the same.");
    }

    /// <summary>Identity's password complaints, in Byline's words where they differ.</summary>
    public static string Describe(IdentityError error) => error.Code switch
    {
        "PasswordTooShort" => error.Description.Replace("Passwords must be at least", "A password needs at least", StringComparison.Ordinal),
        _ => error.Description,
    };

    public static bool IsPasswordError(IdentityError error) => error.Code.StartsWith("Password", StringComparison.Ordinal);
}
