using SpecLsp.Core.Analysis;
using SpecLsp.Core.CodeActions;
using SpecLsp.Core.Completion;

namespace SpecLsp.Core.Sections;

/// <summary>The sections feature's completions and code actions, for documents that follow a template.</summary>
public sealed class SectionSources : ICompletionSource, ICodeActionSource
{
    /// <inheritdoc />
    public IEnumerable<SpecCompletionItem> Complete(AnalysisContext context, CompletionRequest request)
    {
        // Sections answer "#" and explicit invocation; " " and "*" are metadata triggers, except a space typed after
        // a line's "#"s ("## "), which asks for sections.
        var source = context.Document.Source;
        bool headingSpace = request.TriggerCharacter == " " && request.Caret.Line < source.LineCount
            && source.GetLineText(request.Caret.Line).TrimStart().StartsWith('#');
        if (request.IsMetadataTrigger && !headingSpace)
        {
            return [];
        }

        return context.Snapshot.Match(context.Environment) is { } match ? SectionCompletion.Complete(match, request.Caret) : [];
    }

    /// <inheritdoc />
    public IEnumerable<SpecCodeAction> GetActions(AnalysisContext context, CodeActionRequest request) =>
        context.Snapshot.Match(context.Environment) is { } match
            ? SectionCodeActions.Compute(match, request.Range, request.Diagnostics, request.Asks(SpecCodeActionKinds.InsertMissingSections))
            : [];
}
