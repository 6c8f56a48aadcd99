using Markdig;
using Markdig.Syntax;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Parsing;

/// <summary>Parses spec Markdown into a <see cref="SpecDocument"/>.</summary>
public static class SpecParser
{
    /// <summary>
    /// The one pipeline, built once and shared (a built pipeline is thread-safe): CommonMark with precise
    /// source positions, YAML front matter, GitHub pipe tables, task lists and bare URLs as autolinks.
    /// </summary>
    internal static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseTaskLists()
        .UseAutoLinks()
        .Build();

    /// <summary>Parses <paramref name="source"/>. Never throws on any input; problems become <see cref="SpecDocument.ParseDiagnostics"/>.</summary>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled (checked between blocks).</exception>
    public static SpecDocument Parse(SourceText source, CancellationToken cancellationToken = default) =>
        Parse(source, previous: null, cancellationToken);

    /// <summary>
    /// Parses <paramref name="source"/>, an edited version of <paramref name="previous"/>'s text: only the part
    /// between the headings around the edit is parsed again when that is sure to give the same model as a full
    /// parse (see <see cref="IncrementalParser"/>); otherwise the whole text is. Never throws on any input.
    /// </summary>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled.</exception>
    public static SpecDocument Parse(SourceText source, SpecDocument? previous, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        cancellationToken.ThrowIfCancellationRequested();
        if (previous is not null && TryReparse(previous, source, cancellationToken) is { } reparsed)
        {
            return reparsed;
        }

        return ParseWhole(source, indexOnly: false, cancellationToken);
    }

    /// <summary>
    /// Parses <paramref name="source"/> for <see cref="Workspace.FileIndex.Create"/> alone, as the workspace scan does
    /// for files no one has open: the same headings, anchors, IDs, links and reference definitions as
    /// <see cref="Parse(SourceText, CancellationToken)"/>, without the parts of the model only an open document's
    /// features read (block spans, list items, table rows, bold labels, tasks, code blocks and spans, HTML comments,
    /// which stay empty). Never throws on any input.
    /// </summary>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled.</exception>
    internal static SpecDocument ParseForIndex(SourceText source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        cancellationToken.ThrowIfCancellationRequested();
        return ParseWhole(source, indexOnly: true, cancellationToken);
    }

    private static SpecDocument ParseWhole(SourceText source, bool indexOnly, CancellationToken cancellationToken)
    {
        try
        {
            string text = PathologicalInputGuard.Neutralize(source.Text, out long destinationScanCost);
            var markdown = Markdown.Parse(text, Pipeline);
            return new DocumentBuilder(source, cancellationToken, indexOnly: indexOnly).Build(markdown, ReferenceEquals(text, source.Text) ? destinationScanCost : null);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            // No input is known to get here (the fuzz tests check it); if one does, the document is still served, flat.
            return new SpecDocument
            {
                Source = source,
                ParseDiagnostics =
                [
                    new SpecDiagnostic(new TextRange(default, default), DiagnosticSeverity.Warning, DiagnosticCodes.UnreadableFile, "The Markdown parser failed on this file: " + e.Message),
                ],
            };
        }
    }

    // A reparse that fails for any reason falls back to the full parse, which has its own guard.
    private static SpecDocument? TryReparse(SpecDocument previous, SourceText source, CancellationToken cancellationToken)
    {
        try
        {
            return IncrementalParser.TryReparse(previous, source, cancellationToken);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            return null;
        }
    }
}
