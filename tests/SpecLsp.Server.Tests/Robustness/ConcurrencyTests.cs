using System.Text.Json;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Symbols;
using SpecLsp.Core.Text;
using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Tests.TestSupport;
using SpecLsp.Server.Workspace;
using Xunit.Abstractions;
using CorePosition = SpecLsp.Core.Text.Position;
using CoreRange = SpecLsp.Core.Text.TextRange;

namespace SpecLsp.Server.Tests.Robustness;

/// <summary>One client interleaving edits, requests and cancellations as fast as it can write them.</summary>
public sealed class ConcurrencyTests(ITestOutputHelper output)
{
    private const string Uri = "file:///concurrency/spec.md";

    private static readonly string[] Requests =
    [
        Methods.TextDocumentDocumentSymbol, Methods.TextDocumentFoldingRange, Methods.TextDocumentHover, Methods.TextDocumentCompletion, Methods.TextDocumentDocumentLink,
    ];

    [Fact]
    public async Task ThousandInterleavedEditsRequestsAndCancellations_EveryResponseMatchesAndTheLastTextWins()
    {
        int seed = Random.Shared.Next();
        output.WriteLine($"seed {seed}");
        var random = new Random(seed);
        await using var client = LspTestClient.StartInProcess();
        await client.InitializeAsync();
        var text = SourceText.From("# Title\n\n## Section\n\nText with [a link](./x.md).\n");
        await client.OpenAsync(Uri, text.Text);

        int version = 1, edits = 0, cancels = 0;
        var sent = new List<(long Id, string Method, Task<LspResponse> Response)>();
        for (int op = 0; op < 1_000; op++)
        {
            int choice = random.Next(10);
            if (choice < 4)
            {
                int line = random.Next(text.LineCount);
                var at = new CorePosition(line, 0);
                var range = random.Next(4) == 0 && line + 1 < text.LineCount ? new CoreRange(at, new CorePosition(line + 1, 0)) : new CoreRange(at, at);
                string insert = random.Next(3) switch { 0 => $"## Section {op}\n", 1 => $"- **FR{op}:** item, see FR1\n", _ => string.Empty };
                text = text.WithChange(range, insert);
                await client.ChangeAsync(Uri, ++version, new TextDocumentContentChangeEvent { Range = ToLsp(range), Text = insert });
                edits++;
            }
            else if (choice < 8 || sent.Count == 0)
            {
                long id = 1_000_000 + op;
                string method = Requests[random.Next(Requests.Length)];
                var response = client.ExpectResponse(id);
                await client.SendAsync($$$"""{"jsonrpc":"2.0","id":{{{id}}},"method":"{{{method}}}","params":{"textDocument":{"uri":"{{{Uri}}}"},"position":{"line":{{{random.Next(text.LineCount)}}},"character":1} } }""");
                sent.Add((id, method, response));
            }
            else
            {
                await client.NotifyAsync(Methods.CancelRequest, $$$"""{"id":{{{sent[random.Next(sent.Count)].Id}}}}""");
                cancels++;
            }
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, method, response) in sent)
        {
            var answer = await response;
            string outcome = answer.ErrorCode switch
            {
                null => AssertShape(method, answer.Result, $"seed {seed}, request {id}"),
                ErrorCodes.RequestCancelled => "cancelled",
                ErrorCodes.ContentModified => "content modified",
                _ => throw new Xunit.Sdk.XunitException($"seed {seed}: request {id} ({method}) answered {answer.ErrorCode} {answer.ErrorMessage}"),
            };
            counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
        }

        var final = await client.RequestAsync(Methods.TextDocumentDocumentSymbol, $$$"""{"textDocument":{"uri":"{{{Uri}}}"}}""");
        var diagnostics = await client.WaitForDiagnosticsAsync(Uri, version);
        var workspace = await client.GetServiceAsync<OpenDocuments>();
        output.WriteLine($"{edits} edits, {sent.Count} requests, {cancels} cancellations; answers: {string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"))}");

        Assert.Equal(text.Text, workspace.Get(Uri)!.Text.Text);
        Assert.Equal(SymbolDump.FromCore(DocumentSymbols.Compute(SpecParser.Parse(text))), SymbolDump.FromLsp(final.Result));
        Assert.Equal(version, diagnostics.Version);
        Assert.Empty(client.FramingLog.Problems);
    }

    private static string AssertShape(string method, JsonElement result, string context)
    {
        var expected = method switch
        {
            Methods.TextDocumentHover => result.ValueKind is JsonValueKind.Null or JsonValueKind.Object,
            Methods.TextDocumentCompletion => result.ValueKind == JsonValueKind.Object && result.TryGetProperty("items", out _),
            _ => result.ValueKind == JsonValueKind.Array,
        };
        Assert.True(expected, $"{context}: {method} answered {result.GetRawText()}");
        return "answered";
    }

    private static Protocol.Lsp.Range ToLsp(CoreRange range) => new()
    {
        Start = new Protocol.Lsp.Position { Line = range.Start.Line, Character = range.Start.Character },
        End = new Protocol.Lsp.Position { Line = range.End.Line, Character = range.End.Character },
    };
}
