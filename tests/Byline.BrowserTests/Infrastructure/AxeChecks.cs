using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;

namespace Byline.BrowserTests.Infrastructure;

/// <summary>
/// axe-core's own <c>axe.run</c> on the page as it is: the same bundled axe-core and the same rules as Deque's
/// <c>page.RunAxe</c>, in every frame of the page, reporting violations in detail. Deque's <c>RunAxe</c> gets the same
/// answer in three steps instead (a partial run in the page, every passing node sent through .NET as JSON, and the final
/// step in a blank page of its own with axe-core injected again), which costs 3–5 s a check on this machine where
/// <c>axe.run</c> takes well under one.
/// </summary>
public static class AxeChecks
{
    private static readonly Lazy<string> Source = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>Runs axe-core on the page in its current state; only violations are listed node by node.</summary>
    public static async Task<AxeResult> RunAxeAsync(this IPage page)
    {
        foreach (var frame in page.Frames)
        {
            if (!await frame.EvaluateAsync<bool>("() => typeof window.axe?.run === 'function'"))
            {
                await frame.EvaluateAsync($"() => {{\n{Source.Value}\n}}");
            }
        }
        // Only violations in detail: listing every passing node makes a long page several times slower.
        // As JSON text: the result shares objects (tags, checks), which Playwright would pass as references.
        var result = await page.EvaluateAsync<string>("async () => JSON.stringify(await axe.run(document, { resultTypes: ['violations'] }))");
        return new AxeResult(JObject.Parse(result));
    }
}
