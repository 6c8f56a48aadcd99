using System.Text.Json;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Tests.TestSupport;
using LspPosition = SpecLsp.Protocol.Lsp.Position;

namespace SpecLsp.Server.Tests.References;

/// <summary>
/// Two workspace folders, the second added after initialize and removed again (<c>workspace/didChangeWorkspaceFolders</c>),
/// followed through the server: diagnostics, workspace symbols and references change with the folders.
/// </summary>
public sealed class WorkspaceFoldersEndToEndTests : IAsyncLifetime
{
    private const string Capabilities = """
        {"textDocument":{"publishDiagnostics":{"relatedInformation":true}},
         "workspace":{"workspaceFolders":true,"didChangeWatchedFiles":{"dynamicRegistration":true}},
         "window":{"workDoneProgress":true},"general":{"positionEncodings":["utf-16"]}}
        """;

    private const string DesignId = "SPEC-2026-02-01-007";
    private const string OutsideId = "SPEC-2026-02-01-099";

    private static readonly Dictionary<string, string> Fixture = new()
    {
        ["a/specs/plan.md"] = """
            # Plan

            Builds on SPEC-2026-02-01-007: see [the design](../../b/design.md#storage-layout) and [the notes](../../b/notes.md).
            """,
        ["b/design.md"] = """
            # Design

            **Spec ID:** SPEC-2026-02-01-007

            ## Storage layout
            Rows in one table.
            """,
        ["outside/secret.md"] = """
            # Secret

            **Spec ID:** SPEC-2026-02-01-099
            """,
    };

    private static readonly HashSet<string> ReferenceCodes = ["broken-link", "broken-anchor", "undefined-reference", "undefined-id", "duplicate-id"];

    private readonly string _root;

