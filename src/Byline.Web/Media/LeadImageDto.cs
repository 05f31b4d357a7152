namespace Byline.Web.Media;

/// <summary>
/// A story's lead image in the articles API: <see cref="Url"/> is the JPEG a page would use as <c>src</c>, with its
/// size; <see cref="Srcset"/> lists every JPEG width.
/// </summary>
public sealed record LeadImageDto(string Url, int Width, int Height, string Alt, string? Caption, string? Credit, string Srcset);
