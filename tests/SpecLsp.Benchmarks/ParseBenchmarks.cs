using BenchmarkDotNet.Attributes;
using SpecLsp.Core.Folding;
using SpecLsp.Core.Model;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Symbols;
using SpecLsp.Core.Text;

namespace SpecLsp.Benchmarks;

/// <summary>
/// The edit → model hot path on a 10,000-line spec (target: parse under 15 ms mean); the workspace scan's parse of
/// the same spec for its index entry; and the same spec without URLs and pipes (as many real specs are), parsed with
/// the pipeline <see cref="SpecParser.PipelineFor"/> picks for it and with the full one.
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private SourceText _source = SourceText.From(string.Empty);
    private SourceText _plain = SourceText.From(string.Empty);
    private SpecDocument _document = null!;

    [GlobalSetup]
    public void Setup()
    {
        _source = SourceText.From(SpecGenerator.Generate(10_000));
        _plain = SourceText.From(_source.Text.Replace("://", ":/", StringComparison.Ordinal).Replace('|', '¦'));
        _document = SpecParser.Parse(_source);
    }

    [Benchmark]
    public SpecDocument Parse10kLines() => SpecParser.Parse(_source);

    [Benchmark]
    public SpecDocument ParseForIndex10kLines() => SpecParser.ParseForIndex(_source);

    [Benchmark]
    public SpecDocument Parse10kLinesWithoutUrlsOrPipes() => SpecParser.Parse(_plain);

    [Benchmark]
    public SpecDocument Parse10kLinesWithoutUrlsOrPipesFullPipeline() => SpecParser.ParseWith(_plain, SpecParser.Pipeline);

    [Benchmark]
    public int DocumentSymbols10kLines() => DocumentSymbols.Compute(_document).Length;

    [Benchmark]
    public int Folding10kLines() => FoldingRanges.Compute(_document).Length;
}
