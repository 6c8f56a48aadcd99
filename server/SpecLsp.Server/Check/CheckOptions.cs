using System.Collections.Immutable;

namespace SpecLsp.Server.Check;

internal enum CheckFormat
{
    Text,
    Json,
    Sarif,
    Github,
}

/// <summary>The parsed arguments of <c>speclsp check</c>.</summary>
internal sealed record CheckOptions(
    ImmutableArray<string> Paths,
    CheckFormat Format,
    string? ConfigPath,
    int? MaxWarnings,
    bool Fix,
    bool? Color)
{
    /// <summary>False with <c>--no-cache</c>.</summary>
    public bool UseCache { get; init; } = true;

    /// <summary>The <c>--cache-dir</c> folder, or null for the default one.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>True with <c>--verbose</c>: a line on standard error about the cache.</summary>
    public bool Verbose { get; init; }

    public const string Usage = """
        Usage: speclsp check [PATH...] [options]

        Checks every spec under each PATH (files or folders; default: the current folder) with the
        same engine and configuration as the language server.

        Options:
          --format FORMAT      text (default), json, sarif or github
          --config FILE        use FILE instead of the .speclsp.yaml found from each path upward
          --max-warnings N     exit 1 when there are more than N warnings
          --fix                apply the fixes that are safe without a person, and say what changed
          --color, --no-color  force colour on or off (default: on when stdout is a terminal)
          --no-cache           analyse every file again; do not read or write the cache (SPECLSP_NO_CACHE=1 too)
          --cache-dir DIR      keep the cache in DIR (default: $SPECLSP_CACHE_DIR, else
                               $XDG_CACHE_HOME/speclsp, else ~/.cache/speclsp; Windows: %LOCALAPPDATA%\speclsp\cache)
          --verbose            say on stderr how many files the cache gave, or why it was not used
          -h, --help           show this help

        The cache keeps what each file's own text decides, per path and content, for one configuration, set of
        templates and build; links, anchors and IDs across files are checked afresh every run, so the output is
        the same with or without it. --fix neither reads nor writes it.

        Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage or configuration error.
        """;

    /// <summary>Parses <paramref name="args"/> (after the word <c>check</c>); an error message when they are wrong.</summary>
    public static (CheckOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var paths = ImmutableArray.CreateBuilder<string>();
        var format = CheckFormat.Text;
        string? config = null;
        int? maxWarnings = null;
        bool fix = false;
        bool? color = null;
        bool useCache = true;
        string? cacheDirectory = null;
        bool verbose = false;

        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "--format":
                    if (++i >= args.Count || !TryParseFormat(args[i], out format))
                    {
                        return (null, "--format takes one of: text, json, sarif, github");
                    }

                    break;
                case "--config":
                    if (++i >= args.Count)
                    {
                        return (null, "--config takes a file path");
                    }

                    config = args[i];
                    break;
                case "--max-warnings":
                    if (++i >= args.Count || !int.TryParse(args[i], out int n) || n < 0)
                    {
                        return (null, "--max-warnings takes a whole number of 0 or more");
                    }

                    maxWarnings = n;
                    break;
                case "--fix":
                    fix = true;
                    break;
                case "--color":
                    color = true;
                    break;
                case "--no-color":
                    color = false;
                    break;
                case "--no-cache":
                    useCache = false;
                    break;
                case "--cache-dir":
                    if (++i >= args.Count || args[i].Length == 0)
                    {
                        return (null, "--cache-dir takes a folder path");
                    }

                    cacheDirectory = args[i];
                    break;
                case "--verbose":
                    verbose = true;
                    break;
                default:
                    if (arg.StartsWith('-') && arg != "-")
                    {
                        if (arg.StartsWith("--format=", StringComparison.Ordinal) && TryParseFormat(arg["--format=".Length..], out format))
                        {
                            break;
                        }

                        return (null, $"unknown option '{arg}'");
                    }

                    paths.Add(arg);
                    break;
            }
        }

        if (paths.Count == 0)
        {
            paths.Add(".");
        }

        return (new CheckOptions(paths.ToImmutable(), format, config, maxWarnings, fix, color) { UseCache = useCache, CacheDirectory = cacheDirectory, Verbose = verbose }, null);
    }

    private static bool TryParseFormat(string value, out CheckFormat format) =>
        Enum.TryParse(value, ignoreCase: true, out format) && Enum.IsDefined(format) && !int.TryParse(value, out _);
}
