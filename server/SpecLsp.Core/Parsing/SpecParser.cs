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
    /// The full pipeline, built once and shared (a built pipeline is thread-safe): CommonMark with precise
    /// source positions, YAML front matter, GitHub pipe tables, task lists and bare URLs as autolinks. A text that
    /// cannot use the last two is parsed by the same pipeline without them (<see cref="PipelineFor"/>).
    /// </summary>
    internal static readonly MarkdownPipeline Pipeline = Build(pipeTables: true, autoLinks: true);

    // The same pipeline without the extensions a text gives nothing to act on (see PipelineFor).
    private static readonly MarkdownPipeline WithoutAutoLinks = Build(pipeTables: true, autoLinks: false);
    private static readonly MarkdownPipeline WithoutPipeTables = Build(pipeTables: false, autoLinks: true);
    private static readonly MarkdownPipeline Plain = Build(pipeTables: false, autoLinks: false);

    // The same four for the index parse, which leaves plain paragraphs and headings to the builder (PlainLeavesExtension).
    private static readonly MarkdownPipeline[] ForIndex =
    [
        Build(pipeTables: true, autoLinks: true, forIndex: true),
        Build(pipeTables: true, autoLinks: false, forIndex: true),
        Build(pipeTables: false, autoLinks: true, forIndex: true),
        Build(pipeTables: false, autoLinks: false, forIndex: true),
    ];

    /// <summary>
    /// The bare-URL autolink parser tries every <c>h</c>, <c>f</c>, <c>m</c>, <c>t</c> and <c>w</c> of the prose
    /// (a fifth of Markdig's time on a spec), and it makes a link only where the text holds <c>://</c>, <c>mailto:</c>,
    /// <c>tel:</c> or <c>www.</c>; a pipe table needs a <c>|</c>. A text without them parses to the same tree without
    /// those extensions (the parser's literal runs merge back into the same literals), so it is parsed without them.
    /// </summary>
    internal static MarkdownPipeline PipelineFor(string text) => Choose(text, forIndex: false);

    /// <summary>As <see cref="PipelineFor"/>, for the index parse: the same extensions, and plain leaves left to the builder.</summary>
    internal static MarkdownPipeline IndexPipelineFor(string text) => Choose(text, forIndex: true);

    /// <summary>
    /// False when Markdig's bare-URL autolink parser cannot make a link anywhere in <paramref name="text"/> (see
    /// <see cref="PipelineFor"/>). It matches its prefixes in lower case only (<c>WWW.</c> and <c>MAILTO:</c> stay
    /// text), so they are looked for as they are: ordinal searches, vectorised, where ignoring case is a character loop
    /// in the invariant globalization mode the server runs in.
    /// </summary>
    internal static bool MayHoldBareUrl(ReadOnlySpan<char> text) =>
        text.Contains("://", StringComparison.Ordinal) || text.Contains("www.", StringComparison.Ordinal)
        || text.Contains("mailto:", StringComparison.Ordinal) || text.Contains("tel:", StringComparison.Ordinal);

    private static MarkdownPipeline Choose(string text, bool forIndex)
    {
        bool autoLinks = MayHoldBareUrl(text);
        bool pipeTables = text.Contains('|', StringComparison.Ordinal);
        if (forIndex)
        {
            return ForIndex[(pipeTables ? 0 : 2) + (autoLinks ? 0 : 1)];
        }

        return (pipeTables, autoLinks) switch
        {
            (true, true) => Pipeline,
            (true, false) => WithoutAutoLinks,
            (false, true) => WithoutPipeTables,
            (false, false) => Plain,
        };
    }

    private static MarkdownPipeline Build(bool pipeTables, bool autoLinks, bool forIndex = false)
    {
        var builder = new MarkdownPipelineBuilder().UsePreciseSourceLocation().UseYamlFrontMatter();
        if (pipeTables)
        {
            builder.UsePipeTables();
        }

        builder.UseTaskLists();
        if (autoLinks)
        {
            builder.UseAutoLinks();
        }

        if (forIndex)
        {
            builder.Extensions.Add(new PlainLeavesExtension(autoLinks));
        }

        return builder.Build();
    }

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
    /// which stay empty; link texts and raw heading titles, which are empty strings). Never throws on any input.
    /// </summary>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellationToken"/> is cancelled.</exception>
    internal static SpecDocument ParseForIndex(SourceText source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        cancellationToken.ThrowIfCancellationRequested();
        return ParseWhole(source, indexOnly: true, cancellationToken);
    }

    /// <summary>A whole parse with <paramref name="pipeline"/> for every text, for tests comparing <see cref="PipelineFor"/>'s choice with it.</summary>
    internal static SpecDocument ParseWith(SourceText source, MarkdownPipeline pipeline) =>
        ParseWhole(source, indexOnly: false, CancellationToken.None, pipeline);

    private static SpecDocument ParseWhole(SourceText source, bool indexOnly, CancellationToken cancellationToken, MarkdownPipeline? pipeline = null)
    {
        try
        {
            string text = PathologicalInputGuard.Neutralize(source.Text, out long destinationScanCost);
            var markdown = Markdown.Parse(text, pipeline ?? (indexOnly ? IndexPipelineFor(text) : PipelineFor(text)));
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
