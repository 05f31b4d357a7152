using Byline.Web.Comments;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Byline.Web.Hosting;

/// <summary>RFC 9457 problem details with a stable "code" extension that scripts can switch on.</summary>
public static class Problems
{
    public static ProblemHttpResult Create(int status, string code, string detail, string? field = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (field is not null)
        {
            extensions["field"] = field;
        }
        return TypedResults.Problem(detail: detail, statusCode: status, title: Title(status), extensions: extensions);
    }

    public static ProblemHttpResult From(CommentError error)
    {
        var problem = Create(error.Status, error.Code, error.Message, error.Field);
        if (error.Until is { } until)
        {
            problem.ProblemDetails.Extensions["until"] = until;
        }
        if (error.RetryAfter is { } wait)
        {
            problem.ProblemDetails.Extensions["retryAfter"] = (int)wait.TotalSeconds;
        }
        return problem;
    }

    /// <summary>Sets what a refusal tells HTTP itself (Retry-After), for the API and the form alike.</summary>
    public static void AddHeaders(HttpResponse response, CommentError error)
    {
        if (error.RetryAfter is { } wait)
        {
            response.Headers.RetryAfter = ((int)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public static string Title(int status) => status switch
    {
        400 => "The request is not valid.",
        403 => "Not allowed.",
        404 => "Not found.",
        405 => "Method not allowed.",
        409 => "Conflict.",
        413 => "The request is too large.",
        415 => "Unsupported media type.",
        429 => "Too many requests.",
        _ when status >= 500 => "Something went wrong on our side.",
        _ => "The request could not be completed.",
    };

    public static string CodeFor(int status) => status switch
    {
        400 => "bad-request",
        404 => "not-found",
        405 => "method-not-allowed",
        413 => "payload-too-large",
        415 => "unsupported-media-type",
        429 => "rate-limited",
        _ when status >= 500 => "server-error",
        _ => "error",
    };
}
