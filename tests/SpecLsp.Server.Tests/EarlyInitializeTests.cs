using System.Reflection;
using System.Text.Json;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Symbols;
using SpecLsp.Core.Text;
using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Handlers;
using SpecLsp.Server.Tests.TestSupport;

namespace SpecLsp.Server.Tests;

/// <summary>
/// initialize is answered before the Generic Host has built the handlers' services (the next message builds it): the
/// answer must be the one those handlers give, and every message after it must still reach them, in order.
/// </summary>
public sealed class EarlyInitializeTests
{
    private const string Uri = "file:///work/spec.md";

    private const string Spec = "# Feature: Export\n\n**Status:** Draft\n\n## Overview\n\nText.\n\n## Requirements\n\n#### FR1: Export CSV\n";

    public static TheoryData<string> ClientCapabilities => new()
    {
        "{}",
        LspTestClient.DefaultCapabilities,
        """{"textDocument":{"diagnostic":{"dynamicRegistration":false},"inlayHint":{}},"general":{"positionEncodings":["utf-8","utf-16"]}}""",
        """{"textDocument":{"semanticTokens":{"requests":{"full":{"delta":true}},"tokenTypes":[],"tokenModifiers":[],"formats":["relative"]},"codeLens":{},"inlayHint":{}},"experimental":{"commands":{"commands":["speclsp.showReferences"]}}}""",
        MetaModelConformanceTests.RichCapabilities,
    };

    [Theory]
    [MemberData(nameof(ClientCapabilities))]
    public async Task Initialize_ClientCapabilities_WhatTheRegisteredHandlersAdvertise(string capabilities)
    {
        await using var client = LspTestClient.StartInProcess();

        var response = await client.RequestAsync(Methods.Initialize, $$"""{"processId":null,"rootUri":null,"capabilities":{{capabilities}}}""");
        await client.NotifyAsync(Methods.Initialized, "{}");
        var registered = await RegisteredCapabilityProvidersAsync(client);

        // The baseline (sync, encoding) is initialize's own; everything else must come from the handlers the host created.
        var actual = response.Result.GetProperty("capabilities").Deserialize(LspJsonContext.Default.ServerCapabilities)!;
        var clientCapabilities = JsonSerializer.Deserialize(capabilities, LspJsonContext.Default.ClientCapabilities)!;
        var expected = registered.Aggregate(
            new ServerCapabilities { PositionEncoding = actual.PositionEncoding, TextDocumentSync = actual.TextDocumentSync },
            (current, handler) => (ServerCapabilities)handler.GetMethod(nameof(ICapabilityProvider.AddCapabilities), BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [current, clientCapabilities])!);
        Assert.Equal(
            JsonSerializer.Serialize(expected, LspJsonContext.Default.ServerCapabilities),
            JsonSerializer.Serialize(actual, LspJsonContext.Default.ServerCapabilities));
    }

    [Fact]
    public async Task CapabilityProviders_EveryHandlerThatAdvertises_ListedInRegistrationOrder()
    {
        await using var client = LspTestClient.StartInProcess();
        await client.InitializeAsync();

        var registered = await RegisteredCapabilityProvidersAsync(client);

        var providers = typeof(HandlerRegistrations).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.IsAssignableTo(typeof(ICapabilityProvider)))
            .Select(t => t.Name).Order(StringComparer.Ordinal);
        Assert.Equal(providers, registered.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal(registered, HandlerRegistrations.CapabilityProviders.Select(p => p.Handler));
    }

    [Fact]
    public async Task Initialize_BeforeTheHostIsBuilt_AnsweredAndTheNextMessagesWaitForIt()
    {
        using var hostMayBuild = new ManualResetEventSlim();
        int hostBuilds = 0;
        var client = LspTestClient.StartInProcess(_ =>
        {
            Interlocked.Increment(ref hostBuilds);
            hostMayBuild.Wait(LspTestClient.Timeout);
        });
        try
        {
            var early = await client.RequestAsync(Methods.TextDocumentDocumentSymbol, TextDocument(Uri));
            var initialize = await client.RequestAsync(Methods.Initialize, $$"""{"processId":null,"rootUri":null,"capabilities":{{LspTestClient.DefaultCapabilities}}}""");
            int hostBuildsBeforeInitialized = Volatile.Read(ref hostBuilds);
            await client.NotifyAsync(Methods.Initialized, "{}");
            await client.OpenAsync(Uri, Spec);
            var symbols = client.RequestAsync(Methods.TextDocumentDocumentSymbol, TextDocument(Uri));
            await Task.Delay(200);
            bool answeredBeforeTheHost = symbols.IsCompleted;
            hostMayBuild.Set();

            Assert.Equal(ErrorCodes.ServerNotInitialized, early.ErrorCode);
            Assert.False(initialize.IsError, initialize.ErrorMessage);
            Assert.True(initialize.Result.GetProperty("capabilities").GetProperty("documentSymbolProvider").GetBoolean());
            Assert.Equal(0, hostBuildsBeforeInitialized);
            Assert.False(answeredBeforeTheHost);
            var answer = await symbols;
            Assert.False(answer.IsError, answer.ErrorMessage);
            Assert.Equal(SymbolDump.FromCore(DocumentSymbols.Compute(SpecParser.Parse(SourceText.From(Spec)))), SymbolDump.FromLsp(answer.Result));
            Assert.Equal(0, await client.ShutdownAndExitAsync());
        }
        finally
        {
            hostMayBuild.Set();
            await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task RealProcess_RequestsRightBehindInitialize_EveryOneAnsweredInOrder()
    {
        await using var client = LspTestClient.StartProcess();

        var initialize = client.ExpectResponse(1001);
        var symbols = client.ExpectResponse(1002);
        string open = LspTestClient.Serialize(
            new DidOpenTextDocumentParams { TextDocument = new TextDocumentItem { Uri = Uri, LanguageId = "markdown", Version = 1, Text = Spec } },
            LspJsonContext.Default.DidOpenTextDocumentParams);
        await client.SendAsync($$$"""{"jsonrpc":"2.0","id":1001,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{{{LspTestClient.DefaultCapabilities}}}}}""");
        await client.SendAsync("""{"jsonrpc":"2.0","method":"initialized","params":{}}""");
        await client.SendAsync($$"""{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{{open}}}""");
        await client.SendAsync($$"""{"jsonrpc":"2.0","id":1002,"method":"textDocument/documentSymbol","params":{{TextDocument(Uri)}}}""");

        Assert.False((await initialize).IsError);
        var answer = await symbols;
        Assert.False(answer.IsError, answer.ErrorMessage);
        Assert.Equal(SymbolDump.FromCore(DocumentSymbols.Compute(SpecParser.Parse(SourceText.From(Spec)))), SymbolDump.FromLsp(answer.Result));
        Assert.Equal(0, await client.ShutdownAndExitAsync());
        Assert.Empty(client.FramingLog.Problems);
    }

    // A request's answer means the host has registered every handler, so the registry's list is complete.
    private static async Task<IReadOnlyList<Type>> RegisteredCapabilityProvidersAsync(LspTestClient client)
    {
        var answer = await client.RequestAsync(Methods.WorkspaceSymbol, """{"query":""}""");
        Assert.False(answer.IsError, answer.ErrorMessage);
        return [.. (await client.GetServiceAsync<HandlerRegistry>()).CapabilityProviders];
    }

    private static string TextDocument(string uri) => "{\"textDocument\":{\"uri\":\"" + uri + "\"}}";
}
