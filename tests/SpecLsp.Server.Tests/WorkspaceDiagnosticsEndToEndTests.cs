using System.Text.Json;
using SpecLsp.Core.Workspace;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Tests.TestSupport;

namespace SpecLsp.Server.Tests;

/// <summary>
/// Problems of specs nobody opened, over the real process: <c>workspace/diagnostic</c> with result ids for a pulling
/// client, and the <c>speclsp.diagnostics.workspace</c> push for a client that only takes pushed diagnostics.
/// </summary>
public sealed class WorkspaceDiagnosticsEndToEndTests : IAsyncLifetime
{
    private const string PullCapabilities = """
        {"textDocument":{"diagnostic":{"relatedDocumentSupport":false},"publishDiagnostics":{"relatedInformation":true}},
         "workspace":{"workspaceFolders":true,"diagnostics":{"refreshSupport":true},"didChangeWatchedFiles":{"dynamicRegistration":true}},
         "window":{"workDoneProgress":true},"general":{"positionEncodings":["utf-16"]}}
        """;

    private const string PushCapabilities = """
        {"textDocument":{"publishDiagnostics":{"relatedInformation":true}},
         "workspace":{"workspaceFolders":true,"didChangeConfiguration":{"dynamicRegistration":false}},
         "general":{"positionEncodings":["utf-16"]}}
        """;

    private static readonly Dictionary<string, string> Fixture = new()
    {
        // Links to design.md's heading: its diagnostics depend on design.md.
        ["specs/plan.md"] = """
            # Plan

            See [the storage layout](design.md#storage-layout) and [the old notes](missing.md).
            Also [a label][nowhere].
            """,
        ["specs/design.md"] = """
            # Design

            ## Storage layout

            Rows in one table, see [the plan](plan.md#plann).
            """,
        ["specs/notes.md"] = """
            # Notes

            Nothing links here; [this](gone.md) is broken.
            """,
    };

    private readonly string _root;

