using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SpecLsp.Core.Analysis;
using SpecLsp.Core.Completion;
using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Handlers;
using SpecLsp.Server.Tests.TestSupport;

namespace SpecLsp.Server.Tests.Robustness;

/// <summary>Failures inside the server are reported, once, and never stop it; floods of diagnostics are capped.</summary>
public sealed class ServerFaultTests
{
    private const string Uri = "file:///faults/spec.md";

    [Fact]
    public async Task HandlerThrows_ReportedOnceInLogMessageAndTheServerKeepsServing()
    {
        await using var client = LspTestClient.StartInProcess(services => services.AddSingleton<ICompletionSource>(new ThrowingCompletionSource()));
        await client.InitializeAsync();
        await client.OpenAsync(Uri, "# Spec\n\n## Part\n");

        var failures = new List<LspResponse>();
        for (int i = 0; i < 3; i++)
        {
            failures.Add(await client.RequestAsync(Methods.TextDocumentCompletion, $$$"""{"textDocument":{"uri":"{{{Uri}}}"},"position":{"line":0,"character":2}}"""));
        }

        var symbols = await client.RequestAsync(Methods.TextDocumentDocumentSymbol, $$$"""{"textDocument":{"uri":"{{{Uri}}}"}}""");

        Assert.All(failures, f => Assert.Equal(ErrorCodes.InternalError, f.ErrorCode));
        Assert.False(symbols.IsError);
        var reports = client.Notifications(Methods.WindowLogMessage)
            .Where(p => p.GetProperty("message").GetString()!.Contains(ThrowingCompletionSource.Message, StringComparison.Ordinal))
            .ToList();
        var report = Assert.Single(reports);
        Assert.Equal((int)MessageType.Error, report.GetProperty("type").GetInt32());
        Assert.Contains(nameof(ThrowingCompletionSource), report.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzerThrows_ReportedOnceAndOtherDiagnosticsAndRequestsGoOn()
    {
        var analyzer = new ThrowingAnalyzer();
        await using var client = LspTestClient.StartInProcess(services => services.AddSingleton<IDocumentAnalyzer>(analyzer));
        await client.InitializeAsync();

        for (int version = 1; version <= 3; version++)
        {
            await client.OpenAsync($"file:///faults/{version}.md", "# Spec\n");
            var answer = await client.RequestAsync(Methods.TextDocumentDocumentSymbol, $$$"""{"textDocument":{"uri":"file:///faults/{{{version}}}.md"}}""");
            Assert.False(answer.IsError);
        }

        await client.WaitForNotificationAsync(Methods.WindowLogMessage, p => p.GetProperty("message").GetString()!.Contains(ThrowingAnalyzer.Message, StringComparison.Ordinal));
        var deadline = DateTime.UtcNow + LspTestClient.Timeout;
        while (analyzer.Calls < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        // The failures after the first are logged on stderr only; give them the moment they need to be sent if they were not.
        await Task.Delay(300);
        var last = await client.RequestAsync(Methods.WorkspaceSymbol, """{"query":"Spec"}""");

        Assert.False(last.IsError);
        Assert.Equal(3, analyzer.Calls);
        Assert.Single(client.Notifications(Methods.WindowLogMessage), p => p.GetProperty("message").GetString()!.Contains(ThrowingAnalyzer.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThousandsOfDiagnostics_CutToTheDefaultMaximumPlusOneSayingHowManyMore()
    {
        await using var client = LspTestClient.StartInProcess(services => services.AddSingleton<IDocumentAnalyzer>(new WordAnalyzer("TODO")));
        await client.InitializeAsync();

        await client.OpenAsync(Uri, "# Spec\n\n" + new StringBuilder().Insert(0, "TODO ", 3_000) + "\n");
        var published = await client.WaitForDiagnosticsAsync(Uri, 1);

        Assert.Equal(1_001, published.Diagnostics.Length);
        Assert.Equal(1_000, published.Diagnostics.Count(d => d.Code?.ToString() == "template-text"));
        var last = published.Diagnostics[^1];
        Assert.Equal("too-many-diagnostics", last.Code?.ToString());
        Assert.Equal("2000 more diagnostics are not shown (maxDiagnosticsPerDocument is 1000).", last.Message);
    }

    [Fact]
    public async Task ThousandsOfDiagnostics_ConfiguredMaximum_Applied()
    {
        await using var client = LspTestClient.StartInProcess(services => services.AddSingleton<IDocumentAnalyzer>(new WordAnalyzer("TODO")));
        await client.InitializeAsync();
        await client.OpenAsync(Uri, "# Spec\n\n" + new StringBuilder().Insert(0, "TODO ", 3_000) + "\n");
        await client.WaitForDiagnosticsAsync(Uri, 1);

        await client.NotifyAsync(Methods.WorkspaceDidChangeConfiguration, """{"settings":{"speclsp":{"maxDiagnosticsPerDocument":50}}}""");
        var published = await client.WaitForNotificationAsync(Methods.TextDocumentPublishDiagnostics, p => p.GetProperty("diagnostics").GetArrayLength() == 51);

        Assert.Equal("2950 more diagnostics are not shown (maxDiagnosticsPerDocument is 50).", published.GetProperty("diagnostics")[50].GetProperty("message").GetString());
    }

    private sealed class ThrowingCompletionSource : ICompletionSource
    {
        public const string Message = "completion source exploded";

        public IEnumerable<SpecCompletionItem> Complete(AnalysisContext context, CompletionRequest request) => throw new InvalidOperationException(Message);
    }

    private sealed class ThrowingAnalyzer : IDocumentAnalyzer
    {
        public const string Message = "analyzer exploded";

        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public IEnumerable<Core.Diagnostics.SpecDiagnostic> Analyze(AnalysisContext context, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            throw new InvalidOperationException(Message);
        }
    }
}
