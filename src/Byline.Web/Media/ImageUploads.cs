using System.Buffers.Text;
using System.Security.Cryptography;
using Byline.Data;
using Byline.Data.Media;
using Byline.Web.Accounts;
using Byline.Web.Comments;
using Byline.Web.Data;

namespace Byline.Web.Media;

/// <summary>
/// An upload from the newsroom page or the API, validated, processed outside any transaction, and stored as one image
/// with all its renditions in a single SaveChanges (one transaction): either everything is stored or nothing is.
/// The caller has checked <see cref="MediaAccess.CanUpload"/>.
/// </summary>
public sealed class ImageUploads(BylineDbContext db, ImageProcessor processor, WriteGate writeGate, CurrentUser user, TimeProvider time)
{
    public const long MaxFileBytes = 20L * 1024 * 1024;

    /// <summary>The body limit of the upload endpoints: the file plus room for the form's other fields and multipart framing.</summary>
    public const long MaxRequestBytes = MaxFileBytes + (1024 * 1024);

    public const int MaxAltLength = 500;
    public const int MaxCaptionLength = 1000;
    public const int MaxCreditLength = 200;

    public sealed record Text(string Alt, string? Caption, string? Credit);

    public async Task<(StoredImage? Image, ImageUploadError? Error)> UploadAsync(
        IFormFile? file, string? alt, string? caption, string? credit, CancellationToken cancellationToken)
    {
        var (text, textError) = Validate(alt, caption, credit);
        if (textError is not null)
        {
            return (null, textError);
        }
        if (file is null)
        {
            return (null, ImageUploadError.FileRequired);
        }
        if (file.Length == 0)
        {
            return (null, ImageUploadError.FileEmpty);
        }
        if (file.Length > MaxFileBytes)
        {
            return (null, ImageUploadError.FileTooLarge);
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, cancellationToken);
        }
        var (processed, refusal) = await processor.ProcessAsync(bytes, cancellationToken);
        if (processed is null)
        {
            return (null, ImageUploadError.From(refusal!));
        }

        var image = new StoredImage
        {
            Key = NewKey(),
            Width = processed.Width,
            Height = processed.Height,
            Alt = text!.Alt,
            Caption = text.Caption,
            Credit = text.Credit,
            UploadedByUserId = user.Id,
            CreatedAt = time.GetUtcNow(),
            Renditions = processed.Renditions
                .Select(r => new ImageRendition { Width = r.Width, Height = r.Height, ContentType = r.ContentType, Bytes = r.Bytes })
                .ToList(),
        };
        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            db.Images.Add(image);
            await db.SaveChangesAsync(cancellationToken);
        }
        return (image, null);
    }

    /// <summary>Alt text, caption and credit as stored: one line each, NFC, without control or bidi-override characters.</summary>
    public static (Text? Text, ImageUploadError? Error) Validate(string? alt, string? caption, string? credit)
    {
        var (cleanAlt, altProblem) = TextInput.CleanSingleLine(alt);
        var (cleanCaption, captionProblem) = TextInput.CleanSingleLine(caption);
        var (cleanCredit, creditProblem) = TextInput.CleanSingleLine(credit);
        ImageUploadError? error =
            altProblem != TextInput.Problem.None ? ImageUploadError.InvalidText(ImageUploadError.AltField)
            : cleanAlt.Length == 0 ? ImageUploadError.AltRequired
            : cleanAlt.Length > MaxAltLength ? ImageUploadError.AltTooLong
            : captionProblem != TextInput.Problem.None ? ImageUploadError.InvalidText(ImageUploadError.CaptionField)
            : cleanCaption.Length > MaxCaptionLength ? ImageUploadError.CaptionTooLong
            : creditProblem != TextInput.Problem.None ? ImageUploadError.InvalidText(ImageUploadError.CreditField)
            : cleanCredit.Length > MaxCreditLength ? ImageUploadError.CreditTooLong
            : null;
        return error is null
            ? (new Text(cleanAlt, cleanCaption.Length == 0 ? null : cleanCaption, cleanCredit.Length == 0 ? null : cleanCredit), null)
            : (null, error);
    }

    /// <summary>128 random bits, URL-safe (22 characters): rendition URLs cannot be guessed before a story shows them.</summary>
    public static string NewKey() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>
    /// Whether reading a form failed because the body is over the upload limit: Kestrel reports it as a 413, the
    /// multipart reader (which also guards servers without a body limit) as invalid data.
    /// </summary>
    public static bool IsBodyTooLarge(Exception exception, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return exception switch
        {
            BadHttpRequestException bad => bad.StatusCode == StatusCodes.Status413PayloadTooLarge,
            InvalidDataException => request.ContentLength > MaxRequestBytes,
            _ => false,
        };
    }

    public static bool IsWellFormedKey(string key) =>
        key.Length is >= 16 and <= 32 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
