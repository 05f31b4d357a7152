using Byline.Web.Articles;

namespace Byline.Web.Cli;

/// <summary>`byline article import FILE...`: each file imports on its own; one bad file does not stop the others.</summary>
public static class ArticleImportCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<FileInfo> files, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var failures = 0;
        foreach (var file in files)
        {
            string text;
            try
            {
                text = await File.ReadAllTextAsync(file.FullName, cancellationToken);
            }
            catch (IOException ex)
            {
                await errors.WriteLineAsync($"{file.Name}: cannot read the file ({ex.Message})");
                failures++;
                continue;
            }
            catch (UnauthorizedAccessException ex)
            {
                await errors.WriteLineAsync($"{file.Name}: cannot read the file ({ex.Message})");
                failures++;
                continue;
            }

            var (story, problems) = FrontMatter.Parse(text);
            if (story is null)
            {
                foreach (var problem in problems)
                {
                    await errors.WriteLineAsync($"{file.Name}: {problem}");
                }
                failures++;
                continue;
            }

            await using var scope = services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<ArticleImporter>().ImportAsync(story, cancellationToken);
            await output.WriteLineAsync(outcome.Path);
        }
        return failures == 0 ? 0 : 1;
    }
}
