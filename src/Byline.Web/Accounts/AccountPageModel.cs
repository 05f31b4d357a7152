using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Byline.Web.Accounts;

/// <summary>What every account page shares: errors by field for the form partials, and a status line after a redirect.</summary>
public abstract class AccountPageModel : PageModel
{
    private const string StatusKey = "account-status";

    /// <summary>A one-time message carried over a redirect ("Your password is changed.").</summary>
    public string? Status { get; private set; }

    public string? ErrorFor(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>The error for the form as a whole (key ""), shown above its fields.</summary>
    public string? FormError => ErrorFor("");

    public AccountField Field(string name, string label, string type = "text", string? value = null,
        string? autocomplete = null, string? help = null, int? maxLength = null, bool required = true) =>
        new(name, label, type, value, autocomplete, ErrorFor(name), help, maxLength, required);

    protected void SetStatus(string message) => TempData[StatusKey] = message;

    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        Status = TempData[StatusKey] as string;
        base.OnPageHandlerExecuting(context);
    }

    /// <summary>Re-shows the form with its errors, answering 400 (or 429 when refused for too many attempts).</summary>
    protected PageResult Invalid(int status = StatusCodes.Status400BadRequest)
    {
        Response.StatusCode = status;
        return Page();
    }
}

/// <summary>One labelled form field with its help and error, for the _Field partial.</summary>
public sealed record AccountField(
    string Name,
    string Label,
    string Type,
    string? Value,
    string? Autocomplete,
    string? Error,
    string? Help,
    int? MaxLength,
    bool Required)
{
    public string Id => "field-" + Name.ToLowerInvariant();
}