    public WorkspaceDiagnosticsEndToEndTests()
    {
        _root = WorkspacePaths.Normalize(Path.Combine(Path.GetTempPath(), "speclsp-wsdiag-" + Guid.NewGuid().ToString("N")))!;
        foreach (var (path, text) in Fixture)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_root + "/" + path)!);
            File.WriteAllText(_root + "/" + path, text);
        }
    }

    private string RootUri => new Uri(_root).AbsoluteUri;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task WorkspacePull_ClosedFiles_EqualCheckThenUnchangedUntilADependencyChanges()
    {
        await using var client = LspTestClient.StartProcess();
        var refreshes = RefreshCounter.On(client);
        var initialize = await InitializeAsync(client, PullCapabilities);
        Assert.True(initialize.GetProperty("capabilities").GetProperty("diagnosticProvider").GetProperty("workspaceDiagnostics").GetBoolean());

        // The scan runs in the background: pull until every spec is reported.
        var first = await PullUntilAsync(client, [], items => items.Count == Fixture.Count);
        Assert.All(first, item => Assert.Equal("full", item.GetProperty("kind").GetString()));
        Assert.All(first, item => Assert.Equal(JsonValueKind.Null, item.GetProperty("version").ValueKind));

        var (exitCode, stdout, stderr) = await SpeclspProcess.RunAsync("check", "--format", "json", _root);
        Assert.True(exitCode is 0 or 1, stderr);
        Assert.Equal(CheckProblems(stdout), PulledProblems(first));
        Assert.Contains(PulledProblems(first), p => p.Contains("broken-anchor", StringComparison.Ordinal));

        // Again with the ids: nothing changed, so nothing is sent but "unchanged".
        var second = await PullAsync(client, ResultIds(first));
        Assert.Equal(Fixture.Count, second.Count);
        Assert.True(second.All(item => item.GetProperty("kind").GetString() == "unchanged"), string.Join("\n", first.Concat(second).Select(i => i.GetRawText())));

        // design.md loses the heading plan.md links to: design.md and plan.md are reported again, notes.md is not.
        File.WriteAllText(_root + "/specs/design.md", "# Design\n\n## Rows\n\nRows in one table, see [the plan](plan.md#plann).\n");
        int refreshesBefore = refreshes.Count;
        await client.NotifyAsync(Methods.WorkspaceDidChangeWatchedFiles, $$$"""{"changes":[{"uri":"{{{RootUri}}}/specs/design.md","type":2}]}""");
        var third = await PullUntilAsync(client, ResultIds(first), items => items.Count(i => i.GetProperty("kind").GetString() == "full") >= 2);
        var kinds = third.ToDictionary(i => Path.GetFileName(i.GetProperty("uri").GetString()!), i => i.GetProperty("kind").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["design.md"] = "full", ["plan.md"] = "full", ["notes.md"] = "unchanged" }, kinds);
        var planProblems = PulledProblems(third.Where(i => i.GetProperty("uri").GetString()!.EndsWith("plan.md", StringComparison.Ordinal)));
        Assert.Contains(planProblems, p => p.Contains("broken-anchor", StringComparison.Ordinal) && p.Contains("storage-layout", StringComparison.Ordinal));

        // The server asked the client to pull again, once the change was indexed.
        using var timeout = new CancellationTokenSource(LspTestClient.Timeout);
        while (refreshes.Count == refreshesBefore)
        {
            await Task.Delay(50, timeout.Token);
        }

        // And the result equals check's on the changed workspace.
        (exitCode, stdout, stderr) = await SpeclspProcess.RunAsync("check", "--format", "json", _root);
        var merged = third.Where(i => i.GetProperty("kind").GetString() == "full")
            .Concat(first.Where(i => i.GetProperty("uri").GetString()!.EndsWith("notes.md", StringComparison.Ordinal)));
        Assert.Equal(CheckProblems(stdout), PulledProblems(merged));

        // A deleted file is cleared once, then no longer reported.
        File.Delete(_root + "/specs/notes.md");
        await client.NotifyAsync(Methods.WorkspaceDidChangeWatchedFiles, $$$"""{"changes":[{"uri":"{{{RootUri}}}/specs/notes.md","type":3}]}""");
        var afterDelete = await PullUntilAsync(client, ResultIds(third.Concat(first)), items => items.Any(i => Path.GetFileName(i.GetProperty("uri").GetString()) == "notes.md" && i.GetProperty("kind").GetString() == "full"));
        var notes = Assert.Single(afterDelete, i => Path.GetFileName(i.GetProperty("uri").GetString()) == "notes.md");
        Assert.Equal("full", notes.GetProperty("kind").GetString());
        Assert.Empty(notes.GetProperty("items").EnumerateArray());
        var afterClear = await PullAsync(client, ResultIds(afterDelete.Concat(third)));
        Assert.DoesNotContain(afterClear, i => Path.GetFileName(i.GetProperty("uri").GetString()) == "notes.md");
    }

    [Fact]
    public async Task DocumentPull_WithResultId_UnchangedUntilTheTextChanges()
    {
        await using var client = LspTestClient.StartProcess();
        await InitializeAsync(client, PullCapabilities);
        string uri = RootUri + "/specs/notes.md";
        await client.OpenAsync(uri, Fixture["specs/notes.md"]);
        var full = await client.RequestAsync(Methods.TextDocumentDiagnostic, $$$"""{"textDocument":{"uri":"{{{uri}}}"}}""");
        Assert.Equal("full", full.Result.GetProperty("kind").GetString());
        string resultId = full.Result.GetProperty("resultId").GetString()!;

        var again = await client.RequestAsync(Methods.TextDocumentDiagnostic, $$$"""{"textDocument":{"uri":"{{{uri}}}"},"previousResultId":"{{{resultId}}}"}""");
        Assert.Equal("unchanged", again.Result.GetProperty("kind").GetString());
        Assert.Equal(resultId, again.Result.GetProperty("resultId").GetString());

        await client.ChangeAsync(uri, 2, new TextDocumentContentChangeEvent { Text = "# Notes\n\nFixed.\n" });
        var changed = await client.RequestAsync(Methods.TextDocumentDiagnostic, $$$"""{"textDocument":{"uri":"{{{uri}}}"},"previousResultId":"{{{resultId}}}"}""");
        Assert.Equal("full", changed.Result.GetProperty("kind").GetString());
        Assert.Empty(changed.Result.GetProperty("items").EnumerateArray());

        // The workspace pull reports the open document from the editor's text, with its version.
        var workspace = await PullUntilAsync(client, [], items => items.Count == Fixture.Count);
        var notes = Assert.Single(workspace, i => i.GetProperty("uri").GetString() == uri);
        Assert.Equal(2, notes.GetProperty("version").GetInt32());
        Assert.Empty(notes.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task OpenDocumentEdit_ReachesClosedFilesOnlyWhenTheySeeIt()
    {
        await using var client = LspTestClient.StartProcess();
        await InitializeAsync(client, PullCapabilities);
        string design = RootUri + "/specs/design.md";
        await client.OpenAsync(design, Fixture["specs/design.md"]);
        var first = await PullUntilAsync(client, [], items => items.Count == Fixture.Count);
        Assert.Equal(1, first.Single(i => i.GetProperty("uri").GetString() == design).GetProperty("version").GetInt32());

        // A paragraph edited: plan.md's link to the heading still holds, so only design.md is reported again.
        await client.ChangeAsync(design, 2, new TextDocumentContentChangeEvent { Text = Fixture["specs/design.md"].Replace("one table", "two tables", StringComparison.Ordinal) });
        var second = await PullUntilAsync(client, ResultIds(first), items => items.Any(i => i.GetProperty("uri").GetString() == design && i.GetProperty("kind").GetString() == "full"));
        Assert.Equal(2, second.Single(i => i.GetProperty("uri").GetString() == design).GetProperty("version").GetInt32());
        Assert.All(second.Where(i => i.GetProperty("uri").GetString() != design), i => Assert.Equal("unchanged", i.GetProperty("kind").GetString()));

        // Once version 2 is parsed (and so in the index), the closed files still keep their ids.
        Assert.False((await client.RequestAsync(Methods.TextDocumentDocumentSymbol, $$$"""{"textDocument":{"uri":"{{{design}}}"}}""")).IsError);
        var settled = await PullAsync(client, ResultIds(second.Concat(first)));
        Assert.All(settled, i => Assert.Equal("unchanged", i.GetProperty("kind").GetString()));

        // The heading renamed in the editor, not on disk: plan.md, closed, now has a broken anchor.
        await client.ChangeAsync(design, 3, new TextDocumentContentChangeEvent { Text = Fixture["specs/design.md"].Replace("## Storage layout", "## Layout", StringComparison.Ordinal) });
        var third = await PullUntilAsync(client, ResultIds(second.Concat(first)), items => items.Any(i => i.GetProperty("uri").GetString()!.EndsWith("plan.md", StringComparison.Ordinal) && i.GetProperty("kind").GetString() == "full"));
        var plan = third.Single(i => i.GetProperty("uri").GetString()!.EndsWith("plan.md", StringComparison.Ordinal));
        Assert.Contains(plan.GetProperty("items").EnumerateArray(), d => d.GetProperty("code").GetString() == "broken-anchor");
        Assert.Equal("unchanged", third.Single(i => i.GetProperty("uri").GetString()!.EndsWith("notes.md", StringComparison.Ordinal)).GetProperty("kind").GetString());
    }

    [Fact]
    public async Task OpenDependent_ChangedFilePulledAtOnce_StillRefreshed()
    {
        // VS Code's order: a change, then at once the changed document's own pull. That pull used to take the pending
        // index change for itself, so the follow-up found nothing left and never asked for the refresh the open
        // dependent needs: plan.md kept a stale answer (seen in code-server after a file rename: "File
        // 'invoice-keeping.md' does not exist" for 18 s, until an unrelated refresh).
        await using var client = LspTestClient.StartProcess();
        var refreshes = RefreshCounter.On(client);
        await InitializeAsync(client, PullCapabilities);
        string design = RootUri + "/specs/design.md";
        string plan = RootUri + "/specs/plan.md";
        await client.OpenAsync(design, Fixture["specs/design.md"]);
        await client.OpenAsync(plan, Fixture["specs/plan.md"]);
        await PullUntilAsync(client, [], items => items.Count == Fixture.Count);
        var before = await client.RequestAsync(Methods.TextDocumentDiagnostic, $$$"""{"textDocument":{"uri":"{{{plan}}}"}}""");
        Assert.DoesNotContain(before.Result.GetProperty("items").EnumerateArray(), d => d.GetProperty("code").GetString() == "broken-anchor" && d.GetProperty("message").GetString()!.Contains("storage-layout", StringComparison.Ordinal));

        // Past the opens' follow-ups (200 ms), so that a refresh counted below is the change's.
        using var timeout = new CancellationTokenSource(LspTestClient.Timeout);
        await Task.Delay(1000, timeout.Token);
        int refreshesBefore = refreshes.Count;
        await client.ChangeAsync(design, 2, new TextDocumentContentChangeEvent { Text = Fixture["specs/design.md"].Replace("## Storage layout", "## Layout", StringComparison.Ordinal) });
        Assert.False((await client.RequestAsync(Methods.TextDocumentDocumentSymbol, $$$"""{"textDocument":{"uri":"{{{design}}}"}}""")).IsError);
        Assert.False((await client.RequestAsync(Methods.TextDocumentDiagnostic, $$$"""{"textDocument":{"uri":"{{{design}}}"}}""")).IsError);

        while (refreshes.Count == refreshesBefore)
        {
            await Task.Delay(50, timeout.Token);
        }

        var after = await client.RequestAsync(Methods.TextDocumentDiagnostic, $$$"""{"textDocument":{"uri":"{{{plan}}}"},"previousResultId":"{{{before.Result.GetProperty("resultId").GetString()}}}"}""");
        Assert.Equal("full", after.Result.GetProperty("kind").GetString());
        Assert.Contains(after.Result.GetProperty("items").EnumerateArray(), d => d.GetProperty("code").GetString() == "broken-anchor" && d.GetProperty("message").GetString()!.Contains("storage-layout", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PushOnlyClient_WorkspaceSettingOn_PushesClosedFilesAndOffClearsThem()
    {
        await using var client = LspTestClient.StartProcess();
        var initialize = await InitializeAsync(client, PushCapabilities);
        Assert.False(initialize.GetProperty("capabilities").TryGetProperty("diagnosticProvider", out _));
        string plan = RootUri + "/specs/plan.md";
        string notes = RootUri + "/specs/notes.md";

        // Off by default: an open document is pushed (once the index resolves its link), closed files are not.
        await client.OpenAsync(plan, Fixture["specs/plan.md"]);
        await client.WaitForNotificationAsync(Methods.TextDocumentPublishDiagnostics, p => p.GetProperty("uri").GetString() == plan
            && p.GetProperty("diagnostics").EnumerateArray().Any(d => d.GetProperty("code").GetString() == "broken-link"));
        Assert.DoesNotContain(client.Notifications(Methods.TextDocumentPublishDiagnostics), p => p.GetProperty("uri").GetString() == notes);

        await client.NotifyAsync(Methods.WorkspaceDidChangeConfiguration, """{"settings":{"speclsp":{"diagnostics":{"workspace":"on"}}}}""");
        var pushed = await client.WaitForNotificationAsync(Methods.TextDocumentPublishDiagnostics, p => p.GetProperty("uri").GetString() == notes);
        Assert.Equal(["broken-link"], pushed.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()));
        var design = await client.WaitForNotificationAsync(Methods.TextDocumentPublishDiagnostics, p => p.GetProperty("uri").GetString() == RootUri + "/specs/design.md");
        Assert.Equal(["broken-anchor"], design.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()));

        // A file fixed on disk is pushed again.
        int before = client.Notifications(Methods.TextDocumentPublishDiagnostics).Count;
        File.WriteAllText(_root + "/specs/notes.md", "# Notes\n\nNothing broken.\n");
        await client.NotifyAsync(Methods.WorkspaceDidChangeWatchedFiles, $$$"""{"changes":[{"uri":"{{{notes}}}","type":2}]}""");
        var fixedNotes = await client.WaitForNotificationAsync(Methods.TextDocumentPublishDiagnostics, p => p.GetProperty("uri").GetString() == notes, skip: before);
        Assert.Empty(fixedNotes.GetProperty("diagnostics").EnumerateArray());

        // Off: the closed files' diagnostics are cleared; the open one keeps its own.
        before = client.Notifications(Methods.TextDocumentPublishDiagnostics).Count;
        await client.NotifyAsync(Methods.WorkspaceDidChangeConfiguration, """{"settings":{"speclsp":{"diagnostics":{"workspace":"off"}}}}""");
        var cleared = await client.WaitForNotificationAsync(
            Methods.TextDocumentPublishDiagnostics, p => p.GetProperty("uri").GetString() == RootUri + "/specs/design.md", skip: before);
        Assert.Empty(cleared.GetProperty("diagnostics").EnumerateArray());
    }

    private async Task<JsonElement> InitializeAsync(LspTestClient client, string capabilities)
    {
        var initialize = await client.RequestAsync(Methods.Initialize, $$$"""
            {"processId":null,"rootUri":"{{{RootUri}}}","workspaceFolders":[{"uri":"{{{RootUri}}}","name":"ws"}],"capabilities":{{{capabilities}}}}
            """);
        Assert.False(initialize.IsError, initialize.ErrorMessage);
        await client.NotifyAsync(Methods.Initialized, "{}");
        if (capabilities.Contains("workDoneProgress", StringComparison.Ordinal))
        {
            // Result ids change once when the background scan lands; the tests start from the complete index.
            await client.WaitForNotificationAsync(Methods.Progress, p => p.GetProperty("value").GetProperty("kind").GetString() == "end");
        }

        return initialize.Result;
    }

    private static async Task<List<JsonElement>> PullAsync(LspTestClient client, IEnumerable<(string Uri, string Value)> previous)
    {
        string ids = string.Join(",", previous.Select(p => $$$"""{"uri":"{{{p.Uri}}}","value":"{{{p.Value}}}"}"""));
        var response = await client.RequestAsync(Methods.WorkspaceDiagnostic, $$$"""{"previousResultIds":[{{{ids}}}]}""");
        Assert.False(response.IsError, response.ErrorMessage);
        return [.. response.Result.GetProperty("items").EnumerateArray()];
    }

    private static async Task<List<JsonElement>> PullUntilAsync(LspTestClient client, IEnumerable<(string Uri, string Value)> previous, Func<List<JsonElement>, bool> done)
    {
        using var timeout = new CancellationTokenSource(LspTestClient.Timeout);
        var list = previous.ToList();
        while (true)
        {
            var items = await PullAsync(client, list);
            if (done(items))
            {
                return items;
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    // The newest id per URI (later reports first in the sequence win).
    private static List<(string Uri, string Value)> ResultIds(IEnumerable<JsonElement> reports) =>
        [.. reports
            .Where(r => r.TryGetProperty("resultId", out _))
            .GroupBy(r => r.GetProperty("uri").GetString()!)
            .Select(g => (g.Key, g.First().GetProperty("resultId").GetString()!))];

    private static List<string> PulledProblems(IEnumerable<JsonElement> reports) =>
        [.. reports
            .Where(r => r.GetProperty("kind").GetString() == "full")
            .SelectMany(r => r.GetProperty("items").EnumerateArray().Select(d => Problem(
                Path.GetFileName(r.GetProperty("uri").GetString()!),
                d.GetProperty("range"),
                d.GetProperty("severity").GetInt32() switch { 1 => "error", 2 => "warning", 3 => "information", _ => "hint" },
                d.GetProperty("code").GetString()!,
                d.GetProperty("message").GetString()!)))
            .Order(StringComparer.Ordinal)];

    private static List<string> CheckProblems(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => Problem(
                Path.GetFileName(d.GetProperty("path").GetString()!),
                d.GetProperty("range"),
                d.GetProperty("severity").GetString()!,
                d.GetProperty("code").GetString()!,
                d.GetProperty("message").GetString()!))
            .Order(StringComparer.Ordinal)];
    }

    private static string Problem(string file, JsonElement range, string severity, string code, string message)
    {
        var start = range.GetProperty("start");
        var end = range.GetProperty("end");
        return $"{file} {start.GetProperty("line")}:{start.GetProperty("character")}-{end.GetProperty("line")}:{end.GetProperty("character")} {severity} {code} {message}";
    }

    // Counts the server's workspace/diagnostic/refresh requests; every other request is answered with null.
    private sealed class RefreshCounter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public static RefreshCounter On(LspTestClient client)
        {
            var counter = new RefreshCounter();
            client.ServerRequestHandler = (method, _) =>
            {
                if (method == Methods.WorkspaceDiagnosticRefresh)
                {
                    Interlocked.Increment(ref counter._count);
                }

                return null!;
            };
            return counter;
        }
    }
}
