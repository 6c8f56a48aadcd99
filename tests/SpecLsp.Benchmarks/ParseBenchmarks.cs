using BenchmarkDotNet.Attributes;
using SpecLsp.Core.Folding;
using SpecLsp.Core.Model;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Symbols;
using SpecLsp.Core.Text;

namespace SpecLsp.Benchmarks;

/// <summary>The edit → model hot path on a 10,000-line spec (target: parse under 15 ms mean).</summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private SourceText _source = SourceText.From(string.Empty);
    private SpecDocument _document = null!;

    [GlobalSetup]
    public void Setup()
    {
        _source = SourceText.From(SpecGenerator.Generate(10_000));
        _document = SpecParser.Parse(_source);
    }

    [Benchmark]
    public SpecDocument Parse10kLines() => SpecParser.Parse(_source);

    [Benchmark]
    public int DocumentSymbols10kLines() => DocumentSymbols.Compute(_document).Length;

    [Benchmark]
    public int Folding10kLines() => FoldingRanges.Compute(_document).Length;
}
