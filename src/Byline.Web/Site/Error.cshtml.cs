using Byline.Web.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Byline.Web.Site;

/// <summary>
/// The friendly page for an error status with no body of its own. For /api/ paths the same answer is problem+json,
/// so a script never receives HTML.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IProblemDetailsService problems) : PageModel
{
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";

    public Task<IActionResult> OnGetAsync(int status) => RespondAsync(status);
    public Task<IActionResult> OnPostAsync(int status) => RespondAsync(status);
    public Task<IActionResult> OnPutAsync(int status) => RespondAsync(status);
    public Task<IActionResult> OnDeleteAsync(int status) => RespondAsync(status);
    public Task<IActionResult> OnPatchAsync(int status) => RespondAsync(status);

    private async Task<IActionResult> RespondAsync(int status)
    {
        var reExecute = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        // A re-executed POST whose form could not be read binds no route values: the original status is still known.
        if (status == 0 && reExecute is not null)
        {
            status = reExecute.OriginalStatusCode;
        }
        if (status is < 400 or > 599)
        {
            status = 404;
        }
        Response.StatusCode = reExecute is null ? 404 : status;

        if (reExecute?.OriginalPath.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) == true)
        {
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = HttpContext,
                ProblemDetails =
                {
                    Status = Response.StatusCode,
                    Title = Problems.Title(Response.StatusCode),
                    Extensions = { ["code"] = Problems.CodeFor(Response.StatusCode) },
                },
            });
            return new EmptyResult();
        }

        (Heading, Message) = Response.StatusCode switch
        {
            403 => ("Not allowed", "Your account does not have access to this page."),
            404 => ("Page not found", "There is nothing at this address. The story may have moved, or the link may be mistyped."),
            405 => ("Not allowed", "This address does not accept that kind of request."),
            413 => ("Too large", "What you sent is larger than this site accepts."),
            429 => ("Too many attempts", "To keep accounts safe, this site limits how often a form can be sent from one network. Wait a minute, then go back and try again."),
            >= 500 => ("Something went wrong", "The problem is on our side and has been logged. Please try again in a moment."),
            _ => ("The request could not be completed", "Please go back and try again."),
        };
        return Page();
    }
}
