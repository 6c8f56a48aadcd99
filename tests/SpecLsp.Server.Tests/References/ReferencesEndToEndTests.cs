using System.Text.Json;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Tests.TestSupport;
using LspPosition = SpecLsp.Protocol.Lsp.Position;

namespace SpecLsp.Server.Tests.References;

/// <summary>A workspace folder of several specs, indexed in the background, navigated across files through the server.</summary>
public sealed class ReferencesEndToEndTests : IAsyncLifetime
{
    private const string Capabilities = """
        {"textDocument":{"publishDiagnostics":{"relatedInformation":true},"rename":{"prepareSupport":true}},
         "workspace":{"workspaceFolders":true,"didChangeWatchedFiles":{"dynamicRegistration":true},"workspaceEdit":{"documentChanges":true,"resourceOperations":["create"]}},
         "window":{"workDoneProgress":true},"general":{"positionEncodings":["utf-16"]}}
        """;

    private static readonly Dictionary<string, string> Fixture = new()
    {
        ["specs/export.md"] = """
            # Feature Specification: CSV Export

            **Spec ID:** SPEC-2026-01-05-001

            ## Requirements

            #### FR1: Export the visible report
            Exports what the table shows, retried as in [the retry rules](../shared/retry.md#retry-rules).

            #### FR2: Large exports
            Queued after FR1 has started. See [the guide](missing.md) and [scope](#scpoe).

            ## Scope
            Reports only.

            ## Risks and Mitigations
            None known.
            """,
        ["specs/search.md"] = """
            # Feature Specification: Search

            **Spec ID:** SPEC-2026-01-05-002

            Builds on SPEC-2026-01-05-001, especially [its first requirement](export.md#fr1-export-the-visible-report).
            """,
        ["shared/retry.md"] = """
            # Retry

            ## Retry rules
            Three attempts, then give up.
            """,
        ["node_modules/pkg/readme.md"] = "# Not a spec\n\n[broken](nowhere.md)\n",
    };

    // The template feature reports on these specs too; these tests look at the reference codes only.
    private static readonly HashSet<string> ReferenceCodes = ["broken-link", "broken-anchor", "undefined-reference", "undefined-id", "duplicate-id"];

    private readonly string _root;
    private readonly LspTestClient _client;
    private readonly List<string> _serverRequests = [];

