using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpecLsp.Core.Analysis;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Symbols;
using SpecLsp.Core.Text;
using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Diagnostics;
using SpecLsp.Server.Tests.TestSupport;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Tests;

/// <summary>End to end against the server in this process, over two cross-wired pipes.</summary>
public sealed class LanguageServerTests
{
    private const string Uri = "file:///work/spec.md";

    private const string Spec = """
        # Feature Specification: Export 😀

        **Status:** Draft

        ## Overview

        Some text.

        ## Requirements

        ### Functional Requirements

        #### FR1: Export CSV

        Details.
        """;

    private const string PullCapabilities = """{"textDocument":{"diagnostic":{"dynamicRegistration":false},"documentSymbol":{"hierarchicalDocumentSymbolSupport":true}}}""";

    [Fact]
    public async Task Initialize_PushClient_AdvertisesIncrementalSyncAndFeatures()
    {
        await using var client = LspTestClient.StartInProcess();

        var result = await client.InitializeAsync();

        Assert.Equal(TextDocumentSyncKind.Incremental, result.Capabilities.TextDocumentSync!.Options!.Change);
        Assert.True(result.Capabilities.TextDocumentSync.Options.OpenClose);
        Assert.True(result.Capabilities.DocumentSymbolProvider);
        Assert.True(result.Capabilities.FoldingRangeProvider);
        Assert.True(result.Capabilities.WorkspaceSymbolProvider);
        Assert.Null(result.Capabilities.DiagnosticProvider);
        Assert.Equal(PositionEncodingKind.UTF16, result.Capabilities.PositionEncoding);
        Assert.Equal("speclsp", result.ServerInfo!.Name);
    }

    [Fact]
    public async Task Initialize_PullClient_AdvertisesDiagnosticProvider()
    {
        await using var client = LspTestClient.StartInProcess();

        var result = await client.InitializeAsync(PullCapabilities);

        Assert.False(result.Capabilities.DiagnosticProvider!.InterFileDependencies);
    }

    [Fact]
    public async Task CodeLens_ClientGivenInlayHints_NoLenses()
    {
        await using var client = LspTestClient.StartInProcess();
        var result = await client.InitializeAsync("""{"textDocument":{"inlayHint":{}}}""");

        await client.OpenAsync(Uri, "# Spec\n\n## Tasks\n\n- [x] one\n- [ ] two\n");
        var response = await client.RequestAsync(Methods.TextDocumentCodeLens, TextDocument(Uri));

        Assert.Null(result.Capabilities.CodeLensProvider);
        Assert.True(response.IsError || response.Result.ValueKind != JsonValueKind.Array || response.Result.GetArrayLength() == 0);
    }

    [Fact]
    public async Task CodeLens_ClientWithoutInlayHints_LensCommandIsRegistered()
    {
        await using var client = LspTestClient.StartInProcess();
        var result = await client.InitializeAsync("{}");

        await client.OpenAsync(Uri, "# Spec\n\n## Tasks\n\n- [x] one\n- [ ] two\n");
        var response = await client.RequestAsync(Methods.TextDocumentCodeLens, TextDocument(Uri));

        Assert.NotNull(result.Capabilities.CodeLensProvider);
        Assert.NotEmpty(response.Result.EnumerateArray());
        Assert.All(response.Result.EnumerateArray(), lens =>
        {
            string command = lens.GetProperty("command").GetProperty("command").GetString()!;
            Assert.NotEmpty(command);
            Assert.Contains(command, result.Capabilities.ExecuteCommandProvider!.Commands!);
        });
    }

    [Fact]
    public async Task Initialized_LogsReadyToWindowLogMessage()
    {
        await using var client = LspTestClient.StartInProcess();

        await client.InitializeAsync();

        var log = await client.WaitForNotificationAsync(Methods.WindowLogMessage, p => p.GetProperty("message").GetString()!.Contains("ready", StringComparison.Ordinal));
        Assert.Equal((int)MessageType.Info, log.GetProperty("type").GetInt32());
    }

