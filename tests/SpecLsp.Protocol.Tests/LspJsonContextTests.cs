using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Lsp;

namespace SpecLsp.Protocol.Tests;

public sealed class LspJsonContextTests
{
    private static readonly LspJsonContext Json = LspJsonContext.Default;

    [Fact]
    public void Diagnostic_IntegerAndStringCodes_RoundTrip()
    {
        var range = new Lsp.Range { Start = new Position { Line = 1, Character = 2 }, End = new Position { Line = 1, Character = 5 } };
        var withString = new Diagnostic { Range = range, Message = "m", Code = "missing-section", Tags = [DiagnosticTag.Unnecessary] };
        var withInteger = new Diagnostic { Range = range, Message = "m", Code = 42 };

        Assert.Equal("""{"range":{"start":{"line":1,"character":2},"end":{"line":1,"character":5}},"code":"missing-section","message":"m","tags":[1]}""", Write(withString, Json.Diagnostic));
        Assert.Contains("\"code\":42", Write(withInteger, Json.Diagnostic), StringComparison.Ordinal);
        Assert.Equal("missing-section", RoundTrip(withString, Json.Diagnostic).Code?.String);
        Assert.Equal(42, RoundTrip(withInteger, Json.Diagnostic).Code?.Integer);
    }

    [Fact]
    public void Nulls_OmittedWhenWriting()
    {
        var symbol = new DocumentSymbol
        {
            Name = "Overview",
            Kind = SymbolKind.String,
            Range = new Lsp.Range { Start = new Position { Line = 0, Character = 0 }, End = new Position { Line = 2, Character = 0 } },
            SelectionRange = new Lsp.Range { Start = new Position { Line = 0, Character = 3 }, End = new Position { Line = 0, Character = 11 } },
        };

        string json = Write(symbol, Json.DocumentSymbol);

        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("detail", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"kind":"markdown","value":"**x**"}""", "markdown:**x**")]
    [InlineData("\"plain\"", "marked:|plain")]
    [InlineData("""{"language":"yaml","value":"a: 1"}""", "marked:yaml|a: 1")]
    [InlineData("""["one",{"language":"c","value":"x"}]""", "marked:|one;c|x")]
    public void HoverContents_EveryForm_Reads(string contents, string expected)
    {
        var hover = JsonSerializer.Deserialize($$"""{"contents":{{contents}}}""", Json.Hover)!;

        string actual = hover.Contents.Markup is { } markup
            ? $"{markup.Kind}:{markup.Value}"
            : "marked:" + string.Join(";", hover.Contents.MarkedStrings!.Select(m => $"{m.Language}|{m.Value}"));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void HoverContents_Markup_WritesMarkupContent()
    {
        var hover = new Hover { Contents = new MarkupContent { Kind = MarkupKind.Markdown, Value = "x" } };

        Assert.Equal("""{"contents":{"kind":"markdown","value":"x"}}""", Write(hover, Json.Hover));
    }

    [Fact]
    public void TextDocumentSync_NumberAndOptions_RoundTrip()
    {
        var asOptions = new ServerCapabilities { TextDocumentSync = new TextDocumentSyncOptions { OpenClose = true, Change = TextDocumentSyncKind.Incremental } };
        var asKind = new ServerCapabilities { TextDocumentSync = TextDocumentSyncKind.Full };

        Assert.Equal("""{"textDocumentSync":{"openClose":true,"change":2}}""", Write(asOptions, Json.ServerCapabilities));
        Assert.Equal("""{"textDocumentSync":1}""", Write(asKind, Json.ServerCapabilities));
        Assert.Equal(TextDocumentSyncKind.Incremental, RoundTrip(asOptions, Json.ServerCapabilities).TextDocumentSync!.Options!.Change);
        Assert.Equal(TextDocumentSyncKind.Full, RoundTrip(asKind, Json.ServerCapabilities).TextDocumentSync!.Kind);
    }

    [Fact]
    public void DocumentDiagnosticReport_FullAndUnchanged_WriteKindAndReadInAnyOrder()
    {
        DocumentDiagnosticReport full = new FullDocumentDiagnosticReport { ResultId = "3", Items = [] };
        DocumentDiagnosticReport unchanged = new UnchangedDocumentDiagnosticReport { ResultId = "3" };

        Assert.Equal("""{"kind":"full","items":[],"resultId":"3"}""", Write(full, Json.DocumentDiagnosticReport));
        Assert.Equal("""{"kind":"unchanged","resultId":"3"}""", Write(unchanged, Json.DocumentDiagnosticReport));
        Assert.IsType<UnchangedDocumentDiagnosticReport>(JsonSerializer.Deserialize("""{"resultId":"3","kind":"unchanged"}""", Json.DocumentDiagnosticReport));
        Assert.IsType<FullDocumentDiagnosticReport>(JsonSerializer.Deserialize("""{"items":[],"kind":"full"}""", Json.DocumentDiagnosticReport));
    }

    [Fact]
    public void DocumentSymbolResult_WrittenTwice_SendsTheFirstBytes_ACopyIsWrittenAfresh()
    {
        var range = new Lsp.Range { Start = new Position { Line = 0, Character = 0 }, End = new Position { Line = 0, Character = 1 } };
        var symbols = new[] { new DocumentSymbol { Name = "A", Kind = SymbolKind.String, Range = range, SelectionRange = range } };
        DocumentSymbolResult answer = symbols;

        string first = Write(answer, Json.DocumentSymbolResult);
        symbols[0] = symbols[0] with { Name = "B" }; // the kept answer's bytes are what was sent for it, not re-serialised
        string again = Write(answer, Json.DocumentSymbolResult);
        string copy = Write(answer with { Symbols = [.. symbols] }, Json.DocumentSymbolResult);

        Assert.Equal(first, again);
        Assert.Contains("\"name\":\"A\"", first, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"B\"", copy, StringComparison.Ordinal);
        Assert.Equal("A", JsonSerializer.Deserialize(first, Json.DocumentSymbolResult)!.Symbols!.Single().Name);
    }

    [Fact]
    public void DocumentSymbolResult_BothForms_RoundTrip()
    {
        var range = new Lsp.Range { Start = new Position { Line = 0, Character = 0 }, End = new Position { Line = 0, Character = 1 } };
        DocumentSymbolResult hierarchical = new[] { new DocumentSymbol { Name = "A", Kind = SymbolKind.String, Range = range, SelectionRange = range } };
        DocumentSymbolResult flat = new[] { new SymbolInformation { Name = "A", Kind = SymbolKind.String, Location = new Location { Uri = "file:///a.md", Range = range } } };

        Assert.Equal("A", RoundTrip(hierarchical, Json.DocumentSymbolResult).Symbols!.Single().Name);
        Assert.Equal("file:///a.md", RoundTrip(flat, Json.DocumentSymbolResult).Information!.Single().Location.Uri);
        Assert.StartsWith("""[{"name":"A","kind":15,"range":""", Write(hierarchical, Json.DocumentSymbolResult), StringComparison.Ordinal);
    }

    [Fact]
    public void ProgressParams_Begin_WritesKindAndToken()
    {
        var progress = new ProgressParams<WorkDoneProgressBegin> { Token = "t1", Value = new WorkDoneProgressBegin { Title = "Indexing" } };

        Assert.Equal("""{"token":"t1","value":{"kind":"begin","title":"Indexing"}}""", Write(progress, Json.ProgressParamsWorkDoneProgressBegin));
    }

    [Fact]
    public void InitializeParams_RealClientPayload_Reads()
    {
        const string payload = """
            {"processId":1234,"clientInfo":{"name":"Visual Studio Code","version":"1.95.0"},"locale":"en","rootUri":"file:///w",
             "capabilities":{"general":{"positionEncodings":["utf-16"]},
              "textDocument":{"documentSymbol":{"hierarchicalDocumentSymbolSupport":true,"symbolKind":{"valueSet":[1,2]}},
                              "diagnostic":{"dynamicRegistration":true,"relatedDocumentSupport":false},
                              "codeAction":{"codeActionLiteralSupport":{"codeActionKind":{"valueSet":["quickfix"]}}}},
              "workspace":{"configuration":true,"didChangeWatchedFiles":{"dynamicRegistration":true}},
              "window":{"workDoneProgress":true}},
             "trace":"off","workspaceFolders":[{"uri":"file:///w","name":"w"}]}
            """;

        var p = JsonSerializer.Deserialize(payload, Json.InitializeParams)!;

        Assert.Equal(1234, p.ProcessId);
        Assert.True(p.Capabilities.TextDocument!.DocumentSymbol!.HierarchicalDocumentSymbolSupport);
        Assert.NotNull(p.Capabilities.TextDocument.Diagnostic);
        Assert.True(p.Capabilities.Workspace!.Configuration);
        Assert.Equal("w", p.WorkspaceFolders!.Single().Name);
    }

    [Fact]
    public void DidChange_RangeAndFullChanges_Read()
    {
        const string payload = """
            {"textDocument":{"uri":"file:///a.md","version":3},
             "contentChanges":[{"range":{"start":{"line":0,"character":1},"end":{"line":0,"character":2}},"rangeLength":1,"text":"x"},{"text":"all"}]}
            """;

        var p = JsonSerializer.Deserialize(payload, Json.DidChangeTextDocumentParams)!;

        Assert.Equal(3, p.TextDocument.Version);
        Assert.Equal(1, p.ContentChanges[0].Range!.Start.Character);
        Assert.Null(p.ContentChanges[1].Range);
    }

    [Fact]
    public void DidChangeWorkspaceFolders_SpecPayload_RoundTrips()
    {
        const string payload = """{"event":{"added":[{"uri":"file:///ws/b","name":"b"}],"removed":[{"uri":"file:///ws/c","name":"c"}]}}""";

        var p = JsonSerializer.Deserialize(payload, Json.DidChangeWorkspaceFoldersParams)!;

        Assert.Equal("file:///ws/b", Assert.Single(p.Event.Added).Uri);
        Assert.Equal("c", Assert.Single(p.Event.Removed).Name);
        Assert.Equal(payload, Write(p, Json.DidChangeWorkspaceFoldersParams));
    }

    [Fact]
    public void DidChangeWorkspaceFolders_WithoutTheArrays_Throws()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"event":{"added":[]}}""", Json.DidChangeWorkspaceFoldersParams));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("\"speclsp-folders\"")]
    public void WorkspaceFoldersCapability_ChangeNotificationsBooleanOrString_RoundTrips(string changeNotifications)
    {
        string json = """{"capabilities":{"workspace":{"workspaceFolders":{"supported":true,"changeNotifications":""" + changeNotifications + "}}}}";

        var result = JsonSerializer.Deserialize(json, Json.InitializeResult)!;

        Assert.Equal(json, Write(result, Json.InitializeResult));
        Assert.Equal(changeNotifications.Trim('"'), result.Capabilities.Workspace!.WorkspaceFolders!.ChangeNotifications.ToString());
    }

    [Fact]
    public void WorkspaceFoldersCapability_ChangeNotificationsOfAnotherType_Throws()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(
            """{"capabilities":{"workspace":{"workspaceFolders":{"changeNotifications":1}}}}""", Json.InitializeResult));
    }

    [Fact]
    public void RequiredMember_Missing_Throws()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"textDocument":{"uri":"file:///a.md"}}""", Json.DidOpenTextDocumentParams));
    }

    [Theory]
    [InlineData("12")]
    [InlineData("\"a-1\"")]
    public void RequestId_NumberAndString_RoundTrip(string json)
    {
        Assert.True(RequestId.TryRead(JsonDocument.Parse(json).RootElement, out var id));
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            id.WriteTo(writer);
        }

        Assert.Equal(json, System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("null")]
    [InlineData("{}")]
    public void RequestId_OtherJson_Rejected(string json)
    {
        Assert.False(RequestId.TryRead(JsonDocument.Parse(json).RootElement, out _));
    }

    private static string Write<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.Serialize(value, type);

    private static T RoundTrip<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.Deserialize(JsonSerializer.Serialize(value, type), type)!;
}
