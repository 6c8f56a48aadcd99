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
          -h, --help           show this help

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

        return (new CheckOptions(paths.ToImmutable(), format, config, maxWarnings, fix, color), null);
    }

    private static bool TryParseFormat(string value, out CheckFormat format) =>
        Enum.TryParse(value, ignoreCase: true, out format) && Enum.IsDefined(format) && !int.TryParse(value, out _);
}
