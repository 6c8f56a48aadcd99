using SpecLsp.Core.Analysis;
using SpecLsp.Core.CodeActions;
using SpecLsp.Core.Completion;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Text;

namespace SpecLsp.Server.Handlers;

/// <summary>A feature's completions; the completion handler asks every source registered in DI.</summary>
internal interface ICompletionSource
{
    IEnumerable<SpecCompletionItem> Complete(AnalysisContext context, Position caret);
}

/// <summary>A feature's code actions; the code action handler asks every source registered in DI.</summary>
internal interface ICodeActionSource
{
    /// <param name="context">The document and what analysis knows about it.</param>
    /// <param name="range">The range the client asks about.</param>
    /// <param name="diagnostics">The speclsp diagnostics the client sent back, with their data.</param>
    IEnumerable<SpecCodeAction> GetActions(AnalysisContext context, TextRange range, IReadOnlyList<SpecDiagnostic> diagnostics);
}
