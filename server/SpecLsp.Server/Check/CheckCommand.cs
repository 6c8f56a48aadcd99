using SpecLsp.Server.Cli;

namespace SpecLsp.Server.Check;

/// <summary><c>speclsp check</c>: the editor's diagnostics on the command line, for CI.</summary>
internal static class CheckCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, Stream stdout, TextWriter stderr, string currentDirectory, bool stdoutIsTerminal)
    {
        if (args.Any(a => a is "--help" or "-h"))
        {
            await CommandLine.WriteAsync(stdout, CheckOptions.Usage + "\n").ConfigureAwait(false);
            return CommandLine.Success;
        }

        var (options, error) = CheckOptions.Parse(args);
        if (options is null)
        {
            return UsageError(stderr, error!);
        }

        var targets = new List<string>();
        foreach (var path in options.Paths)
        {
            string full = Path.GetFullPath(path, currentDirectory);
            if (!File.Exists(full) && !Directory.Exists(full))
            {
                return UsageError(stderr, $"no such file or folder: {path}");
            }

            targets.Add(full);
        }

        string? config = null;
        if (options.ConfigPath is not null)
        {
            config = Path.GetFullPath(options.ConfigPath, currentDirectory);
            if (!File.Exists(config))
            {
                return UsageError(stderr, $"configuration file not found: {options.ConfigPath}");
            }
        }

        // SPECLSP_NO_CACHE turns every cache off, the language server's index cache too.
        string? cacheDirectory = !options.UseCache || Core.Cache.IndexCache.IsDisabled(Environment.GetEnvironmentVariable) ? null
            : options.CacheDirectory is { } given ? Path.GetFullPath(given, currentDirectory)
            : CheckCache.DefaultDirectory();
        var outcome = new CheckRunner(currentDirectory, TimeProvider.System, cacheDirectory, options.Verbose ? stderr : null).Run(targets, config, options.Fix);
        foreach (var fix in outcome.Fixes)
        {
            // stderr, so that json and sarif on stdout stay parseable.
            stderr.WriteLine($"fixed {fix.DisplayPath}: {string.Join("; ", fix.Titles)}");
        }

        ICheckFormatter formatter = options.Format switch
        {
            CheckFormat.Json => new JsonFormatter(),
            CheckFormat.Sarif => new SarifFormatter(ServerVersion.Current),
            CheckFormat.Github => new GithubFormatter(),
            _ => new TextFormatter(options.Color ?? stdoutIsTerminal),
        };
        formatter.Write(outcome.Report, stdout);
        await stdout.FlushAsync().ConfigureAwait(false);

        if (outcome.ConfigurationInvalid)
        {
            stderr.WriteLine("speclsp check: the configuration is invalid (see its diagnostics above).");
            return CommandLine.UsageError;
        }

        if (options.MaxWarnings is { } max && outcome.Report.Warnings > max)
        {
            stderr.WriteLine($"speclsp check: {outcome.Report.Warnings} warnings, more than --max-warnings {max}.");
            return CommandLine.Failure;
        }

        return outcome.Report.Errors > 0 ? CommandLine.Failure : CommandLine.Success;
    }

    private static int UsageError(TextWriter stderr, string message)
    {
        stderr.WriteLine($"speclsp check: {message}");
        stderr.WriteLine("Run 'speclsp check --help' for usage.");
        return CommandLine.UsageError;
    }
}
