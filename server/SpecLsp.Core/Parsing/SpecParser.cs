using SpecLsp.Core.Model;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Parsing;

/// <summary>Parses spec Markdown into a <see cref="SpecDocument"/>.</summary>
public static class SpecParser
{
    /// <summary>Parses <paramref name="source"/>. Never throws on any input; problems become <see cref="SpecDocument.ParseDiagnostics"/>.</summary>
    public static SpecDocument Parse(SourceText source, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new SpecDocument { Source = source };
    }
}
