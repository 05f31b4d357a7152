using System.CommandLine;
using Byline.Data;
using Byline.Web.Accounts;
using Byline.Web.Admin;
using Byline.Web.Articles;
using Byline.Web.Comments;
using Byline.Web.Data;
using Byline.Web.Hosting;
using Byline.Web.Search;
using Microsoft.Extensions.Options;

namespace Byline.Web.Cli;

/// <summary>The `byline` verbs. `serve` is the default, so a bare `byline` runs the site.</summary>
public static class BylineCli
{
    // No default here: when --data is not given, Byline__DataDirectory (or the built-in "data") applies.
    private static readonly Option<string?> DataOption = new("--data")
    {
        Description = "Folder for the SQLite database and other local state [default: data]",
        Recursive = true,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        var urls = new Option<string?>("--urls") { Description = "Addresses to listen on, e.g. http://127.0.0.1:5000" };
        var noDemo = new Option<bool>("--no-demo") { Description = "Do not seed the demo site into an empty database" };

        var root = new RootCommand("Byline: news publishing with first-class reader discussion.")
        {
            Options = { DataOption, urls, noDemo },
            TreatUnmatchedTokensAsErrors = false,
        };
        root.SetAction((result, cancellationToken) => ServeAsync(result, urls, noDemo, cancellationToken));

        var serve = new Command("serve", "Run the site (the default verb).") { Options = { urls, noDemo }, TreatUnmatchedTokensAsErrors = false };
        serve.SetAction((result, cancellationToken) => ServeAsync(result, urls, noDemo, cancellationToken));
        root.Subcommands.Add(serve);

        var migrate = new Command("migrate", "Create the database or bring it up to date.");
        migrate.SetAction((result, cancellationToken) => WithServicesAsync(result, migrate: true, async (_, _) =>
        {
            await Console.Out.WriteLineAsync("The database is up to date.");
            return 0;
        }, cancellationToken));
        root.Subcommands.Add(migrate);

        var files = new Argument<FileInfo[]>("FILE") { Description = "Markdown files with YAML front matter", Arity = ArgumentArity.OneOrMore };
        var import = new Command("import", "Import stories from Markdown files with YAML front matter; prints each story's path.") { Arguments = { files } };
        import.SetAction((result, cancellationToken) => WithServicesAsync(result, migrate: true,
            (services, ct) => ArticleImportCommand.RunAsync(services, result.GetValue(files) ?? [], Console.Out, Console.Error, ct), cancellationToken));
        root.Subcommands.Add(new Command("article", "Work with stories.") { Subcommands = { import } });

        root.Subcommands.Add(UserVerbs());
        root.Subcommands.Add(TokenVerbs());

        var seed = new Command("seed-demo", "Add the demo site (writers, stories, discussions) if its stories are not there yet.");
        seed.SetAction((result, cancellationToken) => WithServicesAsync(result, migrate: true, async (services, ct) =>
        {
            var stories = await services.GetRequiredService<DemoSeeder>().SeedAsync(ct);
            await Console.Out.WriteLineAsync($"Demo site ready: {stories} stories added.");
            return 0;
        }, cancellationToken));
        root.Subcommands.Add(seed);

        var rebuild = new Command("rebuild", "Build the search index again from every published story and approved comment.");
        rebuild.SetAction((result, cancellationToken) => WithServicesAsync(result, migrate: true, async (services, ct) =>
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var documents = await SearchRebuild.RunAsync(
                services.GetRequiredService<BylineDbContext>(), services.GetRequiredService<WriteGate>(),
                (done, total) =>
                {
                    if (done % 1000 == 0 || done == total)
                    {
                        Console.Error.WriteLine($"{done} of {total} stories");
                    }
                },
                ct);
            await Console.Out.WriteLineAsync($"Search index rebuilt: {documents} documents in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s.");
            return 0;
        }, cancellationToken));
        root.Subcommands.Add(new Command("search", "Work with the search index.") { Subcommands = { rebuild } });