    public ReferencesEndToEndTests()
    {
        _root = WorkspacePaths.Normalize(Path.Combine(Path.GetTempPath(), "speclsp-e2e-" + Guid.NewGuid().ToString("N")))!;
        foreach (var (path, text) in Fixture)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_root + "/" + path)!);
            File.WriteAllText(_root + "/" + path, text);
        }

        _client = LspTestClient.StartInProcess();
        _client.ServerRequestHandler = (method, _) =>
        {
            lock (_serverRequests)
            {
                _serverRequests.Add(method);
            }

            return "null";
        };
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // xunit 2 disposes test classes through IAsyncLifetime, not IAsyncDisposable.
    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    private static bool IsReference(Diagnostic diagnostic) => ReferenceCodes.Contains(diagnostic.Code?.ToString() ?? string.Empty);

    private string Uri(string relative) => WorkspacePaths.ToFileUri(_root + "/" + relative);

    private static LspPosition At(string relative, string marker, int offsetInMarker = 1)
    {
        var text = SourceText.From(Fixture[relative]);
        int offset = Fixture[relative].IndexOf(marker, StringComparison.Ordinal);
        Assert.True(offset >= 0, $"'{marker}' is not in {relative}");
        var position = text.GetPosition(offset + offsetInMarker);
        return new LspPosition { Line = position.Line, Character = position.Character };
    }

    private string Relative(string uri) => WorkspacePaths.FromUriOrPath(uri)![(_root.Length + 1)..];

    private static TextRange ToCore(Protocol.Lsp.Range range) => new(range.Start.Line, range.Start.Character, range.End.Line, range.End.Character);

    // Each location as its file and the text it covers, so expectations read like the fixture.
    private string Dump(IEnumerable<Location> locations) =>
        string.Join("\n", locations.Select(l => $"{Relative(l.Uri)} [{SourceText.From(Fixture[Relative(l.Uri)]).GetText(ToCore(l.Range))}]").Order(StringComparer.Ordinal));

    private async Task InitializeAndIndexAsync(string capabilities = Capabilities)
    {
        var folders = $$"""[{"uri":"{{Uri(string.Empty).TrimEnd('/')}}","name":"ws"}]""";
        var response = await _client.RequestAsync(Methods.Initialize, $$"""{"processId":null,"rootUri":null,"workspaceFolders":{{folders}},"capabilities":{{capabilities}}}""");
        Assert.False(response.IsError, response.ErrorMessage);
        await _client.NotifyAsync(Methods.Initialized, "{}");
        await _client.WaitForNotificationAsync(Methods.Progress, p => p.GetProperty("value").GetProperty("kind").GetString() == "end");
    }

    [Fact]
    public async Task Workspace_AfterBackgroundIndexing_NavigatesAndReportsAcrossFiles()
    {
        await InitializeAndIndexAsync();
        lock (_serverRequests)
        {
            Assert.Contains(Methods.WindowWorkDoneProgressCreate, _serverRequests);
            Assert.Contains(Methods.ClientRegisterCapability, _serverRequests);
        }

        await _client.OpenAsync(Uri("specs/export.md"), Fixture["specs/export.md"]);
        var diagnostics = await _client.WaitForDiagnosticsAsync(Uri("specs/export.md"), 1);
        Assert.Equal(
            ["broken-link missing.md", "broken-anchor #scpoe"],
            diagnostics.Diagnostics.Where(IsReference).Select(d => $"{d.Code} {SourceText.From(Fixture["specs/export.md"]).GetText(ToCore(d.Range))}"));

        var definition = await _client.RequestAsync(Methods.TextDocumentDefinition,
            new DefinitionParams { TextDocument = new TextDocumentIdentifier { Uri = Uri("specs/export.md") }, Position = At("specs/export.md", "retry.md#retry-rules") },
            LspJsonContext.Default.DefinitionParams, LspJsonContext.Default.LocationArray);
        Assert.Equal("shared/retry.md [## Retry rules]", Dump(definition!));

        var idDefinition = await _client.RequestAsync(Methods.TextDocumentDefinition,
            new DefinitionParams { TextDocument = new TextDocumentIdentifier { Uri = Uri("specs/export.md") }, Position = At("specs/export.md", "after FR1", 7) },
            LspJsonContext.Default.DefinitionParams, LspJsonContext.Default.LocationArray);
        Assert.Equal("specs/export.md [FR1]", Dump(idDefinition!));
        Assert.Equal(At("specs/export.md", "#### FR1", 5), idDefinition![0].Range.Start);

        var references = await _client.RequestAsync(Methods.TextDocumentReferences,
            new ReferenceParams { TextDocument = new TextDocumentIdentifier { Uri = Uri("specs/export.md") }, Position = At("specs/export.md", "SPEC-2026"), Context = new ReferenceContext { IncludeDeclaration = true } },
            LspJsonContext.Default.ReferenceParams, LspJsonContext.Default.LocationArray);
        Assert.Equal("specs/export.md [SPEC-2026-01-05-001]\nspecs/search.md [SPEC-2026-01-05-001]", Dump(references!));

        var rename = await _client.RequestAsync(Methods.TextDocumentRename,
            new RenameParams { TextDocument = new TextDocumentIdentifier { Uri = Uri("specs/export.md") }, Position = At("specs/export.md", "#### FR1", 6), NewName = "FR9" },
            LspJsonContext.Default.RenameParams, LspJsonContext.Default.WorkspaceEdit);
        var renamed = rename!.DocumentChanges!.Select(c => c.Edit!).ToDictionary(e => Relative(e.TextDocument.Uri), e => e.Edits);
        Assert.Equal(["specs/export.md", "specs/search.md"], renamed.Keys.Order(StringComparer.Ordinal));
        // LSP requires textDocument.version on every TextDocumentEdit: the open document's version, null for a closed file.
        var versions = rename.DocumentChanges!.Select(c => c.Edit!).ToDictionary(e => Relative(e.TextDocument.Uri), e => e.TextDocument.Version);
        Assert.Equal(1, versions["specs/export.md"]);
        Assert.Null(versions["specs/search.md"]);
        string Apply(string file) => renamed[file].OrderByDescending(e => e.Range.Start.Line).ThenByDescending(e => e.Range.Start.Character)
            .Aggregate(SourceText.From(Fixture[file]), (text, e) => text.WithChange(ToCore(e.Range), e.NewText)).Text;
        Assert.Equal(Fixture["specs/export.md"].Replace("FR1", "FR9", StringComparison.Ordinal), Apply("specs/export.md"));
        Assert.Equal(Fixture["specs/search.md"].Replace("#fr1-", "#fr9-", StringComparison.Ordinal), Apply("specs/search.md"));

        Assert.Equal(0, await _client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task References_RightAfterDidOpen_SeeEveryOpenDocumentAndTheWholeScan()
    {
        // Only on disk (found by the background scan), and only in the editor (an unsaved line of search.md).
        await File.WriteAllTextAsync(_root + "/specs/notes.md", "# Notes\n\nScope is in [the scope](export.md#scope).\n\n[sc]: export.md#scope\n");
        var search = Fixture["specs/search.md"] + "\nAnd [what is in scope](export.md#scope).\n";

        var folders = $$"""[{"uri":"{{Uri(string.Empty).TrimEnd('/')}}","name":"ws"}]""";
        Assert.False((await _client.RequestAsync(Methods.Initialize, $$"""{"processId":null,"rootUri":null,"workspaceFolders":{{folders}},"capabilities":{{Capabilities}}}""")).IsError);
        await _client.NotifyAsync(Methods.Initialized, "{}");

        // No waiting for the scan or for any diagnostics: the request follows the two didOpens at once.
        await _client.OpenAsync(Uri("specs/search.md"), search);
        await _client.OpenAsync(Uri("specs/export.md"), Fixture["specs/export.md"]);
        var position = At("specs/export.md", "## Scope", 4);
        async Task<string> ReferencesAsync(bool includeDeclaration)
        {
            var found = await _client.RequestAsync(Methods.TextDocumentReferences,
                new ReferenceParams { TextDocument = new TextDocumentIdentifier { Uri = Uri("specs/export.md") }, Position = position, Context = new ReferenceContext { IncludeDeclaration = includeDeclaration } },
                LspJsonContext.Default.ReferenceParams, LspJsonContext.Default.LocationArray);
            return string.Join("\n", found!.Select(l => $"{Relative(l.Uri)} {l.Range.Start.Line}:{l.Range.Start.Character}").Order(StringComparer.Ordinal));
        }

        Assert.Equal("specs/export.md 12:3\nspecs/notes.md 2:12\nspecs/notes.md 4:0\nspecs/search.md 5:4", await ReferencesAsync(includeDeclaration: true));
        Assert.Equal("specs/notes.md 2:12\nspecs/notes.md 4:0\nspecs/search.md 5:4", await ReferencesAsync(includeDeclaration: false));
    }

    [Fact]
    public async Task OpenDocuments_WhenATargetChanges_DependentsGetFreshDiagnostics()
    {
        await InitializeAndIndexAsync();
        await _client.OpenAsync(Uri("specs/search.md"), Fixture["specs/search.md"]);
        Assert.DoesNotContain((await _client.WaitForDiagnosticsAsync(Uri("specs/search.md"), 1)).Diagnostics, IsReference);

        var edited = Fixture["specs/export.md"].Replace("FR1: Export the visible report", "FR1: Export everything", StringComparison.Ordinal);
        await _client.OpenAsync(Uri("specs/export.md"), Fixture["specs/export.md"]);
        await _client.ChangeAsync(Uri("specs/export.md"), 2, new TextDocumentContentChangeEvent { Text = edited });

        var json = await _client.WaitForNotificationAsync(Methods.TextDocumentPublishDiagnostics, p =>
            p.GetProperty("uri").GetString() == Uri("specs/search.md") && p.GetProperty("diagnostics").EnumerateArray().Any(d => ReferenceCodes.Contains(d.GetProperty("code").GetString()!)));
        var diagnostic = Assert.Single(json.Deserialize(LspJsonContext.Default.PublishDiagnosticsParams)!.Diagnostics, IsReference);
        Assert.Equal("broken-anchor", diagnostic.Code?.ToString());
    }

    [Fact]
    public async Task WatchedFiles_CreatedTarget_ClearsTheBrokenLink()
    {
        await InitializeAndIndexAsync();
        await _client.OpenAsync(Uri("specs/export.md"), Fixture["specs/export.md"]);
        Assert.Contains((await _client.WaitForDiagnosticsAsync(Uri("specs/export.md"), 1)).Diagnostics, d => d.Code?.ToString() == "broken-link");

        await File.WriteAllTextAsync(_root + "/specs/missing.md", "# Guide\n");
        await _client.NotifyAsync(Methods.WorkspaceDidChangeWatchedFiles, $$"""{"changes":[{"uri":"{{Uri("specs/missing.md")}}","type":1}]}""");

        await _client.WaitForNotificationAsync(Methods.TextDocumentPublishDiagnostics, p =>
            p.GetProperty("uri").GetString() == Uri("specs/export.md")
            && p.GetProperty("diagnostics").EnumerateArray().All(d => d.GetProperty("code").GetString() != "broken-link"));
    }

    [Fact]
    public async Task SingleFile_WithoutWorkspaceFolders_ChecksOnlyWhatItCanKnow()
    {
        await _client.InitializeAsync(Capabilities);
        await _client.OpenAsync(Uri("specs/export.md"), Fixture["specs/export.md"]);

        var diagnostics = await _client.WaitForDiagnosticsAsync(Uri("specs/export.md"), 1);

        Assert.Equal(["broken-anchor"], diagnostics.Diagnostics.Where(IsReference).Select(d => d.Code?.ToString()));
    }

    [Fact]
    public async Task HoverCompletionLinksAndFixes_OverTheServer_UseTheIndex()
    {
        await InitializeAndIndexAsync();
        await _client.OpenAsync(Uri("specs/search.md"), Fixture["specs/search.md"]);
        await _client.OpenAsync(Uri("specs/export.md"), Fixture["specs/export.md"]);
        var search = new TextDocumentIdentifier { Uri = Uri("specs/search.md") };
        var export = new TextDocumentIdentifier { Uri = Uri("specs/export.md") };

        var hover = await _client.RequestAsync(Methods.TextDocumentHover,
            new HoverParams { TextDocument = search, Position = At("specs/search.md", "on SPEC-2026", 5) },
            LspJsonContext.Default.HoverParams, LspJsonContext.Default.Hover);
        Assert.Contains("*Feature Specification: CSV Export* (export.md)", hover!.Contents.Markup!.Value, StringComparison.Ordinal);

        var completion = await _client.RequestAsync(Methods.TextDocumentCompletion,
            new CompletionParams { TextDocument = search, Position = At("specs/search.md", "](export.md", 2) },
            LspJsonContext.Default.CompletionParams, LspJsonContext.Default.CompletionList);
        Assert.Equal(["../shared/retry.md", "export.md"], completion!.Items.Select(i => i.Label).Order(StringComparer.Ordinal));

        var links = await _client.RequestAsync(Methods.TextDocumentDocumentLink,
            new DocumentLinkParams { TextDocument = export },
            LspJsonContext.Default.DocumentLinkParams, LspJsonContext.Default.DocumentLinkArray);
        Assert.Equal([Uri("shared/retry.md") + "#L3"], links!.Select(l => l.Target));

        var published = await _client.WaitForDiagnosticsAsync(Uri("specs/export.md"), 1);
        var diagnostics = published with { Diagnostics = [.. published.Diagnostics.Where(IsReference)] };
        var actions = await _client.RequestAsync(Methods.TextDocumentCodeAction,
            new CodeActionParams { TextDocument = export, Range = diagnostics.Diagnostics[0].Range with { }, Context = new CodeActionContext { Diagnostics = diagnostics.Diagnostics } },
            LspJsonContext.Default.CodeActionParams, LspJsonContext.Default.CodeActionArray);
        var all = actions!.ToList();
        foreach (var d in diagnostics.Diagnostics.Skip(1))
        {
            all.AddRange((await _client.RequestAsync(Methods.TextDocumentCodeAction,
                new CodeActionParams { TextDocument = export, Range = d.Range, Context = new CodeActionContext { Diagnostics = [d] } },
                LspJsonContext.Default.CodeActionParams, LspJsonContext.Default.CodeActionArray))!);
        }

        Assert.Equal(["Create missing.md from template", "Change to #scope"], all.Where(a => a.Title.StartsWith("Create", StringComparison.Ordinal) || a.Title.StartsWith("Change", StringComparison.Ordinal)).Select(a => a.Title));
        var create = all.First(a => a.Title.StartsWith("Create", StringComparison.Ordinal)).Edit!.DocumentChanges!;
        Assert.Equal(Uri("specs/missing.md"), create[0].Create!.Uri);

        // export.md follows a built-in template, so the new file starts from it, titled after its name.
        Assert.StartsWith("# Feature Specification: Missing\n", create[1].Edit!.Edits[0].NewText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Renumber_AfterATableOfContentsWasTyped_MovesItsLinkToTheNewAnchor()
    {
        // As in the VS Code trial: the table of contents arrives in an edit, then the duplicate's fix is asked for.
        await InitializeAndIndexAsync();
        string uri = Uri("specs/invoices.md");
        const string Body = "#### FR-001: Export one\n\n#### FR-002: Export a month\n\n#### FR-002: Export a year\n\nFR-009 covers it.\n";
        await _client.OpenAsync(uri, "# Invoices\n\n" + Body);
        await _client.WaitForDiagnosticsAsync(uri, 1);
        const string Toc = "<!-- toc -->\n- [FR-001: Export one](#fr-001-export-one)\n- [FR-002: Export a month](#fr-002-export-a-month)\n- [FR-002: Export a year](#fr-002-export-a-year)\n<!-- tocstop -->\n\n";
        await _client.ChangeAsync(uri, 2, new TextDocumentContentChangeEvent
        {
            Range = new Protocol.Lsp.Range { Start = new LspPosition { Line = 2, Character = 0 }, End = new LspPosition { Line = 2, Character = 0 } },
            Text = Toc,
        });
        var published = await _client.WaitForDiagnosticsAsync(uri, 2);
        var duplicate = Assert.Single(published.Diagnostics, d => d.Code?.ToString() == "duplicate-id" && d.Range.Start.Line == 12);

        var actions = await _client.RequestAsync(Methods.TextDocumentCodeAction,
            new CodeActionParams { TextDocument = new TextDocumentIdentifier { Uri = uri }, Range = duplicate.Range, Context = new CodeActionContext { Diagnostics = [duplicate] } },
            LspJsonContext.Default.CodeActionParams, LspJsonContext.Default.CodeActionArray);

        var renumber = Assert.Single(actions!, a => a.Title == "Renumber this FR-002 to FR-010");
        var edits = Assert.Single(renumber.Edit!.DocumentChanges!).Edit!.Edits;
        Assert.Equal(
            ["(12,5)-(12,11) FR-010", "(5,27)-(5,47) fr-010-export-a-year"],
            edits.Select(e => $"({e.Range.Start.Line},{e.Range.Start.Character})-({e.Range.End.Line},{e.Range.End.Character}) {e.NewText}").Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("documentChanges, create, linkSupport")]
    [InlineData("documentChanges, no create")]
    [InlineData("changes only")]
    public async Task CodeActionsAndDefinition_AnswerInTheFormsTheClientDeclared(string client)
    {
        string workspaceEdit = client switch
        {
            "changes only" => "{}",
            "documentChanges, no create" => "{\"documentChanges\":true,\"resourceOperations\":[\"rename\"]}",
            _ => "{\"documentChanges\":true,\"resourceOperations\":[\"create\",\"delete\"]}",
        };
        string definition = client.Contains("linkSupport", StringComparison.Ordinal) ? "\"definition\":{\"linkSupport\":true}," : string.Empty;
        await InitializeAndIndexAsync("{\"textDocument\":{" + definition + "\"rename\":{\"prepareSupport\":true}},\"workspace\":{\"workspaceFolders\":true,\"workspaceEdit\":" + workspaceEdit + "},\"window\":{\"workDoneProgress\":true}}");
        var export = new TextDocumentIdentifier { Uri = Uri("specs/export.md") };
        await _client.OpenAsync(export.Uri, Fixture["specs/export.md"], version: 3);
        var published = await _client.WaitForDiagnosticsAsync(export.Uri, 3);

        var titles = new List<string>();
        WorkspaceEdit? anchorFix = null;
        foreach (var d in published.Diagnostics.Where(IsReference))
        {
            var actions = await _client.RequestAsync(Methods.TextDocumentCodeAction,
                new CodeActionParams { TextDocument = export, Range = d.Range, Context = new CodeActionContext { Diagnostics = [d] } },
                LspJsonContext.Default.CodeActionParams, LspJsonContext.Default.CodeActionArray);
            titles.AddRange(actions!.Select(a => a.Title));
            anchorFix ??= actions!.FirstOrDefault(a => a.Title == "Change to #scope")?.Edit;
        }

        var found = await _client.RequestAsync(Methods.TextDocumentDefinition,
            new DefinitionParams { TextDocument = export, Position = At("specs/export.md", "retry.md#retry-rules") },
            LspJsonContext.Default.DefinitionParams, LspJsonContext.Default.DefinitionResult);

        // A file is created only by a client that applies CreateFile; the others still get the anchor fix.
        Assert.Equal(client.Contains("create,", StringComparison.Ordinal), titles.Contains("Create missing.md from template"));
        Assert.NotNull(anchorFix);
        if (client == "changes only")
        {
            Assert.Null(anchorFix.DocumentChanges);
            Assert.Equal([export.Uri], anchorFix.Changes!.Keys);
        }
        else
        {
            var edit = Assert.Single(anchorFix.DocumentChanges!).Edit!;
            Assert.Equal((export.Uri, 3), (edit.TextDocument.Uri, edit.TextDocument.Version));
        }

        if (definition.Length > 0)
        {
            // A link from the whole Markdown link the caret is on, which the client underlines.
            var link = Assert.Single(found!.Links!);
            Assert.Null(found.Locations);
            Assert.Equal("shared/retry.md [## Retry rules]", Dump([new Location { Uri = link.TargetUri, Range = link.TargetSelectionRange }]));
            Assert.Equal("specs/export.md [[the retry rules](../shared/retry.md#retry-rules)]", Dump([new Location { Uri = export.Uri, Range = link.OriginSelectionRange! }]));
        }
        else
        {
            Assert.Null(found!.Links);
            Assert.Equal("shared/retry.md [## Retry rules]", Dump(found.Locations!));
        }
    }

    [Fact]
    public async Task WorkspaceSymbolAndPrepareRename_FindClosedFilesAndOfferTheId()
    {
        await InitializeAndIndexAsync();
        await _client.OpenAsync(Uri("specs/search.md"), Fixture["specs/search.md"]);

        var symbols = await _client.RequestAsync(Methods.WorkspaceSymbol,
            new WorkspaceSymbolParams { Query = "retry rules" },
            LspJsonContext.Default.WorkspaceSymbolParams, LspJsonContext.Default.WorkspaceSymbolArray);
        Assert.Equal("shared/retry.md [Retry rules]", Dump(symbols!.Take(1).Select(s => s.Location)));

        var prepare = await _client.RequestAsync(Methods.TextDocumentPrepareRename,
            new PrepareRenameParams { TextDocument = new TextDocumentIdentifier { Uri = Uri("specs/search.md") }, Position = At("specs/search.md", "on SPEC-2026", 5) },
            LspJsonContext.Default.PrepareRenameParams, LspJsonContext.Default.PrepareRenameResult);
        Assert.Equal("SPEC-2026-01-05-001", prepare!.Placeholder);
        Assert.Equal("specs/search.md [SPEC-2026-01-05-001]", Dump([new Location { Uri = Uri("specs/search.md"), Range = prepare.Range }]));
    }

    [Fact]
    public async Task Definition_InAClosedFileWithUtf8Positions_CountsBytesOnThatLine()
    {
        File.WriteAllText(_root + "/shared/ids.md", "# Ids\n\n**Spec ID 📋 é:** SPEC-2026-01-05-009\n");
        var capabilities = Capabilities.Replace("\"utf-16\"", "\"utf-8\"", StringComparison.Ordinal);
        var folders = $$"""[{"uri":"{{Uri(string.Empty).TrimEnd('/')}}","name":"ws"}]""";
        await _client.RequestAsync(Methods.Initialize, $$"""{"processId":null,"rootUri":null,"workspaceFolders":{{folders}},"capabilities":{{capabilities}}}""");
        await _client.NotifyAsync(Methods.Initialized, "{}");
        await _client.WaitForNotificationAsync(Methods.Progress, p => p.GetProperty("value").GetProperty("kind").GetString() == "end");
        const string text = "# Uses\n\nSee SPEC-2026-01-05-009.\n";
        await _client.OpenAsync(Uri("specs/uses.md"), text);

        var found = await _client.RequestAsync(Methods.TextDocumentDefinition,
            new DefinitionParams { TextDocument = new TextDocumentIdentifier { Uri = Uri("specs/uses.md") }, Position = new LspPosition { Line = 2, Character = 6 } },
            LspJsonContext.Default.DefinitionParams, LspJsonContext.Default.LocationArray);

        var location = Assert.Single(found!);
        int bytesBefore = System.Text.Encoding.UTF8.GetByteCount("**Spec ID 📋 é:** ");
        Assert.Equal(Uri("shared/ids.md"), location.Uri);
        Assert.Equal(new LspPosition { Line = 2, Character = bytesBefore }, location.Range.Start);
    }

    [Fact]
    public async Task WillRenameFiles_FileAndFolderMoves_AnswerWithTheLinkEditsThatKeepThemWorking()
    {
        await InitializeAndIndexAsync();

        async Task<List<string>> RenameAsync(string from, string to)
        {
            var edit = await _client.RequestAsync(
                Methods.WorkspaceWillRenameFiles,
                new RenameFilesParams { Files = [new FileRename { OldUri = Uri(from), NewUri = Uri(to) }] },
                LspJsonContext.Default.RenameFilesParams,
                LspJsonContext.Default.WorkspaceEdit);
            var edits = edit?.DocumentChanges?.Select(c => c.Edit!).SelectMany(e => e.Edits.Select(x => (e.TextDocument.Uri, x.NewText)))
                ?? edit?.Changes?.SelectMany(c => c.Value.Select(x => (Uri: c.Key, x.NewText))) ?? [];
            return [.. edits.Select(e => $"{Relative(e.Uri)}: {e.NewText}").Order(StringComparer.Ordinal)];
        }

        Assert.Equal(["specs/export.md: ../shared/policies/retry.md#retry-rules"], await RenameAsync("shared/retry.md", "shared/policies/retry.md"));
        Assert.Equal(
            ["specs/export.md: ../specs/missing.md", "specs/search.md: ../archive/export.md#fr1-export-the-visible-report"],
            await RenameAsync("specs/export.md", "archive/export.md"));
        Assert.Equal(["specs/export.md: ../common/retry.md#retry-rules"], await RenameAsync("shared", "common"));
        Assert.Empty(await RenameAsync("node_modules/pkg/readme.md", "node_modules/pkg/other.md"));
    }

    [Fact]
    public async Task DidRenameFiles_NotAnnounced_AppliesTheEditsAtTheNewPathsAndReindexes()
    {
        var applied = new List<JsonElement>();
        _client.ServerRequestHandler = (method, @params) =>
        {
            lock (applied)
            {
                if (method == Methods.WorkspaceApplyEdit)
                {
                    applied.Add(@params.Clone());
                    return """{"applied":true}""";
                }
            }

            return "null";
        };
        await InitializeAndIndexAsync(Capabilities.Replace("\"workspace\":{", "\"workspace\":{\"applyEdit\":true,", StringComparison.Ordinal));
        Directory.CreateDirectory(_root + "/shared/policies");
        File.Move(_root + "/shared/retry.md", _root + "/shared/policies/retry.md");

        await _client.NotifyAsync(Methods.WorkspaceDidRenameFiles, $$"""{"files":[{"oldUri":"{{Uri("shared/retry.md")}}","newUri":"{{Uri("shared/policies/retry.md")}}"}]}""");
        // A request after the notification: the server has handled it when this answers.
        var symbols = await _client.RequestAsync(Methods.WorkspaceSymbol, """{"query":"Retry rules"}""");

        var edit = Assert.Single(applied);
        Assert.Contains("../shared/policies/retry.md#retry-rules", edit.GetRawText(), StringComparison.Ordinal);
        Assert.Contains(Uri("specs/export.md"), edit.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(Uri("shared/retry.md"), edit.GetRawText(), StringComparison.Ordinal);

        // Announced first, the same rename applies nothing more.
        await _client.RequestAsync(Methods.WorkspaceWillRenameFiles, $$"""{"files":[{"oldUri":"{{Uri("specs/search.md")}}","newUri":"{{Uri("specs/find.md")}}"}]}""");
        await _client.NotifyAsync(Methods.WorkspaceDidRenameFiles, $$"""{"files":[{"oldUri":"{{Uri("specs/search.md")}}","newUri":"{{Uri("specs/find.md")}}"}]}""");
        await _client.RequestAsync(Methods.WorkspaceSymbol, """{"query":"x"}""");
        Assert.Single(applied);
        Assert.False(symbols.IsError);
    }
}
