using System.Diagnostics;
using System.Text.Json;
using Byline.Data.Articles;
using Byline.Tests.Infrastructure;
using Byline.Web.Articles;

namespace Byline.Tests.Feeds;

/// <summary>
/// The RSS and Atom feeds as a widely used feed-reader parser reads them: npm's rss-parser, run by node over
/// tests/feed-check/check.mjs (scripts/test installs it with npm ci). Without node or the parser this fails: it is
/// never skipped.
/// </summary>
public sealed class FeedReaderParserTests
{
    [Fact]
    public async Task RssParserReadsTheRssAndAtomFeedsWithTheirEntriesBylinesDatesAndCorrections()
    {
        using var factory = new BylineFactory();
        var section = "Harbour";
        var slug = Unique.Slug("parsed");
        var id = (await factory.AddStoryAsync(slug, section: section, writers: ["Ingrid Halvorsen", "Tomás Ruiz"], tags: ["shipping", "气候"],
            headline: "Levy agreed & signed <at dawn>", standfirst: "Ports pay 5 < 6 units & more",
            published: new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero))).Article.Id;
        await factory.AddStoryAsync(Unique.Slug("second"), section: section, headline: "Second story", published: new DateTimeOffset(2026, 11, 19, 8, 0, 0, TimeSpan.Zero));
        await factory.AddCorrectionAsync(id, CorrectionKind.Correction, "An earlier version misnamed the port.");
        var client = factory.CreateClient();
        var directory = Directory.CreateTempSubdirectory("byline-feeds-");
        try
        {
            var files = new List<string>();
            foreach (var name in new[] { "rss.xml", "atom.xml" })
            {
                var path = Path.Combine(directory.FullName, name);
                await File.WriteAllBytesAsync(path, await client.GetByteArrayAsync($"/feeds/sections/{Slugs.From(section)}/{name}"));
                files.Add(path);
            }

            var feeds = await ParseAsync(files);

            var storyUrl = $"http://localhost/{Slugs.From(section)}/{slug}";
            foreach (var feed in feeds.EnumerateArray())
            {
                Assert.Equal("Byline – Harbour", feed.GetProperty("title").GetString());
                var items = feed.GetProperty("items").EnumerateArray().ToList();
                Assert.Equal(["Levy agreed & signed <at dawn>", "Second story"], items.Select(i => i.GetProperty("title").GetString()));
                var item = items[0];
                Assert.Equal(storyUrl, item.GetProperty("link").GetString());
                Assert.Equal("2026-11-20T09:30:00.000Z", item.GetProperty("isoDate").GetString());
                Assert.Contains("An earlier version misnamed the port.", item.GetProperty("content").GetString() + Encoded(item), StringComparison.Ordinal);
            }
            var rss = feeds[0].GetProperty("items")[0];
            Assert.Equal("Ingrid Halvorsen", rss.GetProperty("creator").GetString());
            Assert.Equal([section, "shipping", "气候"], rss.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
            Assert.Contains("The levy was agreed after a long night.", Encoded(rss), StringComparison.Ordinal);
            // The description is HTML to a reader: what it shows as text is the standfirst as written.
            Assert.Equal("Ports pay 5 < 6 units & more", rss.GetProperty("contentSnippet").GetString());
            var atom = feeds[1].GetProperty("items")[0];
            Assert.Equal("Ingrid Halvorsen", atom.GetProperty("author").GetString());
            Assert.Contains("The levy was agreed after a long night.", atom.GetProperty("content").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("tag:localhost,2026-11-20:article:", atom.GetProperty("id").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string Encoded(JsonElement item) =>
        item.TryGetProperty("content:encoded", out var encoded) ? encoded.GetString() ?? "" : "";

    private static async Task<JsonElement> ParseAsync(IEnumerable<string> files)
    {
        var script = Path.Combine(RepositoryRoot(), "tests", "feed-check", "check.mjs");
        var parser = Path.Combine(Path.GetDirectoryName(script)!, "node_modules", "rss-parser", "package.json");
        Assert.True(File.Exists(parser), $"rss-parser is not installed: run `npm ci` in {Path.GetDirectoryName(script)} (scripts/test does).");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }
        Process node;
        try
        {
            node = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"node could not be started ({e.Message}): scripts/test installs it (Debian's nodejs).");
            throw;
        }
        using (node)
        {
            var output = node.StandardOutput.ReadToEndAsync();
            var errors = node.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await node.WaitForExitAsync(timeout.Token);
            Assert.True(node.ExitCode == 0, $"rss-parser could not read the feeds: {await errors}");
            return JsonDocument.Parse(await output).RootElement.Clone();
        }
    }

    /// <summary>The checkout the tests were built from: the folder holding Byline.slnx above the test binaries.</summary>
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Byline.slnx")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"No Byline.slnx above {AppContext.BaseDirectory}.");
    }
}
