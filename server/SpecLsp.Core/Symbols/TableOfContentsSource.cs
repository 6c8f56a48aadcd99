using SpecLsp.Core.Analysis;
using SpecLsp.Core.CodeActions;

namespace SpecLsp.Core.Symbols;

/// <summary>The table of contents action: on request (Source Action…), or offered where one already is, to update it.</summary>
public sealed class TableOfContentsSource : ICodeActionSource
{
    /// <inheritdoc />
    public IEnumerable<SpecCodeAction> GetActions(AnalysisContext context, CodeActionRequest request) =>
        (request.Asks(TableOfContents.Kind) || TableOfContents.Contains(context.Document, request.Range.Start.Line))
        && TableOfContents.Action(context.Document, request.Range.Start) is { } toc
            ? [toc]
            : [];
}
