using System.IO.Pipelines;
using SpecLsp.Server.Check;
using SpecLsp.Server.Hosting;

namespace SpecLsp.Server.Cli;

/// <summary>
/// Parses the command line and runs one command. Each command is a small class; a new one (check, new)
/// adds its file and a case here.
/// </summary>
internal static class CommandLine
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    public const string Usage = """
        Usage: speclsp [command] [options]

        Commands:
          lsp              Serve the Language Server Protocol on stdin/stdout (the default).
          check [PATH...]  Check the specs under each PATH (default: the current folder) with the
                           server's diagnostics; text, json, sarif or github output. 'check --help'.
          outline FILE     Print the section tree of FILE with its IDs and metadata, one node a line,
                           and the template it follows with its score.
          new --template NAME [--title TITLE] FILE
                           Write a new spec from a template (a built-in one or one of .spec/templates/);
                           never overwrites FILE.
          new --list       Print every template with a one-line description.

        Options:
          --stdio          Serve LSP on stdin/stdout (accepted with or without 'lsp').
          --version        Print the version.
          --help, -h       Print this help.
        """;

    // stdout is the real standard output: the protocol channel for lsp, the report for the other commands.
    public static async Task<int> RunAsync(string[] args, Stream stdin, Stream stdout, TextWriter stderr)
    {
        string command = args.Length == 0 || args[0].StartsWith("--clientProcessId", StringComparison.Ordinal) ? "lsp" : args[0];
        switch (command)
        {
            case "lsp":
            case "--stdio":
                if (FindUnknownLspOption(args) is { } unknown)
                {
                    return Fail(stderr, $"unknown option '{unknown}' for lsp.");
                }

                return await ServerHost.RunAsync(PipeReader.Create(stdin), PipeWriter.Create(stdout)).ConfigureAwait(false);

            case "--version":
                if (args.Length != 1)
                {
                    return Fail(stderr, "--version takes no arguments.");
                }

                await WriteAsync(stdout, $"speclsp {ServerVersion.Current}\n").ConfigureAwait(false);
                return Success;

            case "--help" or "-h" or "help":
                await WriteAsync(stdout, Usage + "\n").ConfigureAwait(false);
                return Success;

            case "outline":
                if (args.Length != 2)
                {
                    return Fail(stderr, "outline takes exactly one FILE.");
                }

                return await OutlineCommand.RunAsync(args[1], stdout, stderr).ConfigureAwait(false);

            case "check":
                return await CheckCommand.RunAsync(args[1..], stdout, stderr, Environment.CurrentDirectory, !Console.IsOutputRedirected).ConfigureAwait(false);

            case "new":
                return await NewCommand.RunAsync(args, stdout, stderr).ConfigureAwait(false);

            default:
                return Fail(stderr, command.StartsWith('-') ? $"unknown option '{command}'." : $"unknown command '{command}'.");
        }
    }

    private static string? FindUnknownLspOption(string[] args)
    {
        for (int i = args.Length > 0 && args[0] == "lsp" ? 1 : 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg == "--stdio" || arg.StartsWith("--clientProcessId=", StringComparison.Ordinal))
            {
                continue;
            }

            // vscode-languageclient may pass the editor's pid this way; the initialize processId covers it.
            if (arg == "--clientProcessId" && i + 1 < args.Length)
            {
                i++;
                continue;
            }

            return arg;
        }

        return null;
    }

    private static int Fail(TextWriter stderr, string message)
    {
        stderr.WriteLine($"speclsp: {message}");
        stderr.WriteLine("Run 'speclsp --help' for usage.");
        return UsageError;
    }

    internal static async Task WriteAsync(Stream stdout, string text)
    {
        var writer = new StreamWriter(stdout, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteAsync(text).ConfigureAwait(false);
        }
    }
}