    [Fact]
    public async Task DocumentSymbol_OpenDocument_IsCoreOutline()
    {
        await using var client = LspTestClient.StartInProcess();
        await client.InitializeAsync();

        await client.OpenAsync(Uri, Spec);
        var response = await client.RequestAsync(Methods.TextDocumentDocumentSymbol, TextDocument(Uri));

        var expected = SymbolDump.FromCore(DocumentSymbols.Compute(SpecParser.Parse(SourceText.From(Spec))));
        Assert.Equal(expected, SymbolDump.FromLsp(response.Result));
    }

    [Theory]
    [InlineData(false, """
        Export 😀 now [File] (0,0)-(3,0) sel (0,2)-(0,15)
          FR1: Thing 😀 [String] (2,0)-(3,0) sel (2,3)-(2,16)

        """)]
    [InlineData(true, """
        Export 😀 now [File] (0,0)-(3,0) sel (0,2)-(0,17)
          FR1: Thing 😀 [String] (2,0)-(3,0) sel (2,3)-(2,18)

        """)]
    public async Task DocumentSymbol_EmojiHeadings_RangesInNegotiatedEncoding(bool utf8, string expected)
    {
        await using var client = LspTestClient.StartInProcess();
        await client.InitializeAsync(utf8 ? """{"general":{"positionEncodings":["utf-8"]},"textDocument":{"documentSymbol":{"hierarchicalDocumentSymbolSupport":true}}}""" : LspTestClient.DefaultCapabilities);

        await client.OpenAsync(Uri, "# Export 😀 now\r\n\r\n## FR1: Thing 😀\r\n");
        var response = await client.RequestAsync(Methods.TextDocumentDocumentSymbol, TextDocument(Uri));

        Assert.Equal(expected.ReplaceLineEndings("\n"), SymbolDump.Detailed(response.Result));
    }

