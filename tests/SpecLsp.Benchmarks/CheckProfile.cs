using System.Diagnostics;
using Markdig;
using System.Globalization;
using SpecLsp.Core;
using SpecLsp.Core.Analysis;
using SpecLsp.Core.Configuration;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Benchmarks;

/// <summary>
/// Where the index scan and <c>speclsp check</c> spend their CPU, per step and per file, on one thread over the
/// index benchmark's generated workspace: <c>… -- check-profile [FILES] [FOLDER]</c>. Each step is timed with a
/// Stopwatch and what it allocates is read from <see cref="GC.GetAllocatedBytesForCurrentThread"/>; the workspace is
/// walked twice and the second walk is printed (the first warms the JIT).
/// </summary>
internal static class CheckProfile
{
    public static int Run(string[] args)
    {
        int files = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        string folder = args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), $"speclsp-bench-{files}");
        if (!Directory.Exists(folder))
        {
            WorkspaceIndexBenchmark.Generate(folder, files);
        }

        var workspace = new DiskWorkspace([folder]);
        var paths = workspace.EnumerateSpecFiles().ToList();
        var environment = TemplateEnvironmentLoader.Load(folder, clientSettings: null, configurationFile: null).Environment;
        var service = new SpecLanguageService(new FixedTemplateEnvironmentSource(environment), TimeProvider.System);
        var index = WorkspaceIndexer.IndexAll(workspace);
        static Core.Placeholders.TemplateFacts? Facts(AnalysisContext context) => context.Snapshot.TemplateFacts(context.Environment);
        IDocumentAnalyzer[] analyzers =
        [
            new Core.Sections.SectionAnalyzer(), new Core.References.LinkAnalyzer(), new Core.References.IdAnalyzer(),
            new Core.Placeholders.PlaceholderAnalyzer(Facts), new Core.Metadata.MetadataAnalyzer(Facts),
        ];

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load {File.ReadAllText("/proc/loadavg").Trim()}; {paths.Count} files"));
        for (int round = 0; round < 2; round++)
        {
            var steps = new Steps();
            foreach (var path in paths)
            {
                string text = steps.Time("read + decode", () => workspace.ReadFile(path).Text!);
                string guarded = steps.Time("pathological-input guard", () => PathologicalInputGuard.Neutralize(text, out _));
                _ = steps.Time("markdig alone", () => Markdown.Parse(guarded, SpecParser.Pipeline));
                _ = steps.Time("parse for the index (scan)", () => SpecParser.ParseForIndex(SourceText.From(text)));
                _ = steps.Time("parse, full pipeline for all", () => SpecParser.ParseWith(SourceText.From(text), SpecParser.Pipeline));
                var document = steps.Time("parse (markdig + model)", () => SpecParser.Parse(SourceText.From(text)));
                var entry = steps.Time("FileIndex.Create", () => FileIndex.Create(path, document, workspace.Roots));
                _ = steps.Time("ForCrossFileChecks", entry.ForCrossFileChecks);
                var snapshot = new SpecSnapshot(document, WorkspacePaths.ToFileUri(path));
                var context = service.CreateContext(snapshot, index);
                _ = steps.Time("template choice", () => snapshot.Choice(environment));
                _ = steps.Time("template match", () => snapshot.Match(environment));
                _ = steps.Time("non-prose mask", () => snapshot.NonProse);
                _ = steps.Time("labelled lines", () => snapshot.LabeledLines.Length);
                foreach (var analyzer in analyzers)
                {
                    _ = steps.Time(analyzer.GetType().Name, () => analyzer.Analyze(context, CancellationToken.None).ToList());
                }

                var fresh = service.CreateContext(new SpecSnapshot(document, WorkspacePaths.ToFileUri(path)), index);
                _ = steps.Time("Diagnose (all, fresh snapshot)", () => service.Diagnose(fresh));
            }

            if (round == 1)
            {
                steps.Print(paths.Count);
            }
        }

        return 0;
    }

    private sealed class Steps
    {
        private readonly Dictionary<string, (double Ms, long Bytes)> _totals = [];
        private readonly List<string> _order = [];

        public T Time<T>(string name, Func<T> step)
        {
            long bytes = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            var result = step();
            double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            long allocated = GC.GetAllocatedBytesForCurrentThread() - bytes;
            if (!_totals.TryGetValue(name, out var total))
            {
                _order.Add(name);
            }

            _totals[name] = (total.Ms + ms, total.Bytes + allocated);
            return result;
        }

        public void Print(int files)
        {
            foreach (var name in _order)
            {
                var (ms, bytes) = _totals[name];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-32} {ms / 1000,7:F2} s  {ms * 1000 / files,8:F0} µs/file  {bytes / 1e6,8:F0} MB  {bytes / 1024.0 / files,7:F0} KB/file"));
            }
        }
    }
}
