using System.Text;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Tests.TestSupport;

namespace SpecLsp.Server.Tests.Robustness;

/// <summary>
/// A real workspace folder with links and symbolic links leading out of it, a link loop, and files that are not
/// text: nothing outside the folder is ever read by any feature, the loop is scanned once, bad files are diagnostics.
/// </summary>
public sealed class PathSafetyEndToEndTests : IAsyncDisposable
{
    // Only the file outside the workspace holds this word, so any answer containing it read that file.
    private const string Secret = "Zanzibar";

    private readonly string _base;
    private readonly string _root;
    private readonly string _spec;

    public PathSafetyEndToEndTests()
    {
        _base = WorkspacePaths.Normalize(Path.Combine(Path.GetTempPath(), "speclsp-paths-" + Guid.NewGuid().ToString("N")))!;
        _root = _base + "/ws";
        Directory.CreateDirectory(_root + "/specs");
        Directory.CreateDirectory(_base + "/outside");
        File.WriteAllText(_base + "/outside/secret.md", $"# {Secret} Title\n\n## {Secret} Vault\n\n#### FR9: {Secret} requirement\n\n**Spec ID:** SPEC-2026-01-01-999\n");
        File.CreateSymbolicLink(_root + "/specs/linked.md", _base + "/outside/secret.md");
        Directory.CreateSymbolicLink(_root + "/specs/escape", _base + "/outside");
        Directory.CreateSymbolicLink(_root + "/specs/loop", _root + "/specs");
        File.WriteAllBytes(_root + "/specs/invalid-utf8.md", [.. "# Bad\n\n"u8, 0xC3, 0x28, 0xFF, 0xFE]);
        File.WriteAllBytes(_root + "/specs/nul.md", [.. "# Nul\n\n"u8, 0, 0, .. "text"u8]);
        using (var huge = File.Create(_root + "/specs/huge.md"))
        {
            huge.SetLength(20 * 1024 * 1024);
        }

        if (!OperatingSystem.IsWindows())
        {
            // A named pipe: opening it would block until someone writes.
            using var mkfifo = System.Diagnostics.Process.Start("mkfifo", _root + "/specs/pipe.md");
            mkfifo.WaitForExit();
        }

        _spec = $"""
            # Paths

            **Spec ID:** SPEC-2026-01-01-001

            - [up](../../outside/secret.md#vault)
            - [encoded](%2E%2E/%2E%2E/outside/secret.md#vault)
            - [absolute]({WorkspacePaths.ToFileUri(_base + "/outside/secret.md")}#vault)
            - [rooted](/../outside/secret.md#vault)
            - [symlinked file](linked.md#vault)
            - [symlinked folder](escape/secret.md#vault)
            - [looped](loop/loop/paths.md#paths)
            - [bad](invalid-utf8.md#bad) [nul](nul.md#nul) [huge](huge.md#x)

            See FR9 and SPEC-2026-01-01-999.
            """;
        File.WriteAllText(_root + "/specs/paths.md", _spec);
    }

    private string SpecUri => WorkspacePaths.ToFileUri(_root + "/specs/paths.md");

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_base, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Server_LinksOutOfTheWorkspace_NeverReadByAnyFeatureAndTheLoopIsScannedOnce()
    {
        await using var client = LspTestClient.StartInProcess();
        string folders = $$$"""[{"uri":"{{{WorkspacePaths.ToFileUri(_root)}}}","name":"ws"}]""";
        var initialize = await client.RequestAsync(Methods.Initialize, $$$"""{"processId":null,"rootUri":null,"workspaceFolders":{{{folders}}},"capabilities":{{{LspTestClient.DefaultCapabilities}}}}""");
        Assert.False(initialize.IsError);
        await client.NotifyAsync(Methods.Initialized, "{}");
        var indexed = await client.WaitForNotificationAsync(Methods.WindowLogMessage, p => p.GetProperty("message").GetString()!.StartsWith("Indexed ", StringComparison.Ordinal));

        await client.OpenAsync(SpecUri, _spec);
        var diagnostics = await client.WaitForDiagnosticsAsync(SpecUri, 1);
        var answers = new List<string> { diagnostics.Diagnostics.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var d in diagnostics.Diagnostics)
        {
            answers.Add(d.Message);
        }

        foreach (string marker in new[] { "secret.md#vault", "linked.md#vault", "escape/secret.md", "loop/loop", "#vault)", "FR9", "SPEC-2026-01-01-999" })
        {
            int offset = _spec.IndexOf(marker, StringComparison.Ordinal) + 1;
            var position = SourceText.From(_spec).GetPosition(offset);
            string at = $$$"""{"textDocument":{"uri":"{{{SpecUri}}}"},"position":{"line":{{{position.Line}}},"character":{{{position.Character}}}}""" + "}";
            foreach (string method in new[] { Methods.TextDocumentHover, Methods.TextDocumentDefinition, Methods.TextDocumentCompletion, Methods.TextDocumentReferences })
            {
                string @params = method == Methods.TextDocumentReferences ? at[..^1] + ""","context":{"includeDeclaration":true}}""" : at;
                var response = await client.RequestAsync(method, @params);
                Assert.False(response.IsError, $"{method} at {marker}: {response.ErrorMessage}");
                answers.Add(response.Result.GetRawText());
            }
        }

        answers.Add((await client.RequestAsync(Methods.WorkspaceSymbol, $$$"""{"query":"{{{Secret}}}"}""")).Result.GetRawText());
        answers.Add((await client.RequestAsync(Methods.TextDocumentDocumentLink, $$$"""{"textDocument":{"uri":"{{{SpecUri}}}"}}""")).Result.GetRawText());

        Assert.DoesNotContain(answers, a => a.Contains(Secret, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(answers, a => a.Contains("/outside/", StringComparison.Ordinal) || a.Contains("FR9: ", StringComparison.Ordinal));

        // paths.md, invalid-utf8.md, nul.md, huge.md and the pipe: not the symlinked file, not the folder out, the loop once.
        Assert.StartsWith(OperatingSystem.IsWindows() ? "Indexed 4 specs" : "Indexed 5 specs", indexed.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(client.ServerExit.IsCompleted);
    }

    [Fact]
    public async Task Check_WorkspaceWithLinksOutLoopAndNonTextFiles_ReportsUnreadableFilesAndNeverReadsOutside()
    {
        var (exitCode, stdout, stderr) = await SpeclspProcess.RunAsync("check", _root);

        Assert.Equal(1, exitCode);
        Assert.Contains("specs/invalid-utf8.md:1:1: error unreadable-file", stdout, StringComparison.Ordinal);
        Assert.Contains("specs/nul.md:1:1: error unreadable-file", stdout, StringComparison.Ordinal);
        Assert.Contains("specs/huge.md:1:1: error unreadable-file", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, stdout + stderr, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("loop/", stdout, StringComparison.Ordinal);
    }
}
