using System.Diagnostics;
using Markdig;
using System.Globalization;
using SpecLsp.Core.Analysis;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Benchmarks.Latency;

/// <summary>
/// Stopwatch profile of the edit → diagnostics path in process, per step, on a generated spec:
/// <c>… -- edit-profile [LINES]</c>. A quick look at where the time goes, not a BenchmarkDotNet job.
/// </summary>
internal static class EditPathProfile
{
    // The same extensions as SpecParser's pipeline, to split the parse into Markdig's part and ours.
    private static readonly Markdig.MarkdownPipeline MarkdigPipeline = new Markdig.MarkdownPipelineBuilder()
        .UsePreciseSourceLocation().UseYamlFrontMatter().UsePipeTables().UseTaskLists().UseAutoLinks().Build();

    public static int Run(string[] args)
    {
        int lines = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var text = SourceText.From(SpecGenerator.Generate(lines));
        // The facade's analyzers, each timed on its own.
        static Core.Placeholders.TemplateFacts? Facts(AnalysisContext context) => context.Snapshot.TemplateFacts(context.Environment);
        IDocumentAnalyzer[] analyzers =
        [
            new Core.Sections.SectionAnalyzer(), new Core.References.LinkAnalyzer(), new Core.References.IdAnalyzer(),
            new Core.Placeholders.PlaceholderAnalyzer(Facts), new Core.Metadata.MetadataAnalyzer(Facts),
        ];
        var index = WorkspaceIndex.Create(new InMemoryWorkspace("/ws"));
        var timings = new Dictionary<string, List<double>>();
        var allocated = new Dictionary<string, long>();
        void Time(string name, Action action)
        {
            long bytes = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            action();
            var list = timings.TryGetValue(name, out var l) ? l : timings[name] = [];
            list.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            allocated[name] = GC.GetAllocatedBytesForCurrentThread() - bytes;
        }

        int bytes = 0;

        // A character typed in the middle of a paragraph, as the latency driver does.
        int middle = text.Text.IndexOf("This area covers", text.Length / 2, StringComparison.Ordinal);
        for (int i = 0; i < 30; i++)
        {
            Core.Model.SpecDocument document = null!;
            Time("markdig alone", () => _ = Markdig.Markdown.Parse(text.Text, MarkdigPipeline));
            Time("parse (markdig + model)", () => document = SpecParser.Parse(text));
            var edited = SourceText.From(text.Text.Insert(middle + i, "a"));
            Time("reparse after an edit", () => _ = SpecParser.Parse(edited, document));
            SpecLsp.Core.Symbols.SymbolNode[] symbols = [];
            Protocol.Lsp.DocumentSymbol[] lsp = [];
            Time("document symbols", () => symbols = [.. SpecLsp.Core.Symbols.DocumentSymbols.Compute(document)]);
            Time("symbols to LSP", () => lsp = Server.Conversions.SymbolConversions.ToDocumentSymbols(symbols, text, Server.Conversions.PositionEncoder.Utf16));
            Time("symbols serialized", () => bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes((Protocol.Lsp.DocumentSymbolResult)lsp, Protocol.Lsp.LspJsonContext.Default.DocumentSymbolResult).Length);
            var context = new AnalysisContext { Document = document, DocumentUri = "file:///ws/spec.md", Workspace = index, Today = new DateOnly(2026, 1, 5) };
            foreach (var analyzer in analyzers)
            {
                Time(analyzer.GetType().Name, () => _ = analyzer.Analyze(context, CancellationToken.None).ToList());
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"documentSymbol response: {bytes / 1024} KB"));
        foreach (var (name, samples) in timings)
        {
            var sorted = samples.Skip(5).Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-24} median {sorted[sorted.Count / 2],7:F2} ms  min {sorted[0],7:F2} ms  allocates {allocated[name] / 1024,6} KB"));
        }

        return 0;
    }
}
