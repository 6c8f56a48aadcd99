using SpecLsp.Core.Folding;
using SpecLsp.Protocol.Lsp;

namespace SpecLsp.Server.Conversions;

/// <summary>Core folding regions to LSP folding ranges (whole lines: no encoding involved).</summary>
internal static class FoldingConversions
{
    public static FoldingRange ToLsp(FoldingRegion region) => new()
    {
        StartLine = region.StartLine,
        EndLine = region.EndLine,
        Kind = region.Kind switch
        {
            FoldingRegionKind.Comment => FoldingRangeKind.Comment,
            FoldingRegionKind.FrontMatter => FoldingRangeKind.Region,
            _ => null,
        },
    };
}
