using SpecLsp.Core.Model;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Text;

namespace SpecLsp.Server.Cli;

/// <summary><c>speclsp outline FILE</c>: what the server sees in a file, one node a line, positions one-based <c>line:column</c> as <c>check</c> prints them.</summary>
internal static class OutlineCommand
{
    public static async Task<int> RunAsync(string path, Stream stdout, TextWriter stderr)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await stderr.WriteLineAsync($"speclsp: cannot read '{path}': {ex.Message}").ConfigureAwait(false);
            return CommandLine.Failure;
        }

        var document = SpecParser.Parse(SourceText.From(text));
        string dump = SpecDocumentDump.Write(document, SpecDumpDetail.None, SpecDumpPositions.OneBased);
        string fullPath = Path.GetFullPath(path);
        string? root = TemplateEnvironmentLoader.FindWorkspaceRoot(fullPath);
        var choice = TemplateEnvironmentLoader.Load(root ?? Path.GetDirectoryName(fullPath)).Environment.Choose(document, fullPath);
        await CommandLine.WriteAsync(stdout, (dump.Length == 0 || dump.EndsWith('\n') ? dump : dump + "\n") + choice.Describe() + "\n").ConfigureAwait(false);
        return CommandLine.Success;
    }
}
