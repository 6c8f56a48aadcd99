using System.Collections.Immutable;
using SpecLsp.Core.Model;

namespace SpecLsp.Core.Symbols;

/// <summary>The outline of one document.</summary>
public static class DocumentSymbols
{
    /// <summary>The section tree with each defined ID as a child of its section.</summary>
    public static ImmutableArray<SymbolNode> Compute(SpecDocument document) => [];
}
