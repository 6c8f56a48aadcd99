using System.Text;
using System.Text.Json;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Symbols;
using SpecLsp.Core.Text;
using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Tests.TestSupport;

namespace SpecLsp.Server.Tests;

/// <summary>End to end against the real <c>speclsp</c> process, speaking LSP over its stdin and stdout.</summary>
public sealed class SpeclspProcessTests
{
    private const string Uri = "file:///work/spec.md";

    private const string Spec = "# Feature: Export 😀\r\n\r\n**Status:** Draft\r\n\r\n## Overview\r\n\r\nText.\r\n\r\n## Requirements\r\n\r\n#### FR1: Export CSV\r\n";

    [Fact]
    public async Task Session_InitializeOpenSymbolsShutdownExit_ExitCodeZero()
    {
        await using var client = LspTestClient.StartProcess();

        var initialize = await client.InitializeAsync();
        await client.OpenAsync(Uri, Spec);
        var symbols = await client.RequestAsync(Methods.TextDocumentDocumentSymbol, TextDocument(Uri));
        int exitCode = await client.ShutdownAndExitAsync();

        Assert.True(initialize.Capabilities.DocumentSymbolProvider);
        Assert.False(symbols.IsError, symbols.ErrorMessage);
        Assert.Equal(SymbolDump.FromCore(DocumentSymbols.Compute(SpecParser.Parse(SourceText.From(Spec)))), SymbolDump.FromLsp(symbols.Result));
        Assert.StartsWith("Feature: Export 😀 (0,0)-(11,0)\n  Overview (4,0)-(8,0)\n", SymbolDump.FromLsp(symbols.Result), StringComparison.Ordinal);
        Assert.Equal(0, exitCode);
        Assert.Empty(client.FramingLog.Problems);
    }

    [Fact]
    public async Task Exit_WithoutShutdown_ExitCodeOne()
    {
        await using var client = LspTestClient.StartProcess("lsp");
        await client.InitializeAsync();

        await client.NotifyAsync(Methods.Exit);

        Assert.Equal(1, await client.ServerExit.WaitAsync(LspTestClient.Timeout));
    }

    [Fact]
    public async Task Request_BeforeInitialize_ServerNotInitialized()
    {
        await using var client = LspTestClient.StartProcess("--stdio");

        var response = await client.RequestAsync(Methods.TextDocumentDocumentSymbol, TextDocument(Uri));

        Assert.Equal(ErrorCodes.ServerNotInitialized, response.ErrorCode);
    }

    [Fact]
    public async Task Request_AfterShutdown_InvalidRequest()
    {
        await using var client = LspTestClient.StartProcess();
        await client.InitializeAsync();
        Assert.False((await client.RequestAsync(Methods.Shutdown)).IsError);

        var response = await client.RequestAsync(Methods.TextDocumentDocumentSymbol, TextDocument(Uri));

        Assert.Equal(ErrorCodes.InvalidRequest, response.ErrorCode);
        await client.NotifyAsync(Methods.Exit);
        Assert.Equal(0, await client.ServerExit.WaitAsync(LspTestClient.Timeout));
    }

    [Fact]
    public async Task Request_UnknownMethod_MethodNotFound()
    {
        await using var client = LspTestClient.StartProcess();
        await client.InitializeAsync();

        var response = await client.RequestAsync("speclsp/noSuchThing", "{}");

        Assert.Equal(ErrorCodes.MethodNotFound, response.ErrorCode);
    }

    [Theory]
    [InlineData("""{"textDocument":{}}""")]
    [InlineData("""{"textDocument":{"uri":42}}""")]
    [InlineData(null)]
    public async Task Request_BadParams_InvalidParams(string? @params)
    {
        await using var client = LspTestClient.StartProcess();
        await client.InitializeAsync();

        var response = await client.RequestAsync(Methods.TextDocumentDocumentSymbol, @params);

        Assert.Equal(ErrorCodes.InvalidParams, response.ErrorCode);
    }

    [Fact]
    public async Task Frame_UnparsableJson_ParseErrorThenNextRequestAnswered()
    {
        await using var client = LspTestClient.StartProcess();
        await client.InitializeAsync();

        await client.SendAsync("""{"jsonrpc":"2.0","id":9,"method":""");
        var next = await client.RequestAsync(Methods.TextDocumentDocumentSymbol, TextDocument(Uri));

        var error = await client.WaitForNotificationAsync("(response without id)");
        Assert.Equal(ErrorCodes.ParseError, error.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("id").ValueKind);
        Assert.False(next.IsError, next.ErrorMessage);
    }

