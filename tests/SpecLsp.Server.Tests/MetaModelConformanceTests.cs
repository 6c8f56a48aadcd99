using System.Text.Json;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Tests.TestSupport;
using Xunit.Abstractions;

namespace SpecLsp.Server.Tests;

/// <summary>
/// Every message the real <c>speclsp</c> process sends, for every request it advertises, checked against the LSP
/// 3.17 meta-model (TestData/metaModel.json): once for a client that declares almost everything and once for a
/// client that declares almost nothing. Plus the validator's own tests.
/// </summary>
public sealed class MetaModelConformanceTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>A client declaring snippets, documentChanges with resource operations, Markdown hover, related information, link support, pull diagnostics, inlay hints, code lens and workspace folders.</summary>
    public const string RichCapabilities = """
        {"textDocument":{
           "synchronization":{"didSave":true,"dynamicRegistration":false},
           "completion":{"completionItem":{"snippetSupport":true,"documentationFormat":["markdown","plaintext"],"labelDetailsSupport":true,"insertReplaceSupport":true},"contextSupport":true},
           "hover":{"contentFormat":["markdown","plaintext"]},
           "definition":{"linkSupport":true},
           "references":{},
           "documentSymbol":{"hierarchicalDocumentSymbolSupport":true},
           "codeAction":{"codeActionLiteralSupport":{"codeActionKind":{"valueSet":["quickfix","refactor","source"]}},"isPreferredSupport":true,"dataSupport":true},
           "codeLens":{},
           "documentLink":{"tooltipSupport":true},
           "rename":{"prepareSupport":true},
           "publishDiagnostics":{"relatedInformation":true,"versionSupport":true,"codeDescriptionSupport":true,"dataSupport":true},
           "foldingRange":{"lineFoldingOnly":true},
           "inlayHint":{},
           "selectionRange":{},
           "documentHighlight":{},
           "semanticTokens":{"requests":{"range":false,"full":{"delta":true}},"tokenTypes":["type","property","enumMember","macro","keyword","variable"],"tokenModifiers":["declaration","readonly"],"formats":["relative"],"multilineTokenSupport":false,"overlappingTokenSupport":false},
           "diagnostic":{"relatedDocumentSupport":false}},
         "workspace":{"applyEdit":true,"workspaceEdit":{"documentChanges":true,"resourceOperations":["create","rename","delete"]},
           "configuration":true,"workspaceFolders":true,"didChangeWatchedFiles":{"dynamicRegistration":true},"symbol":{},"executeCommand":{},
           "diagnostics":{"refreshSupport":true},"inlayHint":{"refreshSupport":true},"codeLens":{"refreshSupport":true}},
         "window":{"workDoneProgress":true,"showDocument":{"support":true}},
         "general":{"positionEncodings":["utf-16"]}}
        """;

    /// <summary>No snippets, no documentChanges, plain-text hover, pushed diagnostics only.</summary>
    public const string MinimalCapabilities = """
        {"textDocument":{"hover":{"contentFormat":["plaintext"]},"completion":{"completionItem":{"snippetSupport":false}}},"general":{"positionEncodings":["utf-16"]}}
        """;

    private const string Spec = """
        # Feature Specification: CSV Export

        **Spec ID:** SPEC-2026-01-05-001
        **Status:** Draft
        **Created:** [YYYY-MM-DD]

        ## Overview

        ### Purpose
        Export projects, retried as in [the retry rules](other.md#retry-rules). See [the guide](missing.md),
        [a bad anchor](#overveiw), [a bad remote anchor](other.md#nowhere) and [the overview](#overview).

        ## Requirements

        #### FR1: Export the visible report
        Queued after FR1 has started; FR9 is not defined. Builds on SPEC-2026-01-05-002.

        - **FR2:** Large exports
        1. Typing shows matches
        2.

        ## Status
        - [x] Specification review
        - [ ] Design review
        - [ ] Implementation started

        ##
        """;

    private const string Other = """
        # Feature Specification: Retry

        **Spec ID:** SPEC-2026-01-05-002

        ## Retry rules
        Three attempts, then give up. Exports follow FR1 of [export](spec.md#fr1-export-the-visible-report).
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("speclsp-meta").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData(RichCapabilities)]
    [InlineData(MinimalCapabilities)]
    public async Task EveryAdvertisedRequest_ServerMessages_MatchTheMetaModel(string capabilities)
    {
        Directory.CreateDirectory(Path.Combine(_folder, "specs"));
        string specPath = Path.Combine(_folder, "specs", "spec.md");
        File.WriteAllText(specPath, Spec);
        File.WriteAllText(Path.Combine(_folder, "specs", "other.md"), Other);
        File.WriteAllText(Path.Combine(_folder, ".speclsp.yaml"), "severity: [unclosed\n");
        string root = new Uri(_folder).AbsoluteUri;
        string uri = new Uri(specPath).AbsoluteUri;

        await using var client = LspTestClient.StartProcess();
        client.ExpectProtocolViolations = true; // asserted below, with the list in the message
        var initialize = await client.RequestAsync(Methods.Initialize, $$$"""
            {"processId":null,"rootUri":"{{{root}}}","workspaceFolders":[{"uri":"{{{root}}}","name":"meta"}],"capabilities":{{{capabilities}}}}
            """);
        Assert.False(initialize.IsError, initialize.ErrorMessage);
        await client.NotifyAsync(Methods.Initialized, "{}");
        await client.OpenAsync(uri, Spec);
        var server = initialize.Result.GetProperty("capabilities");
        var advertised = AdvertisedRequests(server);

        string doc = $$$"""{"uri":"{{{uri}}}"}""";
        string At(string text, int offset = 0, int occurrence = 0) => $$$"""{"textDocument":{{{doc}}},"position":{{{Position(Spec, text, offset, occurrence)}}}}""";
        string[] positions =
        [
            At("FR1", 1, 1), At("FR1:", 1), At("retry rules](", 2), At("#overveiw", 3), At("## Overview", 4), At("FR9", 1),
            At("SPEC-2026-01-05-002", 5), At("[YYYY-MM-DD]", 3), At("- [ ] Design", 3), At("\n2.", 3),
        ];

        // Diagnostics first, once the workspace index has the links checked: pulled when the server offers it,
        // pushed otherwise. Their code actions come later.
        static bool Complete(JsonElement items) => items.EnumerateArray().Any(d => d.TryGetProperty("code", out var code) && code.GetString() == "broken-link");
        var diagnostics = new List<JsonElement>();
        if (advertised.Contains(Methods.TextDocumentDiagnostic))
        {
            using var timeout = new CancellationTokenSource(LspTestClient.Timeout);
            while (true)
            {
                var report = await client.RequestAsync(Methods.TextDocumentDiagnostic, $$$"""{"textDocument":{{{doc}}}}""");
                Assert.False(report.IsError, report.ErrorMessage);
                if (Complete(report.Result.GetProperty("items")))
                {
                    diagnostics.AddRange(report.Result.GetProperty("items").EnumerateArray());
                    break;
                }

                await Task.Delay(100, timeout.Token);
            }

            // Pulled again with the result id: an unchanged report, when the server keeps result ids.
            var full = await client.RequestAsync(Methods.TextDocumentDiagnostic, $$$"""{"textDocument":{{{doc}}}}""");
            if (full.Result.TryGetProperty("resultId", out var resultId))
            {
                await client.RequestAsync(Methods.TextDocumentDiagnostic, $$$"""{"textDocument":{{{doc}}},"previousResultId":{{{resultId.GetRawText()}}}}""");
            }

            var configuration = await client.RequestAsync(Methods.TextDocumentDiagnostic, $$$"""{"textDocument":{"uri":"{{{root}}}/.speclsp.yaml"}}""");
            Assert.False(configuration.IsError, configuration.ErrorMessage);
        }
        else
        {
            var pushed = await client.WaitForNotificationAsync(
                Methods.TextDocumentPublishDiagnostics, p => p.GetProperty("uri").GetString() == uri && Complete(p.GetProperty("diagnostics")));
            diagnostics.AddRange(pushed.GetProperty("diagnostics").EnumerateArray());
        }

        Assert.NotEmpty(diagnostics);
        var responses = new List<(string Method, LspResponse Response)>();
        async Task Send(string method, string @params)
        {
            if (advertised.Contains(method))
            {
                responses.Add((method, await client.RequestAsync(method, @params)));
            }
        }

        // The typed "## " and "##" lines, and every position above.
        int last = Spec.Split('\n').Length - 1;
        await Send(Methods.TextDocumentCompletion, $$$"""{"textDocument":{{{doc}}},"position":{"line":{{{last}}},"character":2}}""");
        await Send(Methods.TextDocumentCompletion, $$$"""{"textDocument":{{{doc}}},"position":{"line":{{{last}}},"character":2},"context":{"triggerKind":2,"triggerCharacter":"#"}}""");
        await Send(Methods.TextDocumentCompletion, At("(other.md", 1));
        await Send(Methods.TextDocumentCompletion, At("other.md#", 9));
        foreach (string position in positions)
        {
            await Send(Methods.TextDocumentCompletion, position);
            await Send(Methods.TextDocumentHover, position);
            await Send(Methods.TextDocumentDefinition, position);
            await Send(Methods.TextDocumentReferences, position[..^1] + ""","context":{"includeDeclaration":true}}""");
            await Send(Methods.TextDocumentDocumentHighlight, position);
            await Send(Methods.TextDocumentPrepareRename, position);

            // Rename where prepareRename allows it, to a name of the same kind.
            var prepared = responses[^1];
            if (prepared.Method == Methods.TextDocumentPrepareRename && !prepared.Response.IsError && prepared.Response.Result.ValueKind == JsonValueKind.Object)
            {
                string placeholder = prepared.Response.Result.TryGetProperty("placeholder", out var p) ? p.GetString() ?? string.Empty : string.Empty;
                string newName = placeholder.StartsWith("SPEC-", StringComparison.Ordinal) ? "SPEC-2026-01-05-009"
                    : placeholder.StartsWith("FR", StringComparison.Ordinal) ? "FR10" : "Renamed heading";
                await Send(Methods.TextDocumentRename, position[..^1] + $$$""","newName":"{{{newName}}}"}""");
            }
        }

        // A rename the server refuses is an error response, checked as one.
        await Send(Methods.TextDocumentRename, At("Export projects", 2)[..^1] + ""","newName":"Nothing"}""");
        foreach (var diagnostic in diagnostics)
        {
            await Send(Methods.TextDocumentCodeAction, $$$"""{"textDocument":{{{doc}}},"range":{{{diagnostic.GetProperty("range").GetRawText()}}},"context":{"diagnostics":[{{{diagnostic.GetRawText()}}}]}}""");
        }

        await Send(Methods.TextDocumentCodeAction, $$$"""{"textDocument":{{{doc}}},"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}},"context":{"diagnostics":[]}}""");
        await Send(Methods.TextDocumentCodeAction, $$$"""{"textDocument":{{{doc}}},"range":{"start":{"line":0,"character":0},"end":{"line":{{{last}}},"character":0}},"context":{"diagnostics":[],"only":["source"]}}""");
        await Send(Methods.TextDocumentDocumentSymbol, $$$"""{"textDocument":{{{doc}}}}""");
        await Send(Methods.WorkspaceSymbol, """{"query":""}""");
        await Send(Methods.WorkspaceSymbol, """{"query":"FR"}""");
        await Send(Methods.TextDocumentFoldingRange, $$$"""{"textDocument":{{{doc}}}}""");
        await Send(Methods.TextDocumentDocumentLink, $$$"""{"textDocument":{{{doc}}}}""");
        await Send(Methods.TextDocumentInlayHint, $$$"""{"textDocument":{{{doc}}},"range":{"start":{"line":0,"character":0},"end":{"line":{{{last}}},"character":0}} }""");
        await Send(Methods.TextDocumentCodeLens, $$$"""{"textDocument":{{{doc}}}}""");
        if (server.TryGetProperty("workspace", out var workspaceCapabilities) && workspaceCapabilities.TryGetProperty("fileOperations", out _))
        {
            advertised.Add(Methods.WorkspaceWillRenameFiles);
            await Send(Methods.WorkspaceWillRenameFiles, $$$"""{"files":[{"oldUri":"{{{root}}}/specs/other.md","newUri":"{{{root}}}/moved/other.md"}]}""");
        }

        await Send(Methods.TextDocumentSelectionRange, $$$"""{"textDocument":{{{doc}}},"positions":[{{{Position(Spec, "FR1", 1, 1)}}},{{{Position(Spec, "[ ] Design", 1, 0)}}},{"line":0,"character":0}]}""");
        await Send(Methods.TextDocumentSemanticTokensFull, $$$"""{"textDocument":{{{doc}}}}""");
        if (responses.LastOrDefault(r => r.Method == Methods.TextDocumentSemanticTokensFull).Response is { IsError: false } tokens && tokens.Result.TryGetProperty("resultId", out var tokensId))
        {
            advertised.Add(Methods.TextDocumentSemanticTokensFullDelta);
            await Send(Methods.TextDocumentSemanticTokensFullDelta, $$$"""{"textDocument":{{{doc}}},"previousResultId":{{{tokensId.GetRawText()}}}}""");
            await Send(Methods.TextDocumentSemanticTokensFullDelta, $$$"""{"textDocument":{{{doc}}},"previousResultId":"gone"}""");
        }
        await Send(Methods.WorkspaceDiagnostic, """{"previousResultIds":[]}""");
        if (responses.LastOrDefault(r => r.Method == Methods.WorkspaceDiagnostic).Response is { IsError: false } workspaceReport)
        {
            // Again with the ids just handed out (unchanged reports), one the server never gave and one for a file that is not there.
            var ids = workspaceReport.Result.GetProperty("items").EnumerateArray()
                .Where(i => i.TryGetProperty("resultId", out _))
                .Select(i => $$$"""{"uri":{{{i.GetProperty("uri").GetRawText()}}},"value":{{{i.GetProperty("resultId").GetRawText()}}}}""")
                .Append($$$"""{"uri":"{{{root}}}/gone.md","value":"stale"}""");
            Assert.NotEmpty(workspaceReport.Result.GetProperty("items").EnumerateArray());
            await Send(Methods.WorkspaceDiagnostic, $$$"""{"previousResultIds":[{{{string.Join(",", ids)}}}]}""");
            await Send(Methods.WorkspaceDiagnostic, $$$"""{"identifier":"speclsp","previousResultIds":[{"uri":"{{{uri}}}","value":"never-given"}]}""");
        }

        await Send("textDocument/formatting", $$$"""{"textDocument":{{{doc}}},"options":{"tabSize":2,"insertSpaces":true}}""");

        // Every command the server handed out (in code actions and lenses), then each advertised one.
        var commands = new List<string>();
        foreach (var (method, response) in responses.Where(r => !r.Response.IsError && r.Response.Result.ValueKind == JsonValueKind.Array).ToList())
        {
            foreach (var item in response.Result.EnumerateArray())
            {
                // A CodeAction or CodeLens carries a Command object; a bare Command is one.
                var command = !item.TryGetProperty("command", out var c) ? default : c.ValueKind == JsonValueKind.String ? item : c;
                if (command.ValueKind == JsonValueKind.Object)
                {
                    string arguments = command.TryGetProperty("arguments", out var a) ? a.GetRawText() : "[]";
                    commands.Add($$$"""{"command":{{{command.GetProperty("command").GetRawText()}}},"arguments":{{{arguments}}}}""");
                }
            }
        }

        if (server.TryGetProperty("executeCommandProvider", out var execute))
        {
            commands.Add($$$"""{"command":"speclsp.selectRange","arguments":["{{{uri}}}",{"start":{"line":4,"character":13},"end":{"line":4,"character":25}}]}""");
            commands.AddRange(execute.GetProperty("commands").EnumerateArray().Select(c => $$$"""{"command":{{{c.GetRawText()}}},"arguments":[]}"""));
        }

        foreach (string command in commands.Distinct(StringComparer.Ordinal))
        {
            await Send(Methods.WorkspaceExecuteCommand, command);
        }

        // A folder added and a file changed on disk, edits, then saving and closing bring more messages
        // (progress, registrations, diagnostics, logs) to check.
        string added = Directory.CreateTempSubdirectory("speclsp-meta-added").FullName;
        try
        {
            File.WriteAllText(Path.Combine(added, "added.md"), "# Added\n\nSee [export](missing.md).\n");
            string addedUri = new Uri(added).AbsoluteUri;
            await client.NotifyAsync(Methods.WorkspaceDidChangeWorkspaceFolders, $$$"""{"event":{"added":[{"uri":"{{{addedUri}}}","name":"added"}],"removed":[]}}""");
            await client.NotifyAsync(Methods.WorkspaceDidChangeWatchedFiles, $$$"""{"changes":[{"uri":"{{{root}}}/specs/other.md","type":2}]}""");
            await Send(Methods.WorkspaceSymbol, """{"query":"Added"}""");
            await client.NotifyAsync(Methods.WorkspaceDidChangeWorkspaceFolders, $$$"""{"event":{"added":[],"removed":[{"uri":"{{{addedUri}}}","name":"added"}]}}""");
            await Send(Methods.WorkspaceSymbol, """{"query":"Added"}""");
        }
        finally
        {
            Directory.Delete(added, recursive: true);
        }

        await client.ChangeAsync(uri, 2, new TextDocumentContentChangeEvent { Range = Range(last, 2, last, 2), Text = " " });
        await Send(Methods.TextDocumentCompletion, $$$"""{"textDocument":{{{doc}}},"position":{"line":{{{last}}},"character":3},"context":{"triggerKind":2,"triggerCharacter":" "}}""");
        await client.NotifyAsync(Methods.TextDocumentDidSave, $$$"""{"textDocument":{{{doc}}}}""");
        await client.CloseAsync(uri);
        await Send(Methods.TextDocumentDocumentSymbol, $$$"""{"textDocument":{{{doc}}}}""");
        Assert.Equal(0, await client.ShutdownAndExitAsync());

        Assert.True(client.ProtocolViolations.Count == 0, string.Join("\n", client.ProtocolViolations));
        Assert.All(responses, r => Assert.False(r.Response.IsError && r.Method is not (Methods.WorkspaceExecuteCommand or Methods.TextDocumentRename), $"{r.Method}: {r.Response.ErrorCode} {r.Response.ErrorMessage}"));
        var validated = client.ValidatedMessages;
        output.WriteLine("Validated: " + string.Join(", ", validated.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key} {v.Value}")));
        if (Environment.GetEnvironmentVariable("SPECLSP_META_DUMP") is { Length: > 0 } dump)
        {
            File.WriteAllLines(dump + (capabilities == RichCapabilities ? ".rich" : ".minimal"), responses.Select(r => $"{r.Method} {(r.Response.IsError ? r.Response.ErrorMessage : r.Response.Result.GetRawText())}"));
        }

        Assert.All(advertised, method => Assert.True(validated.ContainsKey(method + " result"), $"{method} was advertised but no result of it was validated"));
        Assert.True(validated.ContainsKey("initialize result"));
        Assert.True(validated.ContainsKey("shutdown result"));
        if (capabilities == RichCapabilities)
        {
            Assert.Contains(Methods.TextDocumentInlayHint, advertised);
            Assert.Contains(Methods.TextDocumentDiagnostic, advertised);
            Assert.Contains(Methods.TextDocumentSemanticTokensFullDelta, advertised);
            Assert.True(validated.ContainsKey(Methods.ClientRegisterCapability + " params"), string.Join(", ", validated.Keys));
        }
        else
        {
            Assert.Contains(Methods.TextDocumentCodeLens, advertised);
            Assert.DoesNotContain(Methods.TextDocumentSemanticTokensFull, advertised);
            Assert.True(validated.ContainsKey(Methods.TextDocumentPublishDiagnostics + " params"), string.Join(", ", validated.Keys));
        }
    }

    [Fact]
    public void Validator_RenameResultWhoseTextDocumentEditLacksVersion_Reported()
    {
        var violations = ValidateRename("""{"documentChanges":[{"textDocument":{"uri":"file:///a.md"},"edits":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":3}},"newText":"FR2"}]}]}""");

        Assert.Equal(["textDocument/rename result.documentChanges[0].textDocument: missing required 'version' (OptionalVersionedTextDocumentIdentifier)"], violations);
    }

    [Fact]
    public void Validator_UnknownProperty_Reported()
    {
        var violations = ValidateRename("""{"documentChanges":[{"textDocument":{"uri":"file:///a.md","version":null},"edits":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":3}},"newText":"FR2","extra":1}]}]}""");

        Assert.Equal(["textDocument/rename result.documentChanges[0].edits[0]: unknown property 'extra' (TextEdit)"], violations);
    }

    [Theory]
    [InlineData("""{"documentChanges":[{"textDocument":{"uri":"file:///a.md","version":null},"edits":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":3}},"newText":"FR2"}]}]}""")]
    [InlineData("""{"documentChanges":[{"textDocument":{"uri":"file:///a.md","version":7},"edits":[]},{"kind":"create","uri":"file:///b.md","options":{"ignoreIfExists":true}}]}""")]
    [InlineData("""{"changes":{"file:///a.md":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":3}},"newText":"FR2"}]}}""")]
    [InlineData("null")]
    public void Validator_ValidRenameResult_NoViolation(string result) => Assert.Empty(ValidateRename(result));

    [Theory]
    [InlineData("textDocument/hover", """{"contents":{"kind":"markdown","value":"x"},"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":1}}}""", "")]
    [InlineData("textDocument/hover", """{"contents":{"kind":"html","value":"x"}}""", "textDocument/hover result.contents.kind: \"html\" is not a value of enumeration MarkupKind")]
    [InlineData("textDocument/completion", """{"isIncomplete":false,"items":[{"label":"a","kind":99}]}""", "textDocument/completion result.items[0].kind: 99 is not a value of enumeration CompletionItemKind")]
    [InlineData("textDocument/completion", """{"isIncomplete":false,"items":[{"label":"a","data":{"anything":[1,{"x":null}]}}]}""", "")]
    [InlineData("textDocument/foldingRange", """[{"startLine":-1,"endLine":2,"kind":"custom"}]""", "textDocument/foldingRange result[0].startLine: expected uinteger, got number -1")]
    [InlineData("textDocument/definition", """[{"targetUri":"file:///a.md","targetRange":{"start":{"line":0,"character":0},"end":{"line":0,"character":1}},"targetSelectionRange":{"start":{"line":0,"character":0},"end":{"line":0,"character":1}}}]""", "")]
    [InlineData("textDocument/documentLink", """[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":1}},"target":"not a uri"}]""", "textDocument/documentLink result[0].target: expected URI (an absolute URI with a scheme), got string \"not a uri\"")]
    [InlineData("textDocument/documentSymbol", "7", "textDocument/documentSymbol result: expected SymbolInformation[] | DocumentSymbol[] | null, got number 7")]
    public void Validator_Results_ReportedWithPath(string method, string result, string expected)
    {
        using var json = JsonDocument.Parse(result);

        var violations = MetaModelValidator.Default.ValidateResult(method, json.RootElement)!;

        Assert.Equal(expected.Length == 0 ? [] : [expected], violations.Select(v => v.ToString()));
    }

    [Fact]
    public void Validator_NotificationParams_Checked()
    {
        using var json = JsonDocument.Parse("""{"uri":"file:///a.md","version":3,"diagnostics":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":1}},"message":"m","severity":5}]}""");

        var violations = MetaModelValidator.Default.ValidateNotificationParams(Methods.TextDocumentPublishDiagnostics, json.RootElement, hasParams: true)!;

        Assert.Equal(["textDocument/publishDiagnostics params.diagnostics[0].severity: 5 is not a value of enumeration DiagnosticSeverity"], violations.Select(v => v.ToString()));
        Assert.Null(MetaModelValidator.Default.ValidateNotificationParams("speclsp/custom", json.RootElement, hasParams: true));
    }

    [Theory]
    [InlineData("$/progress", """{"token":"t","value":{"kind":"begin","title":"Indexing","percentage":0}}""", "")]
    [InlineData("$/progress", """{"token":"t","value":{"kind":"report","percent":5}}""", "$/progress params.value: unknown property 'percent' (WorkDoneProgressReport)")]
    [InlineData("$/progress", """{"token":"t","value":{"partial":[1]}}""", "")]
    public void Validator_ProgressValue_CheckedAsWorkDoneProgress(string method, string @params, string expected)
    {
        using var json = JsonDocument.Parse(@params);

        var violations = MetaModelValidator.Default.ValidateNotificationParams(method, json.RootElement, hasParams: true)!;

        Assert.Equal(expected.Length == 0 ? [] : [expected], violations.Select(v => v.ToString()));
    }

    [Theory]
    [InlineData("""{"registrations":[{"id":"1","method":"workspace/didChangeWatchedFiles","registerOptions":{"watchers":[{"globPattern":"**/*.md"}]}}]}""", "")]
    [InlineData("""{"registrations":[{"id":"1","method":"workspace/didChangeWatchedFiles","registerOptions":{"watchers":[{"globPattern":"**/*.md","kind":"create"}]}}]}""", "client/registerCapability params.registrations[0].registerOptions.watchers[0].kind: expected uinteger, got string \"create\" (WatchKind)")]
    [InlineData("""{"registrations":[{"id":"1","method":"workspace/didChangeWatchedFiles","registerOptions":{"globs":["**/*.md"]}}]}""", "client/registerCapability params.registrations[0].registerOptions: missing required 'watchers' (DidChangeWatchedFilesRegistrationOptions)")]
    public void Validator_RegisterOptions_CheckedAgainstTheRegisteredMethod(string @params, string expected)
    {
        using var json = JsonDocument.Parse(@params);

        var violations = MetaModelValidator.Default.ValidateRequestParams("client/registerCapability", json.RootElement, hasParams: true)!;

        Assert.Equal(expected.Length == 0 ? [] : [expected], violations.Select(v => v.ToString()).Take(1));
    }

    [Fact]
    public void Validator_ResponseError_ShapeChecked()
    {
        using var good = JsonDocument.Parse("""{"code":-32602,"message":"bad","data":{"x":1}}""");
        using var bad = JsonDocument.Parse("""{"code":"x","stack":"..."}""");

        Assert.Empty(MetaModelValidator.Default.ValidateResponseError(good.RootElement, "error"));
        Assert.Equal(
            ["error.code: expected integer, got string \"x\"", "error: missing required 'message' (ResponseError)", "error: unknown property 'stack' (ResponseError)"],
            MetaModelValidator.Default.ValidateResponseError(bad.RootElement, "error").Select(v => v.ToString()));
    }

    private static string[] ValidateRename(string result)
    {
        using var json = JsonDocument.Parse(result);
        return [.. MetaModelValidator.Default.ValidateResult(Methods.TextDocumentRename, json.RootElement)!.Select(v => v.ToString())];
    }

    private static HashSet<string> AdvertisedRequests(JsonElement capabilities)
    {
        var providers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["completionProvider"] = Methods.TextDocumentCompletion,
            ["hoverProvider"] = Methods.TextDocumentHover,
            ["definitionProvider"] = Methods.TextDocumentDefinition,
            ["referencesProvider"] = Methods.TextDocumentReferences,
            ["renameProvider"] = Methods.TextDocumentRename,
            ["codeActionProvider"] = Methods.TextDocumentCodeAction,
            ["documentSymbolProvider"] = Methods.TextDocumentDocumentSymbol,
            ["workspaceSymbolProvider"] = Methods.WorkspaceSymbol,
            ["foldingRangeProvider"] = Methods.TextDocumentFoldingRange,
            ["documentLinkProvider"] = Methods.TextDocumentDocumentLink,
            ["inlayHintProvider"] = Methods.TextDocumentInlayHint,
            ["codeLensProvider"] = Methods.TextDocumentCodeLens,
            ["diagnosticProvider"] = Methods.TextDocumentDiagnostic,
            ["executeCommandProvider"] = Methods.WorkspaceExecuteCommand,
            ["documentFormattingProvider"] = "textDocument/formatting",
            ["selectionRangeProvider"] = Methods.TextDocumentSelectionRange,
            ["documentHighlightProvider"] = Methods.TextDocumentDocumentHighlight,
            ["semanticTokensProvider"] = Methods.TextDocumentSemanticTokensFull,
        };
        var advertised = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in capabilities.EnumerateObject())
        {
            if (property.Value.ValueKind is JsonValueKind.False or JsonValueKind.Null)
            {
                continue;
            }

            if (providers.TryGetValue(property.Name, out string? method))
            {
                advertised.Add(method);
            }
            else if (property.Name.EndsWith("Provider", StringComparison.Ordinal))
            {
                throw new Xunit.Sdk.XunitException($"{property.Name} is advertised: send its requests in this test.");
            }

            if (property.Name == "renameProvider" && property.Value.ValueKind == JsonValueKind.Object
                && property.Value.TryGetProperty("prepareProvider", out var prepare) && prepare.ValueKind == JsonValueKind.True)
            {
                advertised.Add(Methods.TextDocumentPrepareRename);
            }

            if (property.Name == "diagnosticProvider" && property.Value.TryGetProperty("workspaceDiagnostics", out var workspace) && workspace.ValueKind == JsonValueKind.True)
            {
                advertised.Add("workspace/diagnostic");
            }

            if (property.Name is "completionProvider" or "codeLensProvider" or "documentLinkProvider" or "inlayHintProvider"
                && property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("resolveProvider", out var resolve) && resolve.ValueKind == JsonValueKind.True)
            {
                throw new Xunit.Sdk.XunitException($"{property.Name} now resolves: send its resolve request in this test.");
            }
        }

        return advertised;
    }

    private static string Position(string text, string find, int offset, int occurrence)
    {
        int index = -1;
        for (int i = 0; i <= occurrence; i++)
        {
            index = text.IndexOf(find, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, $"'{find}' (occurrence {occurrence}) is not in the spec");
        }

        index += offset;
        int line = text[..index].Count(c => c == '\n');
        int character = index - (text.LastIndexOf('\n', index - 1) + 1);
        return $$$"""{"line":{{{line}}},"character":{{{character}}}}""";
    }

    private static Protocol.Lsp.Range Range(int startLine, int startCharacter, int endLine, int endCharacter) =>
        new() { Start = new Position { Line = startLine, Character = startCharacter }, End = new Position { Line = endLine, Character = endCharacter } };
}
