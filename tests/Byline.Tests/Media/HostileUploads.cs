using System.Net;
using Byline.Tests.Infrastructure;

namespace Byline.Tests.Media;

/// <summary>Files an attacker or an accident sends, each with the refusal it must get. Generated here, never checked in.</summary>
public static class HostileUploads
{
    public sealed record Case(Uploads.Form Form, HttpStatusCode Status, string Code, string Message);

    private const string NotAnImage = "The file is not a JPEG, PNG, WebP or GIF image.";

    public static readonly IReadOnlyList<string> Names =
    [
        "text-named-jpg", "svg-with-script", "svg-named-png", "html", "html-named-gif", "zero-bytes",
        "truncated-jpeg", "corrupt-png", "bomb", "over-20-mb",
    ];

    public static TheoryData<string, string> OnEveryDatabase
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var provider in new[] { Databases.Sqlite, Databases.Postgres })
            {
                foreach (var name in Names)
                {
                    data.Add(provider, name);
                }
            }
            return data;
        }
    }

    public static Case Get(string name) => name switch
    {
        "text-named-jpg" => new(new(TestImages.Text, "figures.jpg", "image/jpeg"), HttpStatusCode.UnsupportedMediaType, "not-an-image", NotAnImage),
        "svg-with-script" => new(new(TestImages.SvgWithScript, "logo.svg", "image/svg+xml"), HttpStatusCode.UnsupportedMediaType, "not-an-image", NotAnImage),
        "svg-named-png" => new(new(TestImages.SvgWithScript, "logo.png", "image/png"), HttpStatusCode.UnsupportedMediaType, "not-an-image", NotAnImage),
        "html" => new(new(TestImages.Html, "page.html", "text/html"), HttpStatusCode.UnsupportedMediaType, "not-an-image", NotAnImage),
        "html-named-gif" => new(new(TestImages.Html, "cat.gif", "image/gif"), HttpStatusCode.UnsupportedMediaType, "not-an-image", NotAnImage),
        "zero-bytes" => new(new([], "empty.jpg"), HttpStatusCode.BadRequest, "file-empty", "The file is empty (0 bytes)."),
        "truncated-jpeg" => new(new(TestImages.TruncatedJpeg(), "cut.jpg"), HttpStatusCode.UnprocessableEntity, "image-damaged", "The image is damaged or incomplete"),
        "corrupt-png" => new(new(TestImages.CorruptPng(), "noise.png", "image/png"), HttpStatusCode.UnprocessableEntity, "image-damaged", "The image is damaged or incomplete"),
        "bomb" => new(new(TestImages.PngClaiming(100_000, 100_000), "huge.png", "image/png"), HttpStatusCode.UnprocessableEntity, "image-too-many-pixels",
            "The image is 100,000 × 100,000 pixels. Images can be at most 12,000 pixels on a side and 40 megapixels"),
        "over-20-mb" => new(new(OverTwentyMegabytes(), "big.jpg"), HttpStatusCode.RequestEntityTooLarge, "image-too-large", "The file is larger than 20 MB."),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>One byte over 20 MB, starting like a JPEG.</summary>
    public static byte[] OverTwentyMegabytes()
    {
        var bytes = new byte[(20 * 1024 * 1024) + 1];
        TestImages.Jpeg().CopyTo(bytes, 0);
        return bytes;
    }
}