        return await root.Parse(args).InvokeAsync();
    }

    private static Command UserVerbs()
    {
        var addEmail = new Argument<string>("EMAIL") { Description = "The new account's email address" };
        var name = new Option<string?>("--name") { Description = "Display name [default: the part of the email before @]" };
        var roles = new Option<string[]>("--role") { Description = "A role to grant: writer, editor, moderator or admin (repeat for several)" };
        var add = new Command("add", "Create a confirmed account with a one-time password, printed once.")
        {
            Arguments = { addEmail },
            Options = { name, roles },
        };
        add.SetAction((result, cancellationToken) => WithServicesAsync(result, migrate: true, (services, ct) => UserCommands.AddAsync(
            services, result.GetValue(addEmail)!, result.GetValue(name), result.GetValue(roles) ?? [], Console.Out, Console.Error, ct), cancellationToken));

        var passwordEmail = new Argument<string>("EMAIL") { Description = "The account's email address" };
        var setPassword = new Command("set-password", "Give an account a new one-time password (printed once) and lift any lockout.")
        {
            Arguments = { passwordEmail },
        };
        setPassword.SetAction((result, cancellationToken) => WithServicesAsync(result, migrate: true, (services, ct) => UserCommands.SetPasswordAsync(
            services, result.GetValue(passwordEmail)!, Console.Out, Console.Error, ct), cancellationToken));

        var list = new Command("list", "List every account with its roles and status.");
        list.SetAction((result, cancellationToken) => WithServicesAsync(result, migrate: true,
            (services, ct) => UserCommands.ListAsync(services, Console.Out, ct), cancellationToken));

        return new Command("user", "Manage accounts.") { Subcommands = { add, setPassword, list } };
    }

    private static Command TokenVerbs()
    {
        var email = new Argument<string>("EMAIL") { Description = "The account the token acts as" };
        var name = new Option<string>("--name") { Description = "What the token is for (up to 80 characters)", Required = true };
        var create = new Command("create", "Create a personal API token and print it once (alone on standard output).")
        {
            Arguments = { email },
            Options = { name },
        };
        create.SetAction((result, cancellationToken) => WithServicesAsync(result, migrate: true, (services, ct) => TokenCommands.CreateAsync(
            services, result.GetValue(email)!, result.GetValue(name), Console.Out, Console.Error, ct), cancellationToken));
        return new Command("token", "Manage personal API tokens.") { Subcommands = { create } };
    }

    private static async Task<int> ServeAsync(ParseResult result, Option<string?> urls, Option<bool> noDemo, CancellationToken cancellationToken)
    {
        var settings = DataSettings(result);
        if (result.GetValue(noDemo))
        {
            settings["Byline:SeedDemo"] = "false";
        }
        if (result.GetValue(urls) is { } addresses)
        {
            settings["urls"] = addresses;
        }
        // Tokens the CLI does not know (e.g. --environment=Development from a test host) go to the web host.
        var app = BylineApp.Build([.. result.UnmatchedTokens], settings);
        await app.RunAsync(cancellationToken);
        return 0;
    }

    private static Dictionary<string, string?> DataSettings(ParseResult result) =>
        result.GetValue(DataOption) is { } data ? new() { ["Byline:DataDirectory"] = data } : [];

    private static async Task<int> WithServicesAsync(
        ParseResult result, bool migrate, Func<IServiceProvider, CancellationToken, Task<int>> action, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(DataSettings(result));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddData(builder.Configuration).AddAccounts(builder.Environment).AddArticles().AddComments().AddAdmin();
        using var host = builder.Build();
        await using var scope = host.Services.CreateAsyncScope();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<BylineOptions>>().Value;
        await DataFeature.PrepareAsync(scope.ServiceProvider.GetRequiredService<BylineDbContext>(), migrate || !options.Database.IsPostgres, cancellationToken);
        return await action(scope.ServiceProvider, cancellationToken);
    }
}
