using Byline.Web.Accounts;
using Byline.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace Byline.Web.Media;

/// <summary>
/// Images: upload (the newsroom page at <see cref="MediaPaths.Library"/> and <c>POST /api/v1/images</c>), validation
/// and re-encoding with SkiaSharp, renditions stored in the database, and serving them at immutable URLs.
/// </summary>
public static class MediaFeature
{
    public static IServiceCollection AddMedia(this IServiceCollection services)
    {
        services.AddSingleton<ImageProcessor>();
        services.AddScoped<ImageUploads>();
        return services;
    }

    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder app)
    {
        app.MapGetAndHead("/media/{key}/{width:int}.{format}", ImageServing.GetAsync).ExcludeFromDescription();
        app.MapGetAndHead("/media/{key}/crop/{aspect}.jpg", CropServing.GetAsync).ExcludeFromDescription();

        // Programs only: a bearer token, never the browser's cookie, so no other site can make a signed-in browser upload.
        app.MapPost("/api/v1/images", UploadAsync)
            .WithTags("Images")
            .WithName("UploadImage")
            .WithSummary("Uploads an image (multipart: file, alt, caption, credit); answers its rendition URLs and Markdown.")
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(ApiTokenHandler.SchemeName).RequireAuthenticatedUser())
            .WithMetadata(new RequestSizeLimitAttribute(ImageUploads.MaxRequestBytes))
            .WithFormOptions(multipartBodyLengthLimit: ImageUploads.MaxRequestBytes)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = UploadForm;
                return Task.CompletedTask;
            });
        return app;
    }

    /// <summary>The form is read by hand (to answer an oversized body with a problem), so OpenAPI is told its shape.</summary>
    private static OpenApiRequestBody UploadForm => new()
    {
        Required = true,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "file", "alt" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "JPEG, PNG, WebP or GIF, up to 20 MB." },
                        ["alt"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = ImageUploads.MaxAltLength },
                        ["caption"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = ImageUploads.MaxCaptionLength },
                        ["credit"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = ImageUploads.MaxCreditLength },
                    },
                },
            },
        },
    };

    public static async Task<Results<Created<ImageDto>, ProblemHttpResult>> UploadAsync(
        HttpRequest request, CurrentUser user, ImageUploads uploads, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaAccess.CanUpload(user))
        {
            return Problems.Create(StatusCodes.Status403Forbidden, "not-allowed", "Only writers, editors and admins may upload images.");
        }
        if (!request.HasFormContentType)
        {
            return Problems.Create(StatusCodes.Status415UnsupportedMediaType, "multipart-required",
                "Send multipart/form-data with the image in a part named \"file\" and its alt text in \"alt\".");
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception ex) when (ImageUploads.IsBodyTooLarge(ex, request))
        {
            return Problem(ImageUploadError.FileTooLarge);
        }
        catch (InvalidDataException)
        {
            return Problem(ImageUploadError.FormUnreadable);
        }

        var (image, error) = await uploads.UploadAsync(form.Files.GetFile("file"), form["alt"], form["caption"], form["credit"], cancellationToken);
        if (image is null)
        {
            return Problem(error!);
        }
        var dto = ImageDto.From(image);
        return TypedResults.Created(dto.Url, dto);
    }

    private static ProblemHttpResult Problem(ImageUploadError error) => Problems.Create(error.Status, error.Code, error.Message, error.Field);
}
