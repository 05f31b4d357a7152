using Microsoft.AspNetCore.Diagnostics;

namespace Byline.Web.Hosting;

/// <summary>
/// A client's malformed request (bad form body, oversized upload, unparsable route value) surfaces as an exception
/// deep in the framework; it is the client's 4xx, never our 500.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = exception switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            InvalidDataException => StatusCodes.Status400BadRequest,
            _ => 0,
        };
        if (status == 0 || httpContext.Response.HasStarted)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = Problems.Title(status),
                Detail = status == 413 ? "The request body is too large." : "The request could not be read.",
                Extensions = { ["code"] = Problems.CodeFor(status) },
            },
        });
    }
}