    [Fact]
    public async Task DocumentSymbol_ClientWithoutHierarchy_FlatSymbolInformation()
    {
        await using var client = LspTestClient.StartInProcess();
        await client.InitializeAsync("{}");

        await client.OpenAsync(Uri, Spec);
        var response = await client.RequestAsync(Methods.TextDocumentDocumentSymbol, TextDocument(Uri));

        var core = DocumentSymbols.Compute(SpecParser.Parse(SourceText.From(Spec)));
        Assert.Equal(CountNodes(core), response.Result.GetArrayLength());
        Assert.All(response.Result.EnumerateArray(), s =>
        {
            Assert.Equal(Uri, s.GetProperty("location").GetProperty("uri").GetString());
            Assert.False(s.TryGetProperty("children", out _));
        });
        // The heading "#### FR1: Export CSV" is the ID's one symbol.
        Assert.DoesNotContain(response.Result.EnumerateArray(), s => s.GetProperty("name").GetString() == "FR1");
        var fr1 = response.Result.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "FR1: Export CSV");
        Assert.Equal("Functional Requirements", fr1.GetProperty("containerName").GetString());
        Assert.Equal(5, response.Result.GetArrayLength());
    }

    [Fact]
    public async Task Initialize_ParamsWithoutCapabilities_AnswersAsForAClientThatDeclaresNothing()
    {
        await using var client = LspTestClient.StartInProcess();

        var response = await client.RequestAsync(Methods.Initialize, "{}");

        Assert.False(response.IsError, response.ErrorMessage);
        Assert.Equal("utf-16", response.Result.GetProperty("capabilities").GetProperty("positionEncoding").GetString());
    }

    [Fact]
    public async Task DocumentSymbol_UnknownDocument_EmptyArray()
    {
        await using var client = LspTestClient.StartInProcess();
        await client.InitializeAsync();

        var response = await client.RequestAsync(Methods.TextDocumentDocumentSymbol, """{"textDocument":{"uri":"file:///nope.md"}}""");

        Assert.Equal(0, response.Result.GetArrayLength());
    }

    [Fact]
    public async Task FoldingRangeAndWorkspaceSymbol_OpenDocument_Answer()
    {
        await using var client = LspTestClient.StartInProcess();
        await client.InitializeAsync();
        await client.OpenAsync(Uri, Spec);

        var folding = await client.RequestAsync(Methods.TextDocumentFoldingRange, TextDocument(Uri));
        var symbols = await client.RequestAsync(Methods.WorkspaceSymbol, """{"query":"fr"}""");

        var model = SpecParser.Parse(SourceText.From(Spec));
        Assert.Equal(
            string.Join(";", Core.Folding.FoldingRanges.Compute(model).Select(f => $"{f.StartLine}-{f.EndLine}")),
            string.Join(";", folding.Result.EnumerateArray().Select(f => $"{f.GetProperty("startLine")}-{f.GetProperty("endLine")}")));
        // "## Overview" folds down to its text, leaving the blank line before the next heading visible.
        Assert.Contains(folding.Result.EnumerateArray(), f => f.GetProperty("startLine").GetInt32() == 4 && f.GetProperty("endLine").GetInt32() == 6);
        Assert.Equal(WorkspaceSymbols.Search([new(Uri, model)], "fr").Length, symbols.Result.GetArrayLength());
        var fr1 = symbols.Result.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "FR1: Export CSV");
        Assert.Equal((int)SymbolKind.String, fr1.GetProperty("kind").GetInt32()); // its heading: one symbol, not a heading and an ID
        Assert.Equal(Uri, fr1.GetProperty("location").GetProperty("uri").GetString());
        var start = fr1.GetProperty("location").GetProperty("range").GetProperty("start");
        Assert.Equal((12, 5), (start.GetProperty("line").GetInt32(), start.GetProperty("character").GetInt32()));
    }

    [Fact]
    public async Task Diagnostics_PushClient_PublishedWithVersionAndEveryField()
    {
        await using var client = LspTestClient.StartInProcess(services => services.AddSingleton<IDocumentAnalyzer>(new WordAnalyzer("TODO")));
        await client.InitializeAsync();

        await client.OpenAsync(Uri, "# 😀 TODO\n", version: 4);

        var published = await client.WaitForDiagnosticsAsync(Uri, version: 4);

        // The real placeholder analyzer reports the lone TODO as well; this test is about the fake's fields.
        var diagnostic = Assert.Single(published.Diagnostics, d => d.Code?.String == DiagnosticCodes.TemplateText);
        Assert.Equal((0, 5, 0, 9), (diagnostic.Range.Start.Line, diagnostic.Range.Start.Character, diagnostic.Range.End.Line, diagnostic.Range.End.Character));
        Assert.Equal(Protocol.Lsp.DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(DiagnosticCodes.TemplateText, diagnostic.Code?.String);
        Assert.Equal("speclsp", diagnostic.Source);
        Assert.Equal([DiagnosticTag.Unnecessary], diagnostic.Tags);
        Assert.Equal("TODO", diagnostic.Data!.Value.GetProperty("word").GetString());
        var related = Assert.Single(diagnostic.RelatedInformation!);
        Assert.Equal(Uri, related.Location.Uri);
        Assert.Equal("first character", related.Message);
    }

    [Fact]
    public async Task Diagnostics_PushClientWithoutRelatedInformation_NoneSent()
    {
        await using var client = LspTestClient.StartInProcess(services => services.AddSingleton<IDocumentAnalyzer>(new WordAnalyzer("TODO")));
        await client.InitializeAsync("""{"textDocument":{"publishDiagnostics":{"versionSupport":true}}}""");

        await client.OpenAsync(Uri, "# 😀 TODO\n", version: 4);

        var published = await client.WaitForDiagnosticsAsync(Uri, version: 4);
        var diagnostic = Assert.Single(published.Diagnostics, d => d.Code?.String == DiagnosticCodes.TemplateText);
        Assert.Null(diagnostic.RelatedInformation);
    }

    [Fact]
    public async Task Diagnostics_Utf8Client_RangesInBytes()
    {
        await using var client = LspTestClient.StartInProcess(services => services.AddSingleton<IDocumentAnalyzer>(new WordAnalyzer("TODO")));
        await client.InitializeAsync("""{"general":{"positionEncodings":["utf-8","utf-16"]}}""");

        await client.OpenAsync(Uri, "# 😀é TODO\n");

        var diagnostic = Assert.Single((await client.WaitForDiagnosticsAsync(Uri, version: 1)).Diagnostics);
        Assert.Equal((9, 13), (diagnostic.Range.Start.Character, diagnostic.Range.End.Character));
    }

    [Fact]
    public async Task Diagnostics_InvalidFrontMatter_PushedFromTheParser()
    {
        await using var client = LspTestClient.StartInProcess();
        await client.InitializeAsync();

        await client.OpenAsync(Uri, "---\ntitle: [unclosed\n---\n# T\n", version: 2);

        var published = await client.WaitForDiagnosticsAsync(Uri, version: 2);
        Assert.Contains(published.Diagnostics, d => d.Code?.String == DiagnosticCodes.InvalidFrontMatter && d.Range.Start.Line <= 1);
    }

    // The debounce waits on a fake clock: a slow machine cannot make an edit arrive "after the pause".
    [Fact]
    public async Task Diagnostics_WhileTyping_DebouncedToLatestVersion()
    {
        await using var client = LspTestClient.StartInProcess(services => services.AddSingleton<IDocumentAnalyzer>(new WordAnalyzer("x")));
        await client.InitializeAsync();
        var clock = new FakeTimeProvider();
        var service = await client.GetServiceAsync<DiagnosticsService>();
        service.Time = clock;
        service.DebounceDelay = TimeSpan.FromSeconds(1);

        await client.OpenAsync(Uri, string.Empty);
        for (int version = 2; version <= 6; version++)
        {
            await client.ChangeAsync(Uri, version, new TextDocumentContentChangeEvent { Range = Range(0, 0, 0, 0), Text = "x" });
        }

        // A request sees every change sent before it, so all five have been scheduled once it is answered.
        await client.RequestAsync(Methods.TextDocumentDocumentSymbol, TextDocument(Uri));
        Assert.Empty(client.Notifications(Methods.TextDocumentPublishDiagnostics));
        clock.Advance(TimeSpan.FromSeconds(1));

        var published = await client.WaitForDiagnosticsAsync(Uri, version: 6);
        Assert.Equal(5, published.Diagnostics.Length);
        clock.Advance(TimeSpan.FromMinutes(1));
        await Task.Delay(500);
        Assert.Single(client.Notifications(Methods.TextDocumentPublishDiagnostics));
    }

    [Fact]
    public async Task Diagnostics_EditAfterAPause_PublishedWithoutTheFullDebounce()
    {
        await using var client = LspTestClient.StartInProcess(services => services.AddSingleton<IDocumentAnalyzer>(new WordAnalyzer("x")));
        await client.InitializeAsync();
        var service = await client.GetServiceAsync<DiagnosticsService>();
        service.DebounceDelay = TimeSpan.FromMilliseconds(50);
        await client.OpenAsync(Uri, "x");
        await client.WaitForDiagnosticsAsync(Uri, version: 1);
        service.DebounceDelay = TimeSpan.FromSeconds(30);

        await client.ChangeAsync(Uri, 2, new TextDocumentContentChangeEvent { Range = Range(0, 0, 0, 0), Text = "x " });

        var published = await client.WaitForDiagnosticsAsync(Uri, version: 2);
        Assert.Equal(2, published.Diagnostics.Length);
    }

    [Fact]
    public async Task Diagnostics_EditWhilePending_DebouncedToLatestVersion()
    {
        await using var client = LspTestClient.StartInProcess(services => services.AddSingleton<IDocumentAnalyzer>(new WordAnalyzer("x")));
        await client.InitializeAsync();
        var clock = new FakeTimeProvider();
        var service = await client.GetServiceAsync<DiagnosticsService>();
        service.Time = clock;
        service.QuietDelay = TimeSpan.FromSeconds(1);
        service.DebounceDelay = TimeSpan.FromSeconds(2);
        await client.OpenAsync(Uri, "x");
        await client.RequestAsync(Methods.TextDocumentDocumentSymbol, TextDocument(Uri));
        clock.Advance(TimeSpan.FromSeconds(2));
        await client.WaitForDiagnosticsAsync(Uri, version: 1);

        // Version 2 comes after a pause (quiet delay); version 3 finds it pending and restarts the full debounce.
        await client.ChangeAsync(Uri, 2, new TextDocumentContentChangeEvent { Range = Range(0, 0, 0, 0), Text = "x " });
        await client.ChangeAsync(Uri, 3, new TextDocumentContentChangeEvent { Range = Range(0, 0, 0, 0), Text = "x " });
        await client.RequestAsync(Methods.TextDocumentDocumentSymbol, TextDocument(Uri));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Single(client.Notifications(Methods.TextDocumentPublishDiagnostics));
        clock.Advance(TimeSpan.FromSeconds(1));

        var published = await client.WaitForDiagnosticsAsync(Uri, version: 3);
        Assert.Equal(3, published.Diagnostics.Length);
        Assert.Equal(2, client.Notifications(Methods.TextDocumentPublishDiagnostics).Count);
    }

    [Fact]
    public async Task Diagnostics_DocumentClosed_Cleared()
    {
        await using var client = LspTestClient.StartInProcess(services => services.AddSingleton<IDocumentAnalyzer>(new WordAnalyzer("TODO")));
        await client.InitializeAsync();
        await client.OpenAsync(Uri, "TODO");
        await client.WaitForDiagnosticsAsync(Uri, version: 1);

        await client.CloseAsync(Uri);

        var cleared = await client.WaitForNotificationAsync(Methods.TextDocumentPublishDiagnostics, p => !p.TryGetProperty("version", out _));
        Assert.Equal(0, cleared.GetProperty("diagnostics").GetArrayLength());
    }

    [Fact]
    public async Task Diagnostics_PullClient_ServedByPullAndNeverPushed()
    {
        await using var client = LspTestClient.StartInProcess(services => services.AddSingleton<IDocumentAnalyzer>(new WordAnalyzer("TODO")));
        await client.InitializeAsync(PullCapabilities);
        await client.OpenAsync(Uri, "TODO and TODO");

        var report = await client.RequestAsync(Methods.TextDocumentDiagnostic, TextDocument(Uri));

        Assert.Equal("full", report.Result.GetProperty("kind").GetString());
        Assert.Equal(2, report.Result.GetProperty("items").GetArrayLength());
        await Task.Delay(400);
        Assert.Empty(client.Notifications(Methods.TextDocumentPublishDiagnostics));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DidChange_ThousandRandomEditSequences_SameAsOpenedFresh(bool utf8)
    {
        await using var client = LspTestClient.StartInProcess();
        await client.InitializeAsync(utf8 ? """{"general":{"positionEncodings":["utf-8"]},"textDocument":{"documentSymbol":{"hierarchicalDocumentSymbolSupport":true}}}""" : LspTestClient.DefaultCapabilities);
        var workspace = await client.GetServiceAsync<OpenDocuments>();
        var edits = new RandomEdits(seed: utf8 ? 8 : 16, utf8);
        var batches = new Random(utf8 ? 8 : 16);
        string expected = "# T😀\r\n\r\n## A\rtext\n";
        await client.OpenAsync(Uri, expected);

        for (int sequence = 0; sequence < 1000; sequence++)
        {
            var changes = new List<TextDocumentContentChangeEvent>();
            for (int i = batches.Next(1, 5); i > 0; i--)
            {
                (var change, expected) = edits.Next(expected);
                changes.Add(change);
            }

            await client.ChangeAsync(Uri, sequence + 2, [.. changes]);
            await client.OpenAsync($"file:///fresh/{sequence}.md", expected);
            var edited = await client.RequestAsync(Methods.TextDocumentDocumentSymbol, TextDocument(Uri));
            var fresh = await client.RequestAsync(Methods.TextDocumentDocumentSymbol, TextDocument($"file:///fresh/{sequence}.md"));
            await client.CloseAsync($"file:///fresh/{sequence}.md");

            Assert.Equal(expected, workspace.Get(Uri)!.Text.Text);
            Assert.Equal(fresh.Result.GetRawText(), edited.Result.GetRawText());
        }
    }

    [Fact]
    public async Task CancelRequest_WaitingForParse_AnswersRequestCancelled()
    {
        using var parser = new GatedParser();
        await using var client = LspTestClient.StartInProcess(services => services.AddSingleton(new DocumentParser(parser.Parse)));
        await client.InitializeAsync();
        await client.OpenAsync(Uri, "# SLOW");

        var response = client.ExpectResponse(77);
        await client.SendAsync("""{"jsonrpc":"2.0","id":77,"method":"textDocument/documentSymbol","params":""" + TextDocument(Uri) + "}");
        await client.NotifyAsync(Methods.CancelRequest, """{"id":77}""");

        Assert.Equal(ErrorCodes.RequestCancelled, (await response).ErrorCode);
        parser.Release();
    }

    [Fact]
    public async Task Request_VersionOvertakenBeforeParse_AnswersContentModified()
    {
        using var parser = new GatedParser();
        await using var client = LspTestClient.StartInProcess(services => services.AddSingleton(new DocumentParser(parser.Parse)));
        await client.InitializeAsync();
        await client.OpenAsync(Uri, "# SLOW 1");
        await WaitUntilAsync(() => parser.Parses == 1);
        await client.ChangeAsync(Uri, 2, new TextDocumentContentChangeEvent { Text = "# SLOW 2" });

        var response = client.RequestAsync(Methods.TextDocumentDocumentSymbol, TextDocument(Uri));
        await client.ChangeAsync(Uri, 3, new TextDocumentContentChangeEvent { Text = "# 3" });
        var workspace = await client.GetServiceAsync<OpenDocuments>();
        await WaitUntilAsync(() => workspace.Get(Uri)?.Version == 3);
        parser.Release();

        Assert.Equal(ErrorCodes.ContentModified, (await response).ErrorCode);
        var latest = await client.RequestAsync(Methods.TextDocumentDocumentSymbol, TextDocument(Uri));
        Assert.False(latest.IsError);
        Assert.Equal(2, parser.Parses);
    }

    [Fact]
    public async Task SlowDocument_OtherDocumentsStillAnswered()
    {
        using var parser = new GatedParser();
        await using var client = LspTestClient.StartInProcess(services => services.AddSingleton(new DocumentParser(parser.Parse)));
        await client.InitializeAsync();

        await client.OpenAsync("file:///slow.md", "# SLOW");
        await client.OpenAsync(Uri, Spec);
        var response = await client.RequestAsync(Methods.TextDocumentDocumentSymbol, TextDocument(Uri));

        Assert.False(response.IsError);
        parser.Release();
    }

    [Fact]
    public async Task PathologicalDocument_OtherRequestsAnswered()
    {
        await using var client = LspTestClient.StartInProcess();
        await client.InitializeAsync();

        await client.OpenAsync("file:///pathological.md", string.Concat(Enumerable.Repeat("[a](", 25_000)));
        await client.OpenAsync(Uri, Spec);
        var response = await client.RequestAsync(Methods.TextDocumentDocumentSymbol, TextDocument(Uri)).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.False(response.IsError);
    }

    [Fact]
    public async Task Exit_AfterShutdown_ServerEndsWithZero()
    {
        await using var client = LspTestClient.StartInProcess();
        await client.InitializeAsync();

        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task InputClosed_WithoutShutdown_ServerEndsWithOne()
    {
        await using var client = LspTestClient.StartInProcess();
        await client.InitializeAsync();

        await client.CloseInputAsync();

        Assert.Equal(1, await client.ServerExit.WaitAsync(LspTestClient.Timeout));
    }

    private static Protocol.Lsp.Range Range(int startLine, int startCharacter, int endLine, int endCharacter) => new()
    {
        Start = new Protocol.Lsp.Position { Line = startLine, Character = startCharacter },
        End = new Protocol.Lsp.Position { Line = endLine, Character = endCharacter },
    };

    private static string TextDocument(string uri) => "{\"textDocument\":{\"uri\":\"" + uri + "\"}}";

    private static int CountNodes(IEnumerable<SymbolNode> nodes) => nodes.Sum(n => 1 + CountNodes(n.Children));

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + LspTestClient.Timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition never held.");
            await Task.Delay(10);
        }
    }
}
