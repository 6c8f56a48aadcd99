using BenchmarkDotNet.Attributes;
using SpecLsp.Core.Completion;
using SpecLsp.Core.Model;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Sections;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Text;

namespace SpecLsp.Benchmarks;

/// <summary>The template part of the edit → diagnostics hot path on a 10,000-line spec: choose, match, diagnose.</summary>
[MemoryDiagnoser]
public class TemplateBenchmarks
{
    private SpecDocument _document = null!;
    private TemplateMatch _match = null!;

    [GlobalSetup]
    public void Setup()
    {
        _document = SpecParser.Parse(SourceText.From(SpecGenerator.Generate(10_000)));
        var template = TemplateEnvironment.Default.Choose(_document).Template ?? TemplateCatalog.BuiltIn.Find("detailed")!;
        _match = TemplateMatch.Create(_document, template);
    }

    [Benchmark]
    public TemplateChoice Choose10kLines() => TemplateEnvironment.Default.Choose(_document, "file:///ws/specs/export.md");

    [Benchmark]
    public int MatchAndDiagnose10kLines() => SectionDiagnostics.Compute(TemplateMatch.Create(_document, _match.Template)).Length;

    [Benchmark]
    public int CompleteAtEnd10kLines() => SectionCompletion.Complete(_match, new Position(_document.Source.LineCount - 1, 0)).Length;
}
