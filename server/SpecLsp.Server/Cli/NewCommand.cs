using SpecLsp.Core.Templates;

namespace SpecLsp.Server.Cli;

/// <summary>
/// <c>speclsp new --template NAME [--title TITLE] FILE</c>: writes a new spec from a template, never over an existing
/// file; <c>speclsp new --list</c> prints every template with its one-line description.
/// </summary>
internal static class NewCommand
{
    public static async Task<int> RunAsync(string[] args, Stream stdout, TextWriter stderr)
    {
        string? template = null;
        string? title = null;
        string? file = null;
        bool list = false;
        for (int i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--template" when i + 1 < args.Length:
                    template = args[++i];
                    break;
                case "--list":
                    list = true;
                    break;
                case "--title" when i + 1 < args.Length:
                    title = args[++i];
                    break;
                case var arg when !arg.StartsWith("--", StringComparison.Ordinal) && file is null:
                    file = arg;
                    break;
                default:
                    return Usage(stderr, $"unexpected argument '{args[i]}' for new.");
            }
        }

        if (list)
        {
            return template is null && title is null && file is null
                ? await ListAsync(stdout).ConfigureAwait(false)
                : Usage(stderr, "new --list takes no other argument.");
        }

        if (template is null || file is null)
        {
            return Usage(stderr, "new needs --template NAME and a FILE.");
        }

        string path = Path.GetFullPath(file);
        var environment = TemplateEnvironmentLoader.Load(TemplateEnvironmentLoader.FindWorkspaceRoot(path) ?? Directory.GetCurrentDirectory()).Environment;
        var found = environment.Catalog.Find(template);
        if (found is null)
        {
            return Usage(stderr, $"unknown template '{template}'; available: {string.Join(", ", environment.Catalog.Names)}.");
        }

        string text = NewSpecRenderer.Render(found, title, DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime));
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(new System.Text.UTF8Encoding(false).GetBytes(text)).ConfigureAwait(false);
            }
        }
        catch (IOException) when (File.Exists(path))
        {
            await stderr.WriteLineAsync($"speclsp: '{file}' already exists; not overwritten.").ConfigureAwait(false);
            return CommandLine.Failure;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await stderr.WriteLineAsync($"speclsp: cannot write '{file}': {ex.Message}").ConfigureAwait(false);
            return CommandLine.Failure;
        }

        await CommandLine.WriteAsync(stdout, $"Created {file} from template '{found.Name}'.\n").ConfigureAwait(false);
        return CommandLine.Success;
    }

    // The workspace's own templates (.spec/templates/ of the current folder's workspace) are listed after the built-in ones.
    private static async Task<int> ListAsync(Stream stdout)
    {
        var catalog = TemplateEnvironmentLoader.Load(TemplateEnvironmentLoader.FindWorkspaceRoot(Path.GetFullPath(".")) ?? Directory.GetCurrentDirectory()).Environment.Catalog;
        int width = catalog.Names.Max(n => n.Length);
        var text = new System.Text.StringBuilder();
        foreach (var template in catalog.Templates)
        {
            string description = template.Description ?? (template.FilePath is { } file ? "workspace template " + file : string.Empty);
            text.Append(template.Name.PadRight(width)).Append("  ").Append(description.ReplaceLineEndings(" ")).Append('\n');
        }

        await CommandLine.WriteAsync(stdout, text.ToString()).ConfigureAwait(false);
        return CommandLine.Success;
    }

    private static int Usage(TextWriter stderr, string message)
    {
        stderr.WriteLine($"speclsp: {message}");
        stderr.WriteLine("Usage: speclsp new --template NAME [--title TITLE] FILE | speclsp new --list");
        return CommandLine.UsageError;
    }
}
