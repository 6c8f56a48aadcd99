using System.Text.Json;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Handlers;
using SpecLsp.Server.Tests.TestSupport;
using LspPosition = SpecLsp.Protocol.Lsp.Position;
using LspRange = SpecLsp.Protocol.Lsp.Range;

namespace SpecLsp.Server.Tests;

/// <summary>Smart selection, document highlights and semantic tokens through the real <c>speclsp</c> process.</summary>
public sealed class EditorFeaturesTests
{
    private const string Capabilities = """
        {"textDocument":{"selectionRange":{},"documentHighlight":{},
           "semanticTokens":{"requests":{"full":{"delta":true}},"tokenTypes":["type","property","enumMember","macro","keyword"],"tokenModifiers":["declaration"],"formats":["relative"]}},
         "general":{"positionEncodings":["utf-16"]}}
        """;

    private const string Uri = "file:///tmp/speclsp-editor-features/spec.md";

    private const string Spec = """
        # Export

        **Status:** Draft

        ## Requirements

        #### FR-001: Export
        The system MUST export; see FR-001.

        - one
        - two
        """;

    [Fact]
    public async Task SelectionRange_TwoCarets_OneChainEachFromWordToDocument()
    {
        await using var client = LspTestClient.StartProcess();
        var initialize = await client.InitializeAsync(Capabilities);
        Assert.True(initialize.Capabilities.SelectionRangeProvider);
        await client.OpenAsync(Uri, Spec);

        var response = await client.RequestAsync(Methods.TextDocumentSelectionRange, """
            {"textDocument":{"uri":"file:///tmp/speclsp-editor-features/spec.md"},"positions":[{"line":9,"character":3},{"line":4,"character":5}]}
            """);

        Assert.False(response.IsError, response.ErrorMessage);
        var chains = response.Result.Deserialize(LspJsonContext.Default.SelectionRangeArray)!;
        Assert.Equal(2, chains.Length);
        Assert.Equal(["one", "- one", "- one\n- two", "#### FR-001: Export…", "## Requirements…", "# Export…"], Texts(chains[0]));
        Assert.Equal(["Requirements", "## Requirements", "## Requirements…", "# Export…"], Texts(chains[1]));
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task DocumentHighlight_OnIdMention_DefinitionIsWriteMentionIsRead()
    {
        await using var client = LspTestClient.StartProcess();
        var initialize = await client.InitializeAsync(Capabilities);
        Assert.True(initialize.Capabilities.DocumentHighlightProvider);
        await client.OpenAsync(Uri, Spec);

        var highlights = await client.RequestAsync(
            Methods.TextDocumentDocumentHighlight,
            new DocumentHighlightParams { TextDocument = new TextDocumentIdentifier { Uri = Uri }, Position = new LspPosition { Line = 7, Character = 33 } },
            LspJsonContext.Default.DocumentHighlightParams,
            LspJsonContext.Default.DocumentHighlightArray);

        Assert.Equal(
            [(6, 5, DocumentHighlightKind.Write), (7, 28, DocumentHighlightKind.Read)],
            highlights!.Select(h => (h.Range.Start.Line, h.Range.Start.Character, h.Kind!.Value)));
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task SemanticTokens_FullThenDeltaAfterAnEdit_DeltaAppliedEqualsFreshFull()
    {
        await using var client = LspTestClient.StartProcess();
        var initialize = await client.InitializeAsync(Capabilities);
        var provider = initialize.Capabilities.SemanticTokensProvider!;
        Assert.Equal(SemanticTokensHandler.TokenTypes, provider.Legend.TokenTypes);
        Assert.True(provider.Full!.Delta);
        await client.OpenAsync(Uri, Spec);

        var first = await FullAsync(client);
        Assert.Equal(
            ["property Status", "enumMember Draft", "type+declaration FR-001", "keyword MUST", "type FR-001"],
            Decode(first.Data, provider.Legend, Spec));

        // A new line with a mention before the list: only the tokens after it change.
        const string inserted = "Also SHOULD follow FR-001.\n";
        await client.ChangeAsync(Uri, 2, new TextDocumentContentChangeEvent { Range = new LspRange { Start = new LspPosition { Line = 8, Character = 0 }, End = new LspPosition { Line = 8, Character = 0 } }, Text = inserted });
        var response = await client.RequestAsync(Methods.TextDocumentSemanticTokensFullDelta, $$"""
            {"textDocument":{"uri":"{{Uri}}"},"previousResultId":"{{first.ResultId}}"}
            """);
        Assert.False(response.IsError, response.ErrorMessage);
        var delta = response.Result.Deserialize(LspJsonContext.Default.SemanticTokensDelta)!;
        var edit = Assert.Single(delta.Edits);
        Assert.True(edit.Start >= 25, $"the first five tokens are unchanged, yet the edit starts at {edit.Start}");

        var patched = first.Data.Take(edit.Start).Concat(edit.Data ?? []).Concat(first.Data.Skip(edit.Start + edit.DeleteCount)).ToArray();
        var fresh = await FullAsync(client);
        Assert.Equal(fresh.Data, patched);
        string edited = Spec.Insert(Spec.IndexOf("\n\n- one", StringComparison.Ordinal) + 1, inserted);
        Assert.Equal(["keyword SHOULD", "type FR-001"], Decode(fresh.Data, provider.Legend, edited).Skip(5));

        // An unknown previous result gets the full tokens.
        var stale = await client.RequestAsync(Methods.TextDocumentSemanticTokensFullDelta, $$"""{"textDocument":{"uri":"{{Uri}}"},"previousResultId":"nope"}""");
        Assert.True(stale.Result.TryGetProperty("data", out _));
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task SemanticTokens_ClientWithoutTheCapability_NotAdvertised()
    {
        await using var client = LspTestClient.StartProcess();
        var initialize = await client.InitializeAsync();

        Assert.Null(initialize.Capabilities.SemanticTokensProvider);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task CodeActions_DuplicateIdAndUndefinedReference_RenumberAndDefine()
    {
        const string spec = "# Export\n\n#### FR-001: Export\n\n#### FR-001: Import\n\nSee [the rules][Retry rules].\n\n## Retry rules\n";
        await using var client = LspTestClient.StartProcess();
        await client.InitializeAsync();
        await client.OpenAsync(Uri, spec);
        var diagnostics = (await client.WaitForDiagnosticsAsync(Uri)).Diagnostics;
        var titles = new List<string>();
        var edits = new List<string>();
        foreach (var diagnostic in diagnostics.Where(d => d.Code?.ToString() is "duplicate-id" or "undefined-reference"))
        {
            var actions = await client.RequestAsync(
                Methods.TextDocumentCodeAction,
                new CodeActionParams { TextDocument = new TextDocumentIdentifier { Uri = Uri }, Range = diagnostic.Range, Context = new CodeActionContext { Diagnostics = [diagnostic] } },
                LspJsonContext.Default.CodeActionParams,
                LspJsonContext.Default.CodeActionArray);
            foreach (var action in actions!.Where(a => a.Kind == CodeActionKind.QuickFix))
            {
                titles.Add(action.Title);
                edits.AddRange(action.Edit!.Changes![Uri].Select(e => $"{e.Range.Start.Line}:{e.Range.Start.Character} {e.NewText.ReplaceLineEndings("⏎")}"));
            }
        }

        Assert.Equal(["Renumber this FR-001 to FR-002", "Define [Retry rules] as #retry-rules"], titles);
        Assert.Equal(["4:5 FR-002", "9:0 ⏎[Retry rules]: #retry-rules⏎"], edits);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CodeLens_References_CountMentionsAndOpenThem(bool clientShowsReferences)
    {
        string folder = Directory.CreateTempSubdirectory("speclsp-lens").FullName;
        try
        {
            const string spec = "# Export\n\n#### FR-001: Export\nSee FR-001 and [risks](#risks).\n\n## Risks\n\n- **FR-002**: Queue after FR-001.\n";
            string path = Path.Combine(folder, "spec.md");
            File.WriteAllText(path, spec);
            string root = new Uri(folder).AbsoluteUri;
            string uri = new Uri(path).AbsoluteUri;
            string experimental = clientShowsReferences ? ""","experimental":{"commands":{"commands":["speclsp.showReferences"]}}""" : string.Empty;
            await using var client = LspTestClient.StartProcess();
            JsonElement? shown = null;
            client.ServerRequestHandler = (method, @params) =>
            {
                shown = method == Methods.WindowShowDocument ? @params.Clone() : shown;
                return method == Methods.WindowShowDocument ? """{"success":true}""" : "null";
            };
            var initialize = await client.RequestAsync(Methods.Initialize, $$$"""
                {"processId":null,"rootUri":"{{{root}}}","workspaceFolders":[{"uri":"{{{root}}}","name":"lens"}],
                 "capabilities":{"textDocument":{"codeLens":{},"inlayHint":{}},"window":{"showDocument":{"support":true}}{{{experimental}}}}}
                """);
            Assert.False(initialize.IsError, initialize.ErrorMessage);
            var commands = initialize.Result.GetProperty("capabilities").GetProperty("executeCommandProvider").GetProperty("commands").EnumerateArray().Select(c => c.GetString()).ToList();
            Assert.Equal(!clientShowsReferences, commands.Contains(CodeLensHandler.ShowReferencesCommand));
            await client.NotifyAsync(Methods.Initialized, "{}");
            await client.OpenAsync(uri, spec);

            var lenses = await client.RequestAsync(
                Methods.TextDocumentCodeLens,
                new CodeLensParams { TextDocument = new TextDocumentIdentifier { Uri = uri } },
                LspJsonContext.Default.CodeLensParams,
                LspJsonContext.Default.CodeLensArray);

            Assert.Equal(["2: 2 references", "5: 1 reference", "7: no references"], lenses!.Select(l => $"{l.Range.Start.Line}: {l.Command!.Title}"));
            var command = lenses![0].Command!;
            Assert.Equal(CodeLensHandler.ShowReferencesCommand, command.CommandIdentifier);
            var locations = command.Arguments![2].Deserialize(LspJsonContext.Default.LocationArray)!;
            Assert.Equal([(3, 4), (7, 26)], locations.Select(l => (l.Range.Start.Line, l.Range.Start.Character)));
            Assert.Equal(2, command.Arguments[1].Deserialize(LspJsonContext.Default.Position)!.Line);

            if (!clientShowsReferences)
            {
                // A client that cannot list them asks the server, which opens the first.
                var execute = await client.RequestAsync(Methods.WorkspaceExecuteCommand, $$"""
                    {"command":"{{command.CommandIdentifier}}","arguments":[{{string.Join(",", command.Arguments.Select(a => a.GetRawText()))}}]}
                    """);
                Assert.False(execute.IsError, execute.ErrorMessage);
                Assert.Equal(3, shown?.GetProperty("selection").GetProperty("start").GetProperty("line").GetInt32());
            }

            Assert.Equal(0, await client.ShutdownAndExitAsync());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task CodeAction_SourceAsked_InsertsATableOfContentsAtTheCaret()
    {
        await using var client = LspTestClient.StartProcess();
        await client.InitializeAsync();
        await client.OpenAsync(Uri, Spec);
        var caret = new LspRange { Start = new LspPosition { Line = 1, Character = 0 }, End = new LspPosition { Line = 1, Character = 0 } };

        var plain = await client.RequestAsync(
            Methods.TextDocumentCodeAction,
            new CodeActionParams { TextDocument = new TextDocumentIdentifier { Uri = Uri }, Range = caret, Context = new CodeActionContext { Diagnostics = [] } },
            LspJsonContext.Default.CodeActionParams,
            LspJsonContext.Default.CodeActionArray);
        var asked = await client.RequestAsync(
            Methods.TextDocumentCodeAction,
            new CodeActionParams { TextDocument = new TextDocumentIdentifier { Uri = Uri }, Range = caret, Context = new CodeActionContext { Diagnostics = [], Only = [CodeActionKind.Source] } },
            LspJsonContext.Default.CodeActionParams,
            LspJsonContext.Default.CodeActionArray);

        Assert.DoesNotContain(plain!, a => a.Kind == "source.speclsp.tableOfContents");
        var toc = Assert.Single(asked!, a => a.Kind == "source.speclsp.tableOfContents");
        Assert.Equal("Insert table of contents", toc.Title);
        var edit = Assert.Single(toc.Edit!.Changes![Uri]);
        Assert.Equal("<!-- toc -->\n- [Requirements](#requirements)\n  - [FR-001: Export](#fr-001-export)\n<!-- tocstop -->\n", edit.NewText);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    private static async Task<SemanticTokens> FullAsync(LspTestClient client) =>
        (await client.RequestAsync(
            Methods.TextDocumentSemanticTokensFull,
            new SemanticTokensParams { TextDocument = new TextDocumentIdentifier { Uri = Uri } },
            LspJsonContext.Default.SemanticTokensParams,
            LspJsonContext.Default.SemanticTokens))!;

    // "type[+modifier] text" per token, decoded from the relative encoding.
    private static List<string> Decode(int[] data, SemanticTokensLegend legend, string text)
    {
        var lines = text.Split('\n');
        var result = new List<string>();
        int line = 0;
        int character = 0;
        for (int i = 0; i < data.Length; i += 5)
        {
            character = data[i] == 0 ? character + data[i + 1] : data[i + 1];
            line += data[i];
            string modifiers = string.Concat(legend.TokenModifiers.Where((_, bit) => (data[i + 4] & (1 << bit)) != 0).Select(m => "+" + m));
            result.Add($"{legend.TokenTypes[data[i + 3]]}{modifiers} {lines[line].Substring(character, data[i + 2])}");
        }

        return result;
    }

    // Each range of the chain as its text; a range over several lines as its first line and "…".
    private static List<string> Texts(SelectionRange range)
    {
        var lines = Spec.Split('\n');
        var result = new List<string>();
        for (SelectionRange? r = range; r is not null; r = r.Parent)
        {
            var (start, end) = (r.Range.Start, r.Range.End);
            result.Add(start.Line == end.Line ? lines[start.Line][start.Character..end.Character]
                : end.Line == start.Line + 1 && end.Character == lines[end.Line].Length ? lines[start.Line][start.Character..] + "\n" + lines[end.Line]
                : lines[start.Line][start.Character..] + "…");
        }

        return result;
    }
}
