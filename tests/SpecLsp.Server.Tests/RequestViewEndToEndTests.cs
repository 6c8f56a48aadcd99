using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Tests.TestSupport;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Tests;

/// <summary>
/// A request answers from the state as it was when the request arrived: every message before it, none after, for the
/// other open documents too, however long the request waits for a parse.
/// </summary>
public sealed class RequestViewEndToEndTests
{
    private const string Uses = "file:///view/uses.md";
    private const string Defines = "file:///view/defines.md";
    private const string Id = "SPEC-2026-03-01-001";

    // The first line holds SLOW, so the gated parser holds this document's parse until the test releases it.
    private static readonly string UsesText = $"# Uses SLOW\n\nBuilds on {Id}.\n";

    [Fact]
    public async Task Definition_SentBeforeAnotherDocumentsChange_AnswersFromItsOldText()
    {
        using var parser = new GatedParser();
        await using var client = LspTestClient.StartInProcess(services => services.AddSingleton(new DocumentParser(parser.Parse)));
        await client.InitializeAsync();
        await client.OpenAsync(Defines, DefinesText(blankLines: 0));
        await client.RequestAsync(Methods.TextDocumentDocumentSymbol, TextDocument(Defines));
        await client.OpenAsync(Uses, UsesText);

        // The request waits for its own document's parse; the other document changes meanwhile.
        var before = client.ExpectResponse(9001);
        await client.SendAsync(DefinitionRequest(9001));
        await client.ChangeAsync(Defines, 2, new TextDocumentContentChangeEvent { Text = DefinesText(blankLines: 3) });
        var store = await client.GetServiceAsync<ServerStateStore>();
        await WaitUntilAsync(() => store.Current.GetDocument(Defines)?.Version == 2);
        parser.Release();

        Assert.Equal(2, DefinitionLine(await before));
        Assert.Equal(5, DefinitionLine(await client.RequestAsync(Methods.TextDocumentDefinition, DefinitionParams())));
    }

    [Fact]
    public async Task Definition_OtherDocumentsVersionSkippedByItsParser_AnswersFromThatVersion()
    {
        using var parser = new GatedParser();
        await using var client = LspTestClient.StartInProcess(services => services.AddSingleton(new DocumentParser(parser.Parse)));
        await client.InitializeAsync();
        await client.OpenAsync(Uses, UsesText.Replace("SLOW", "soon", StringComparison.Ordinal));
        await client.OpenAsync(Defines, DefinesText(blankLines: 0));
        await client.RequestAsync(Methods.TextDocumentDefinition, DefinitionParams());

        // Version 2 holds the parse lane; version 3 waits behind it and is replaced by version 4 before its turn, so
        // the lane never parses the version the request saw.
        await client.ChangeAsync(Defines, 2, new TextDocumentContentChangeEvent { Text = "# SLOW\n" });
        await WaitUntilAsync(() => parser.Parses == 3);
        await client.ChangeAsync(Defines, 3, new TextDocumentContentChangeEvent { Text = DefinesText(blankLines: 2) });
        var before = client.ExpectResponse(9002);
        await client.SendAsync(DefinitionRequest(9002));
        await client.ChangeAsync(Defines, 4, new TextDocumentContentChangeEvent { Text = DefinesText(blankLines: 4) });
        var store = await client.GetServiceAsync<ServerStateStore>();
        await WaitUntilAsync(() => store.Current.GetDocument(Defines)?.Version == 4);
        parser.Release();

        Assert.Equal(4, DefinitionLine(await before));
        Assert.Equal(6, DefinitionLine(await client.RequestAsync(Methods.TextDocumentDefinition, DefinitionParams())));
    }

    // The ID is defined on line 2, or that many lines further down.
    private static string DefinesText(int blankLines) => $"# Defines\n\n{new string('\n', blankLines)}**Spec ID:** {Id}\n";

    private static string TextDocument(string uri) => $$$"""{"textDocument":{"uri":"{{{uri}}}"}}""";

    private static string DefinitionParams() => $$$"""{"textDocument":{"uri":"{{{Uses}}}"},"position":{"line":2,"character":12}}""";

    private static string DefinitionRequest(long id) => $$$"""{"jsonrpc":"2.0","id":{{{id}}},"method":"textDocument/definition","params":{{{DefinitionParams()}}}}""";

    private static int DefinitionLine(LspResponse response)
    {
        Assert.False(response.IsError, response.ErrorMessage);
        var location = response.Result.ValueKind == JsonValueKind.Array ? Assert.Single(response.Result.EnumerateArray()) : response.Result;
        string uri = location.TryGetProperty("targetUri", out var target) ? target.GetString()! : location.GetProperty("uri").GetString()!;
        Assert.Equal(Defines, uri);
        var range = location.TryGetProperty("targetSelectionRange", out var selection) ? selection : location.GetProperty("range");
        return range.GetProperty("start").GetProperty("line").GetInt32();
    }

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
