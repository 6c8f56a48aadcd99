using System.Diagnostics;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Text;
using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Hosting;

namespace SpecLsp.Benchmarks;

/// <summary>
/// Times each adversarial document of the robustness issue, once each, printed one line per document:
/// <c>dotnet run -c Release --project tests/SpecLsp.Benchmarks -- adversarial</c>.
/// Three figures: <see cref="SpecParser.Parse"/> alone; the server from didOpen to the pushed diagnostics of
/// that version (in process, over pipes, debounce included); and a documentSymbol request on a small
/// document sent right after the heavy didOpen, which must not wait for the heavy parse.
/// The unit tests assert behaviour only; the times belong here, on a machine not shared with a build.
/// </summary>
internal static class AdversarialBenchmark
{
    public static IReadOnlyList<(string Name, string Text)> Documents() =>
    [
        ("1 MB single line", "# T\n\n" + Repeat("lorem ipsum ", 1_000_000 / 12) + "\n"),
        ("100 KB of [a](", Repeat("[a](", 25_000)),
        ("10,000 nested lists", Repeat("- ", 10_000) + "x\n"),
        ("10,000 nested block quotes", new string('>', 10_000) + " x\n"),
        ("10,000 nested lists and quotes", Repeat("- > ", 5_000) + "x\n"),
        ("front matter of 100,000 [", "---\n" + new string('[', 100_000) + "\n---\n# T\n"),
        ("YAML alias bomb", AliasBomb()),
        ("50,000 headings", Repeat("## Heading\n\ntext\n\n", 50_000)),
        ("100 KB of ![a](", Repeat("![a](", 20_000)),
        ("100 KB of [a]( with spaces", Repeat("[a]( ", 20_000)),
        ("100 KB of [", new string('[', 100_000)),
        ("100 KB of *a", Repeat("*a", 50_000)),
        ("200 KB of *a", Repeat("*a", 100_000)),
        ("100 KB of **_", Repeat("**_", 33_000) + "x"),
        ("100 KB of backticks", Repeat("`a``", 25_000)),
        ("100 KB of http://", Repeat("http://", 14_000)),
        ("100 KB of <a", Repeat("<a ", 33_000)),
        ("100 KB of <!--", Repeat("<!--", 25_000)),
        ("100 KB of pipes", "| a |\n|---|\n" + Repeat("|", 100_000) + "\n"),
        ("200 KB of pipes", "| a |\n|---|\n" + Repeat("|", 200_000) + "\n"),
        ("100,000 headings", Repeat("## Heading\n\ntext\n\n", 100_000)),
        ("20,000 nested lists", Repeat("- ", 20_000) + "x\n"),
        ("200 KB of [a](", Repeat("[a](", 50_000)),
    ];

