using System.Collections.Immutable;
using SpecLsp.Core.Analysis;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.CodeActions;

/// <summary>What code actions are asked for.</summary>
/// <param name="Range">The range the client asks about.</param>
/// <param name="Diagnostics">The speclsp diagnostics the client sent back for it, with their data.</param>
/// <param name="Only">The kinds the client asked for (<c>source</c>, <c>quickfix</c>…); empty for any.</param>
public sealed record CodeActionRequest(TextRange Range, IReadOnlyList<SpecDiagnostic> Diagnostics, ImmutableArray<string> Only = default)
{
    /// <summary>True when the client asked for exactly the kinds that include <paramref name="kind"/> (<c>source</c> asks for every source action).</summary>
    public bool Asks(string kind) => !Only.IsDefaultOrEmpty && Only.Any(asked => kind.StartsWith(asked, StringComparison.Ordinal));
}

/// <summary>One feature's code actions (sections, placeholders, references…); <see cref="SpecLanguageService"/> asks each in turn.</summary>
public interface ICodeActionSource
{
    /// <summary>The actions for <paramref name="request"/> in <paramref name="context"/>'s document.</summary>
    IEnumerable<SpecCodeAction> GetActions(AnalysisContext context, CodeActionRequest request);
}
