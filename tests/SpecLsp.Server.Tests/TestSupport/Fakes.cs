using System.Collections.Immutable;
using SpecLsp.Core.Analysis;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Model;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Text;

namespace SpecLsp.Server.Tests.TestSupport;

/// <summary>Reports one diagnostic on every occurrence of a word, with every optional field filled.</summary>
internal sealed class WordAnalyzer(string word) : IDocumentAnalyzer
{
    public IEnumerable<SpecDiagnostic> Analyze(AnalysisContext context, CancellationToken cancellationToken)
    {
        var source = context.Document.Source;
        for (int i = source.Text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = source.Text.IndexOf(word, i + word.Length, StringComparison.Ordinal))
        {
            yield return new SpecDiagnostic(source.GetRange(i, i + word.Length), DiagnosticSeverity.Warning, DiagnosticCodes.TemplateText, $"'{word}' found")
            {
                IsUnnecessary = true,
                Data = ImmutableDictionary<string, string>.Empty.Add("word", word),
                Related = [new RelatedLocation(null, source.GetRange(0, 1), "first character")],
            };
        }
    }
}

/// <summary>A parse function that blocks until released, to hold a document's parse in flight.</summary>
internal sealed class GatedParser : IDisposable
{
    private readonly SemaphoreSlim _gate = new(0);
    private int _parses;

    public int Parses => Volatile.Read(ref _parses);

    public SpecDocument Parse(SourceText text, SpecDocument? previous)
    {
        Interlocked.Increment(ref _parses);
        if (text.Text.Contains("SLOW", StringComparison.Ordinal) && !_gate.Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException("The test never released the parser.");
        }

        return SpecParser.Parse(text, previous);
    }

    public void Release(int count = 100) => _gate.Release(count);

    public void Dispose() => _gate.Dispose();
}
