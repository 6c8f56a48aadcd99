using SpecLsp.Core.CodeActions;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Placeholders;

namespace SpecLsp.Core.Metadata;

/// <summary>Quick fixes for <c>invalid-metadata</c>, from the diagnostic's data alone.</summary>
public static class MetadataFixes
{
    /// <summary>One action per allowed value for a value outside the template's options; none for other problems, which need a person.</summary>
    public static IEnumerable<SpecCodeAction> For(SpecDiagnostic diagnostic)
    {
        if (diagnostic.Code != DiagnosticCodes.InvalidMetadata || !diagnostic.Data.TryGetValue(MetadataData.Options, out var options))
        {
            return [];
        }

        return PlaceholderFixes.ChooseOption(diagnostic, options.Split('\n').Where(o => o.Length > 0));
    }
}
