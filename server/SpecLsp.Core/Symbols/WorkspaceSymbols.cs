using System.Collections.Immutable;
using SpecLsp.Core.Model;

namespace SpecLsp.Core.Symbols;

/// <summary>Finds headings and IDs across documents by fuzzy subsequence match.</summary>
public static class WorkspaceSymbols
{
    /// <summary>The best matches for <paramref name="query"/> across <paramref name="documents"/> (URI → document), best first, at most <paramref name="limit"/>.</summary>
    public static ImmutableArray<WorkspaceSymbolMatch> Search(IEnumerable<KeyValuePair<string, SpecDocument>> documents, string query, int limit = 500) => [];
}
