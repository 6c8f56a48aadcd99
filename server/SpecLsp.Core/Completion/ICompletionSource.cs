using SpecLsp.Core.Analysis;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Completion;

/// <summary>Where completion was asked for and what typed character asked, if any.</summary>
/// <param name="Caret">The caret.</param>
/// <param name="TriggerCharacter">The character whose typing asked (<c>#</c>, <c>(</c>, a space…), or null for explicit invocation.</param>
public sealed record CompletionRequest(Position Caret, string? TriggerCharacter = null)
{
    /// <summary>True for the metadata triggers: a space (after <c>**Status:**</c>) and <c>*</c> (starting a key).</summary>
    public bool IsMetadataTrigger => TriggerCharacter is " " or "*";
}

/// <summary>One feature's completions (sections, metadata, references); <see cref="SpecLanguageService"/> asks each in turn.</summary>
public interface ICompletionSource
{
    /// <summary>The completions for <paramref name="request"/> in <paramref name="context"/>'s document.</summary>
    IEnumerable<SpecCompletionItem> Complete(AnalysisContext context, CompletionRequest request);
}
