using SpecLsp.Core.Symbols;
using SpecLsp.Core.Text;
using SpecLsp.Protocol.Lsp;

namespace SpecLsp.Server.Conversions;

/// <summary>Core outline nodes to LSP symbols.</summary>
internal static class SymbolConversions
{
    public static SymbolKind ToLsp(SpecSymbolKind kind) => kind switch
    {
        SpecSymbolKind.Title => SymbolKind.File,
        SpecSymbolKind.Id => SymbolKind.Key,

        // VS Code's own Markdown outline shows headings as strings; doing the same keeps icons familiar.
        _ => SymbolKind.String,
    };

    public static DocumentSymbol[] ToDocumentSymbols(IEnumerable<SymbolNode> nodes, SourceText text, PositionEncoder encoder) =>
        [.. nodes.Select(node => new DocumentSymbol
        {
            Name = NonEmpty(node.Name),
            Detail = node.Detail,
            Kind = ToLsp(node.Kind),
            Range = encoder.ToLsp(text, node.Range),
            SelectionRange = encoder.ToLsp(text, node.SelectionRange),
            Children = node.Children.IsDefaultOrEmpty ? null : ToDocumentSymbols(node.Children, text, encoder),
        })];

    public static SymbolInformation[] ToSymbolInformation(IEnumerable<SymbolNode> nodes, string uri, SourceText text, PositionEncoder encoder)
    {
        var flat = new List<SymbolInformation>();
        Flatten(nodes, null);
        return [.. flat];

        void Flatten(IEnumerable<SymbolNode> level, string? container)
        {
            foreach (var node in level)
            {
                flat.Add(new SymbolInformation
                {
                    Name = NonEmpty(node.Name),
                    Kind = ToLsp(node.Kind),
                    Location = new Location { Uri = uri, Range = encoder.ToLsp(text, node.Range) },
                    ContainerName = container,
                });
                if (!node.Children.IsDefaultOrEmpty)
                {
                    Flatten(node.Children, node.Name);
                }
            }
        }
    }

    // Clients reject symbols with empty names (VS Code throws), and "#" alone is a legal heading.
    private static string NonEmpty(string name) => string.IsNullOrWhiteSpace(name) ? "(untitled)" : name;
}