    public static int Run()
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores; times in ms; one run each after a warm-up"));
        SpecParser.Parse(SourceText.From("# Warm up\n\n- [a](b)\n"));
        using var server = new InProcessServer();
        server.StartAsync().GetAwaiter().GetResult();
        int version = 1;
        foreach (var (name, text) in Documents())
        {
            var parse = Stopwatch.StartNew();
            var document = SpecParser.Parse(SourceText.From(text));
            parse.Stop();
            var (open, symbol) = server.OpenAsync("file:///bench/adversarial.md", text, ++version).GetAwaiter().GetResult();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-32} {text.Length / 1000.0,8:F0} K chars  parse {parse.Elapsed.TotalMilliseconds,8:F1}  open->diagnostics {open.TotalMilliseconds,8:F1}  small documentSymbol meanwhile {symbol.TotalMilliseconds,7:F1}  sections {document.AllSections.Length}  parse diagnostics {string.Join(",", document.ParseDiagnostics.Select(d => d.Code + ": " + d.Message[..Math.Min(80, d.Message.Length)]))}"));
        }

        return 0;
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static string AliasBomb()
    {
        var yaml = new StringBuilder("---\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"a{i}: &a{i} [");
            yaml.AppendJoin(", ", Enumerable.Repeat($"*a{i - 1}", 9));
            yaml.Append("]\n");
        }

        return yaml.Append("---\n# T\n").ToString();
    }

    /// <summary>The real server over two pipes, with our own JSON-RPC connection as its client.</summary>
    private sealed class InProcessServer : IDisposable
    {
        private readonly Pipe _toServer = new();
        private readonly Pipe _fromServer = new();
        private readonly JsonRpcConnection _client;
        private readonly Dictionary<int, TaskCompletionSource> _diagnostics = [];

        public InProcessServer()
        {
            _ = Task.Run(() => ServerHost.RunAsync(_toServer.Reader, _fromServer.Writer));
            _client = new JsonRpcConnection(_fromServer.Reader, _toServer.Writer);
            _client.AddNotificationHandler(Methods.TextDocumentPublishDiagnostics, false, LspJsonContext.Default.PublishDiagnosticsParams, (p, _) =>
            {
                lock (_diagnostics)
                {
                    if (p.Version is { } v && _diagnostics.TryGetValue(v, out var done))
                    {
                        done.TrySetResult();
                    }
                }

                return Task.CompletedTask;
            });
            _client.AddNotificationHandler(Methods.WindowLogMessage, false, LspJsonContext.Default.LogMessageParams, (_, _) => Task.CompletedTask);
            _client.AddRequestHandler(Methods.WorkspaceConfiguration, false, LspJsonContext.Default.JsonElement, LspJsonContext.Default.JsonElement, (p, _) =>
                Task.FromResult(Json("[" + string.Join(",", Enumerable.Repeat("null", p.GetProperty("items").GetArrayLength())) + "]")));
            _ = _client.RunAsync();
        }

        public async Task StartAsync()
        {
            await Request(Methods.Initialize, """{"processId":null,"rootUri":null,"capabilities":{"textDocument":{"publishDiagnostics":{"versionSupport":true}}}}""");
            _client.SendNotification(Methods.Initialized, Json("{}"), LspJsonContext.Default.JsonElement);
            _client.SendNotification(Methods.TextDocumentDidOpen, Json("""{"textDocument":{"uri":"file:///bench/small.md","languageId":"markdown","version":1,"text":"# Small\n\n## A\n"}}"""), LspJsonContext.Default.JsonElement);
            await Request(Methods.TextDocumentDocumentSymbol, """{"textDocument":{"uri":"file:///bench/small.md"}}""");
        }

        public async Task<(TimeSpan Open, TimeSpan Symbol)> OpenAsync(string uri, string text, int version)
        {
            var published = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_diagnostics)
            {
                _diagnostics[version] = published;
            }

            var item = new DidOpenTextDocumentParams { TextDocument = new TextDocumentItem { Uri = uri, LanguageId = "markdown", Version = version, Text = text } };
            var open = Stopwatch.StartNew();
            _client.SendNotification(Methods.TextDocumentDidOpen, item, LspJsonContext.Default.DidOpenTextDocumentParams);
            var symbol = Stopwatch.StartNew();
            await Request(Methods.TextDocumentDocumentSymbol, """{"textDocument":{"uri":"file:///bench/small.md"}}""");
            symbol.Stop();
            await published.Task.WaitAsync(TimeSpan.FromMinutes(2));
            open.Stop();
            _client.SendNotification(Methods.TextDocumentDidClose, Json($$$"""{"textDocument":{"uri":"{{{uri}}}"}}"""), LspJsonContext.Default.JsonElement);
            return (open.Elapsed, symbol.Elapsed);
        }

        public void Dispose()
        {
            _client.Stop();
            _toServer.Writer.Complete();
        }

        private Task<JsonElement> Request(string method, string json) =>
            _client.SendRequestAsync(method, Json(json), LspJsonContext.Default.JsonElement, LspJsonContext.Default.JsonElement);

        private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
    }
}