    [Fact]
    public async Task Frame_GarbageThenValidRequest_ValidAnswer()
    {
        await using var client = LspTestClient.StartProcess();
        await client.InitializeAsync();

        await client.SendRawAsync(Encoding.UTF8.GetBytes("Content-Length: lots\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"shutdown\"}garbage\r\n"));
        await client.OpenAsync(Uri, Spec);
        var response = await client.RequestAsync(Methods.TextDocumentDocumentSymbol, TextDocument(Uri));

        Assert.False(response.IsError, response.ErrorMessage);
        Assert.Equal(JsonValueKind.Array, response.Result.ValueKind);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task CancelRequest_Unfinished_RequestCancelled()
    {
        await using var client = LspTestClient.StartProcess();
        await client.InitializeAsync();
        string big = "# Big\n" + new string('a', 10_000_000);
        string open = LspTestClient.Serialize(
            new DidOpenTextDocumentParams { TextDocument = new TextDocumentItem { Uri = Uri, LanguageId = "markdown", Version = 1, Text = big } },
            LspJsonContext.Default.DidOpenTextDocumentParams);

        // One write: the reader sees the cancellation while the 10 MB didOpen still holds the barrier.
        var response = client.ExpectResponse(50);
        await client.SendRawAsync(Encoding.UTF8.GetBytes(
            Frame($$"""{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{{open}}}""")
            + Frame("""{"jsonrpc":"2.0","id":50,"method":"textDocument/documentSymbol","params":""" + TextDocument(Uri) + "}")
            + Frame("""{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":50}}""")));

        Assert.Equal(ErrorCodes.RequestCancelled, (await response).ErrorCode);
    }

    [Theory]
    [InlineData("""["utf-8","utf-16"]""", "utf-8")]
    [InlineData("""["utf-16","utf-8"]""", "utf-16")]
    [InlineData("""["utf-32"]""", "utf-16")]
    [InlineData("[]", "utf-16")]
    public async Task Initialize_PositionEncodings_Negotiated(string offered, string expected)
    {
        await using var client = LspTestClient.StartProcess();

        var result = await client.InitializeAsync("{\"general\":{\"positionEncodings\":" + offered + "}}");

        Assert.Equal(expected, result.Capabilities.PositionEncoding);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task IncrementalEdits_EmojiAndCrlf_SameAsOpenedFresh(bool utf8)
    {
        await using var client = LspTestClient.StartProcess();
        await client.InitializeAsync(utf8
            ? """{"general":{"positionEncodings":["utf-8"]},"textDocument":{"documentSymbol":{"hierarchicalDocumentSymbolSupport":true}}}"""
            : LspTestClient.DefaultCapabilities);
        var edits = new RandomEdits(seed: 3, utf8);
        string expected = Spec;
        await client.OpenAsync(Uri, expected);

        // Type right after the emoji in the title (UTF-16 7 / UTF-8 9 past "# Feature: Export "), then random edits.
        int afterEmoji = utf8 ? "# Feature: Export 😀".Length + 2 : "# Feature: Export 😀".Length;
        await client.ChangeAsync(Uri, 2, new TextDocumentContentChangeEvent { Range = Range(0, afterEmoji, 0, afterEmoji), Text = " CSV\r\n## Added 🎉" });
        expected = expected.Insert("# Feature: Export 😀".Length, " CSV\r\n## Added 🎉");
        for (int version = 3; version < 60; version++)
        {
            (var change, expected) = edits.Next(expected);
            await client.ChangeAsync(Uri, version, change);
        }

        await client.OpenAsync("file:///work/fresh.md", expected);
        var edited = await client.RequestAsync(Methods.TextDocumentDocumentSymbol, TextDocument(Uri));
        var fresh = await client.RequestAsync(Methods.TextDocumentDocumentSymbol, TextDocument("file:///work/fresh.md"));

        Assert.Equal(fresh.Result.GetRawText(), edited.Result.GetRawText());
        var core = DocumentSymbols.Compute(SpecParser.Parse(SourceText.From(expected)));
        Assert.Equal(Names(core), Names(edited.Result));
        Assert.NotEmpty(Names(core));
        Assert.Contains(Names(edited.Result), name => name.Contains("🎉", StringComparison.Ordinal) || name.Contains("😀", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Diagnostics_InvalidFrontMatter_PushedWithVersion()
    {
        await using var client = LspTestClient.StartProcess();
        await client.InitializeAsync();

        await client.OpenAsync(Uri, "---\na: [1\n---\n# T\n", version: 7);

        var published = await client.WaitForDiagnosticsAsync(Uri, version: 7);
        Assert.Contains(published.Diagnostics, d => d.Code?.String == "invalid-front-matter" && d.Source == "speclsp");
    }

    [Fact]
    public async Task ClientProcess_Dies_ServerExits()
    {
        using var editor = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        await using var client = LspTestClient.StartProcess();
        await client.InitializeAsync(processId: editor.Id);

        editor.Kill();
        await editor.WaitForExitAsync().WaitAsync(LspTestClient.Timeout);

        Assert.Equal(1, await client.ServerExit.WaitAsync(LspTestClient.Timeout));
    }

    [Fact]
    public async Task Cli_Version_PrintsVersion()
    {
        var (exitCode, stdout, _) = await SpeclspProcess.RunAsync("--version");

        Assert.Equal(0, exitCode);
        Assert.Equal("speclsp 0.1.0\n", stdout);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Cli_Help_PrintsUsage(string flag)
    {
        var (exitCode, stdout, _) = await SpeclspProcess.RunAsync(flag);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("Usage: speclsp", stdout, StringComparison.Ordinal);
        Assert.Contains("outline FILE", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("--nope")]
    [InlineData("outline")]
    [InlineData("outline", "a.md", "b.md")]
    [InlineData("--version", "extra")]
    [InlineData("lsp", "--tcp")]
    public async Task Cli_BadArguments_MessageOnStderrAndExitTwo(params string[] args)
    {
        var (exitCode, stdout, stderr) = await SpeclspProcess.RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.StartsWith("speclsp: ", stderr, StringComparison.Ordinal);
        Assert.Contains("--help", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_OutlineExample_PrintsCoreDump()
    {
        string path = Path.Combine(RepositoryPaths.Examples, "csv-export.md");

        var (exitCode, stdout, stderr) = await SpeclspProcess.RunAsync("outline", path);

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        string dump = Core.Model.SpecDocumentDump.Write(SpecParser.Parse(SourceText.From(await File.ReadAllTextAsync(path))), Core.Model.SpecDumpDetail.None, Core.Model.SpecDumpPositions.OneBased);
        Assert.StartsWith(dump, stdout, StringComparison.Ordinal);
        Assert.Matches("^H1 \"[^\"]*\" 1:1-[0-9]+:1 #", stdout);
        Assert.Contains("\n  H2 \"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_OutlineMissingFile_ExitOneWithMessage()
    {
        var (exitCode, stdout, stderr) = await SpeclspProcess.RunAsync("outline", "/nonexistent/spec.md");

        Assert.Equal(1, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("cannot read", stderr, StringComparison.Ordinal);
    }

    private static string Frame(string json) => $"Content-Length: {Encoding.UTF8.GetByteCount(json)}\r\n\r\n{json}";

    private static string TextDocument(string uri) => "{\"textDocument\":{\"uri\":\"" + uri + "\"}}";

    private static Protocol.Lsp.Range Range(int startLine, int startCharacter, int endLine, int endCharacter) => new()
    {
        Start = new Protocol.Lsp.Position { Line = startLine, Character = startCharacter },
        End = new Protocol.Lsp.Position { Line = endLine, Character = endCharacter },
    };

    private static List<string> Names(IEnumerable<SymbolNode> nodes) => [.. nodes.SelectMany(n => (IEnumerable<string>)[string.IsNullOrWhiteSpace(n.Name) ? "(untitled)" : n.Name, .. Names(n.Children)])];

    private static List<string> Names(JsonElement symbols) =>
        [.. symbols.EnumerateArray().SelectMany(s => (IEnumerable<string>)[s.GetProperty("name").GetString()!, .. (s.TryGetProperty("children", out var c) ? Names(c) : [])])];
}