    public WorkspaceFoldersEndToEndTests()
    {
        _root = WorkspacePaths.Normalize(Path.Combine(Path.GetTempPath(), "speclsp-folders-" + Guid.NewGuid().ToString("N")))!;
        foreach (var (path, text) in Fixture)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_root + "/" + path)!);
            File.WriteAllText(_root + "/" + path, text);
        }

        // A link out of folder b: its files must not be indexed when b is added.
        Directory.CreateSymbolicLink(_root + "/b/linked", _root + "/outside");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FolderAddedThenRemoved_DiagnosticsSymbolsAndReferencesFollow(bool realProcess)
    {
        await using var client = realProcess ? LspTestClient.StartProcess() : LspTestClient.StartInProcess();
        var initialize = await InitializeAsync(client, "a");
        Assert.True(initialize.Capabilities.Workspace?.WorkspaceFolders?.Supported);
        Assert.True(initialize.Capabilities.Workspace?.WorkspaceFolders?.ChangeNotifications?.Boolean);

        await client.OpenAsync(Uri("a/specs/plan.md"), Fixture["a/specs/plan.md"]);
        await WaitForReferenceDiagnosticsAsync(client, 0, $"undefined-id {DesignId}");
        Assert.Equal(string.Empty, await SymbolsAsync(client, DesignId));

        // Added: the ID is defined and the design exists; the notes do not, and now the server can know it.
        await ChangeFoldersAsync(client, added: "b", removed: null);
        await WaitForReferenceDiagnosticsAsync(client, 0, "broken-link ../../b/notes.md");
        Assert.Equal("b/design.md [SPEC-2026-02-01-007]", await SymbolsAsync(client, DesignId));
        Assert.Equal(string.Empty, await SymbolsAsync(client, OutsideId));
        var references = await client.RequestAsync(Methods.TextDocumentReferences,
            new ReferenceParams
            {
                TextDocument = new TextDocumentIdentifier { Uri = Uri("a/specs/plan.md") },
                Position = new LspPosition { Line = 2, Character = "Builds on SPEC".Length },
                Context = new ReferenceContext { IncludeDeclaration = true },
            },
            LspJsonContext.Default.ReferenceParams, LspJsonContext.Default.LocationArray);
        Assert.Equal(["a/specs/plan.md", "b/design.md"], references!.Select(l => Relative(l.Uri)).Order(StringComparer.Ordinal));

        // Removed: back to what a workspace of a alone shows.
        int published = client.Notifications(Methods.TextDocumentPublishDiagnostics).Count;
        await client.NotifyAsync(Methods.WorkspaceDidChangeWorkspaceFolders, ChangeParams(added: null, removed: "b"));
        await WaitForReferenceDiagnosticsAsync(client, published, $"undefined-id {DesignId}");
        Assert.Equal(string.Empty, await SymbolsAsync(client, DesignId));

        Assert.Equal(0, await client.ShutdownAndExitAsync());
        Assert.Empty(client.FramingLog.Problems);
    }

    [Fact]
    public async Task FolderAddedAndRemovedAtOnce_IndexCompleteAgain()
    {
        await using var client = LspTestClient.StartInProcess();
        await InitializeAsync(client, "a");
        await client.OpenAsync(Uri("a/specs/plan.md"), Fixture["a/specs/plan.md"]);
        await WaitForReferenceDiagnosticsAsync(client, 0, $"undefined-id {DesignId}");
        int published = client.Notifications(Methods.TextDocumentPublishDiagnostics).Count;

        // Whether or not b's scan lands in between, a is all there is afterwards, and it is fully indexed.
        await client.NotifyAsync(Methods.WorkspaceDidChangeWorkspaceFolders, ChangeParams(added: "b", removed: null));
        await client.NotifyAsync(Methods.WorkspaceDidChangeWorkspaceFolders, ChangeParams(added: null, removed: "b"));

        await WaitForReferenceDiagnosticsAsync(client, published, $"undefined-id {DesignId}");
        Assert.Equal(string.Empty, await SymbolsAsync(client, DesignId));
    }

    [Theory]
    [InlineData("""{"event":{"added":null,"removed":null}}""")]
    [InlineData("""{"event":{"added":[],"removed":[]}}""")]
    [InlineData("""{"event":null}""")]
    [InlineData("""{}""")]
    [InlineData("""{"event":{"added":"b","removed":5}}""")]
    [InlineData("""{"event":{"added":[null,{"uri":"untitled:Untitled-1","name":"u"},{"uri":"https://example.com/b","name":"h"},{"uri":"relative/b","name":"r"},{"uri":"file:","name":"e"},{"uri":"file:relative/b","name":"f"}],"removed":[{"uri":"file:///never/added","name":"x"},null]}}""")]
    public async Task BadChange_Ignored_LaterChangesStillApply(string @params)
    {
        await using var client = LspTestClient.StartInProcess();
        await InitializeAsync(client, "a");

        await client.NotifyAsync(Methods.WorkspaceDidChangeWorkspaceFolders, @params);
        await ChangeFoldersAsync(client, """{"event":{"added":[{"uri":"file:///speclsp-no-such-folder/x","name":"x"}],"removed":[]}}""");
        await client.OpenAsync(Uri("a/specs/plan.md"), Fixture["a/specs/plan.md"]);
        Assert.Equal(string.Empty, await SymbolsAsync(client, DesignId));

        await ChangeFoldersAsync(client, added: "b", removed: null);
        Assert.Equal("b/design.md [SPEC-2026-02-01-007]", await SymbolsAsync(client, DesignId));
        await WaitForReferenceDiagnosticsAsync(client, 0, "broken-link ../../b/notes.md");
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    private static string Dump(PublishDiagnosticsParams published, string text) =>
        string.Join("\n", published.Diagnostics
            .Where(d => ReferenceCodes.Contains(d.Code?.ToString() ?? string.Empty))
            .Select(d => $"{d.Code} {SourceText.From(text).GetText(new TextRange(d.Range.Start.Line, d.Range.Start.Character, d.Range.End.Line, d.Range.End.Character))}")
            .Order(StringComparer.Ordinal));

    private string Uri(string relative) => WorkspacePaths.ToFileUri(_root + "/" + relative);

    private string Relative(string uri) => WorkspacePaths.FromUriOrPath(uri)![(_root.Length + 1)..];

    private string ChangeParams(string? added, string? removed)
    {
        string Folders(string? name) => name is null ? "[]" : $$"""[{"uri":"{{Uri(name)}}","name":"{{name}}"}]""";
        return $$$"""{"event":{"added":{{{Folders(added)}}},"removed":{{{Folders(removed)}}}}}""";
    }

    private async Task<InitializeResult> InitializeAsync(LspTestClient client, string folder)
    {
        var folders = $$"""[{"uri":"{{Uri(folder)}}","name":"{{folder}}"}]""";
        var response = await client.RequestAsync(Methods.Initialize, $$"""{"processId":null,"rootUri":null,"workspaceFolders":{{folders}},"capabilities":{{Capabilities}}}""");
        Assert.False(response.IsError, response.ErrorMessage);
        await client.NotifyAsync(Methods.Initialized, "{}");
        await client.WaitForNotificationAsync(Methods.Progress, IsEnd);
        return response.Result.Deserialize(LspJsonContext.Default.InitializeResult)!;
    }

    // Adds a folder and waits for its scan to end, as the client shows it.
    private Task ChangeFoldersAsync(LspTestClient client, string? added, string? removed) => ChangeFoldersAsync(client, ChangeParams(added, removed));

    private static async Task ChangeFoldersAsync(LspTestClient client, string @params)
    {
        int progress = client.Notifications(Methods.Progress).Count;
        await client.NotifyAsync(Methods.WorkspaceDidChangeWorkspaceFolders, @params);
        await client.WaitForNotificationAsync(Methods.Progress, IsEnd, skip: progress);
    }

    private static bool IsEnd(JsonElement progress) => progress.GetProperty("value").GetProperty("kind").GetString() == "end";

    private async Task WaitForReferenceDiagnosticsAsync(LspTestClient client, int skip, string expected)
    {
        string uri = Uri("a/specs/plan.md");
        string text = Fixture["a/specs/plan.md"];
        await client.WaitForNotificationAsync(
            Methods.TextDocumentPublishDiagnostics,
            p => p.GetProperty("uri").GetString() == uri && Dump(p.Deserialize(LspJsonContext.Default.PublishDiagnosticsParams)!, text) == expected,
            skip);
    }

    private async Task<string> SymbolsAsync(LspTestClient client, string query)
    {
        var symbols = await client.RequestAsync(Methods.WorkspaceSymbol,
            new WorkspaceSymbolParams { Query = query },
            LspJsonContext.Default.WorkspaceSymbolParams, LspJsonContext.Default.WorkspaceSymbolArray);
        var found = symbols!.Where(s => s.Name.Contains(query, StringComparison.Ordinal)).Select(s => s.Location).ToList();
        return string.Join("\n", found.Select(l => $"{Relative(l.Uri)} [{SourceText.From(Fixture[Relative(l.Uri)]).GetText(new TextRange(l.Range.Start.Line, l.Range.Start.Character, l.Range.End.Line, l.Range.End.Character))}]").Order(StringComparer.Ordinal));
    }
}
