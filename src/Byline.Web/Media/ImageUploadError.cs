using System.Globalization;

namespace Byline.Web.Media;

/// <summary>Why an upload was not stored: a stable <see cref="Code"/> for scripts, a message for people, the field it concerns.</summary>
public sealed record ImageUploadError(int Status, string Code, string Message, string Field)
{
    public const string FileField = "file";
    public const string AltField = "alt";
    public const string CaptionField = "caption";
    public const string CreditField = "credit";

    public static ImageUploadError FileRequired { get; } = new(400, "file-required", "Choose an image file to upload.", FileField);
    public static ImageUploadError FileEmpty { get; } = new(400, "file-empty", "The file is empty (0 bytes). Choose the image file again.", FileField);
    public static ImageUploadError FileTooLarge { get; } = new(413, "image-too-large",
        $"The file is larger than {ImageUploads.MaxFileBytes / (1024 * 1024)} MB. Export a smaller version of the image and upload that.", FileField);
    public static ImageUploadError NotAnImage { get; } = new(415, "not-an-image",
        "The file is not a JPEG, PNG, WebP or GIF image. Other formats, including SVG, are not accepted, whatever the file is named.", FileField);
    public static ImageUploadError Damaged { get; } = new(422, "image-damaged",
        "The image is damaged or incomplete (perhaps cut off while copying) and could not be read. Export it again and retry.", FileField);
    public static ImageUploadError AltRequired { get; } = new(400, "alt-required",
        "Describe the image for readers who cannot see it (alt text is required).", AltField);
    public static ImageUploadError AltTooLong { get; } = new(400, "alt-too-long", $"Alt text can be at most {ImageUploads.MaxAltLength} characters.", AltField);
    public static ImageUploadError CaptionTooLong { get; } = new(400, "caption-too-long", $"A caption can be at most {ImageUploads.MaxCaptionLength:N0} characters.", CaptionField);
    public static ImageUploadError CreditTooLong { get; } = new(400, "credit-too-long", $"A credit can be at most {ImageUploads.MaxCreditLength} characters.", CreditField);
    public static ImageUploadError FormUnreadable { get; } = new(400, "form-unreadable", "The upload could not be read. Please try again.", FileField);

    public static ImageUploadError InvalidText(string field) => new(400, "invalid-text", "This text contains invalid characters (it is not valid UTF-8 text).", field);

    public static ImageUploadError TooManyPixels(int width, int height) => new(422, "image-too-many-pixels",
        string.Create(CultureInfo.InvariantCulture,
            $"The image is {width:N0} × {height:N0} pixels. Images can be at most {ImageProcessor.MaxSide:N0} pixels on a side and {ImageProcessor.MaxPixels / 1_000_000} megapixels: export a smaller version."),
        FileField);

    public static ImageUploadError From(ImageRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Why switch
        {
            ImageRefusal.Reason.Empty => FileEmpty,
            ImageRefusal.Reason.TooManyPixels => TooManyPixels(refusal.Width, refusal.Height),
            ImageRefusal.Reason.Damaged => Damaged,
            _ => NotAnImage,
        };
    }
}
