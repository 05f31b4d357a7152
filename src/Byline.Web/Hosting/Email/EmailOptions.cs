namespace Byline.Web.Hosting.Email;

/// <summary>
/// The "Byline:Smtp" settings. With a <see cref="Host"/>, mail goes out over SMTP; without one it is written as .eml
/// files into the data folder's mail/ directory, where an operator (or a test) can open it.
/// </summary>
public sealed class EmailOptions
{
    public const string SectionName = "Byline:Smtp";

    public string? Host { get; set; }

    /// <summary>587 (submission with STARTTLS) unless told otherwise; 465 means TLS from the first byte.</summary>
    public int Port { get; set; } = 587;

    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>The sender address; the site's name is its display name.</summary>
    public string From { get; set; } = "byline@localhost";

    /// <summary>Encrypt the connection (STARTTLS, or TLS on connect for port 465). Off only for a relay on the same machine.</summary>
    public bool UseTls { get; set; } = true;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Host);
}
