using Byline.Web.Cli;

return await BylineCli.RunAsync(args);

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
