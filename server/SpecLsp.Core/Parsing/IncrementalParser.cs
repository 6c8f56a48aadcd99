using System.Collections.Immutable;
using Markdig;
using Markdig.Syntax;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Parsing;

/// <summary>
/// Parses an edited document again by parsing only the region the edit can have changed: from the last heading
/// before the edit to the first heading after it. Everything outside is taken from the previous model, moved by
/// the number of lines the edit added or removed. The result is the model a full parse gives, or null (and the
/// caller parses the whole text) whenever that cannot be made sure of.
/// </summary>
/// <remarks>
/// <para>
/// A region boundary is an ATX heading at the start of a line, on a line the edit left alone. Such a heading is a
/// top-level leaf block: every block before it is closed when it starts, and it leaves nothing open after it. So
/// the blocks before the region parse exactly as before, and the region, parsed as a document of its own, parses
/// as it does inside the whole text — provided nothing in the region runs on past its end. That is checked by
/// parsing the next boundary's line with the region: an unclosed code fence or HTML block would swallow it, and
/// then it would not come out as a heading.
/// </para>
/// <para>
/// What a Markdown document shares across blocks is checked too: link reference definitions (none may exist,
/// before or after), the pathological-input guard's budget (it adds up line by line), the metadata scope the
/// headings set (it must be the same after the region), the title (metadata IDs carry it), the set of ID
/// prefixes (a word is a mention only when its prefix is defined somewhere) and the heading anchors' numbering
/// (the section tree and its anchors are rebuilt from all the headings every time).
/// </para>
/// </remarks>
internal static class IncrementalParser
{
    public static SpecDocument? TryReparse(SpecDocument previous, SourceText source, CancellationToken cancellationToken)
    {
        if (previous.DestinationScanCost is not { } previousCost || !previous.ReferenceDefinitions.IsEmpty)
        {
            return null;
        }

        var region = Region.Find(previous, source);
        string text = source.Text;

        // Front matter runs from the first line to its closing '---', across any '# ' line inside it: an edit after
        // the region's start can open or close it (a closing line added far below an unclosed one), so only a front
        // matter that the previous parse saw closed before the region is safe to keep. A region from the first line
        // holds the front matter itself and may end at a "# " line inside it, where the region's parse sees it unclosed.
        if (text.StartsWith("---", StringComparison.Ordinal)
            && (previous.FrontMatter is null || previous.FrontMatter.Range.End.Line >= region.StartLine))
        {
            return null;
        }
        string regionText = text[region.Start..region.ParseEnd];
        if (!ReferenceEquals(PathologicalInputGuard.Neutralize(regionText, out long regionCost), regionText))
        {
            return null;
        }

        long cost = previousCost - PathologicalInputGuard.DestinationScanCost(previous.Source.Text, region.Start, region.OldParseEnd) + regionCost;
        if (!PathologicalInputGuard.WithinBudget(cost, text.Length))
        {
            return null;
        }

        var markdown = Markdown.Parse(regionText, SpecParser.PipelineFor(regionText));
        int count = markdown.Count;
        if (region.StartLine > 0 && !IsAtxHeadingAt(markdown, 0, 0))
        {
            return null;
        }

        if (region.OldEndLine >= 0)
        {
            if (!IsAtxHeadingAt(markdown, count - 1, region.End - region.Start))
            {
                return null;
            }

            count--;
        }

        var builder = new DocumentBuilder(source, cancellationToken, region.Start, ScopeBefore(previous, region.StartLine));
        builder.Walk(markdown, count);
        if (region.OldEndLine >= 0)
        {
            builder.EndBeforeHeading();
            if (builder.Scope != ScopeBefore(previous, region.OldEndLine))
            {
                return null;
            }
        }

        if (!builder.ReferenceDefinitions.IsEmpty)
        {
            return null;
        }

        var headings = new List<HeadingInfo>(previous.AllSections.Length + builder.Headings.Count);
        foreach (var section in previous.AllSections)
        {
            if (section.HeadingRange.Start.Line < region.StartLine)
            {
                headings.Add(HeadingInfo.Of(section));
            }
        }

        headings.AddRange(builder.Headings);
        if (region.OldEndLine >= 0)
        {
            foreach (var section in previous.AllSections)
            {
                if (section.HeadingRange.Start.Line >= region.OldEndLine)
                {
                    var heading = HeadingInfo.Of(section);
                    headings.Add(region.LineDelta == 0 ? heading : heading with
                    {
                        HeadingRange = Shift(heading.HeadingRange, region.LineDelta),
                        TitleRange = Shift(heading.TitleRange, region.LineDelta),
                    });
                }
            }
        }

        var (roots, all) = DocumentBuilder.BuildSections(headings, source.GetPosition(text.Length), source.LineCount);
        var title = all.FirstOrDefault(s => s.Level == 1);
        if (!string.Equals(title?.Title, previous.Title?.Title, StringComparison.Ordinal))
        {
            return null;
        }

        var regionMetadata = builder.SelectMetadata();
        var regionDefinitions = builder.BuildDefinitions(regionMetadata, title?.Title);
        var definitions = region.Splice(previous.IdDefinitions, regionDefinitions, d => d.Range.Start.Line, static (d, n) => d with { Range = Shift(d.Range, n), LineRange = Shift(d.LineRange, n) });
        var prefixes = DocumentBuilder.IdPrefixes(definitions);
        if (!prefixes.SetEquals(previous.IdPrefixes))
        {
            return null;
        }

        return new SpecDocument
        {
            Source = source,
            FrontMatter = region.StartLine == 0 ? builder.FrontMatter : previous.FrontMatter,
            Title = title,
            Sections = roots,
            AllSections = all,
            Metadata = region.Splice(previous.Metadata, regionMetadata, m => m.KeyRange.Start.Line, static (m, n) => m with
            {
                KeyRange = Shift(m.KeyRange, n),
                ValueRange = Shift(m.ValueRange, n),
                LineRange = Shift(m.LineRange, n),
            }),
            IdDefinitions = definitions,
            IdMentions = region.Splice(previous.IdMentions, builder.BuildMentions(prefixes, regionDefinitions), m => m.Range.Start.Line, static (m, n) => m with { Range = Shift(m.Range, n) }),
            Links = region.Splice(previous.Links, builder.Links, l => l.Range.Start.Line, static (l, n) => l with { Range = Shift(l.Range, n), TargetRange = Shift(l.TargetRange, n) }),
            ReferenceDefinitions = [],
            TaskItems = region.Splice(previous.TaskItems, builder.TaskItems, t => t.Range.Start.Line, static (t, n) => t with { Range = Shift(t.Range, n), CheckboxRange = Shift(t.CheckboxRange, n) }),
            CodeBlocks = region.Splice(previous.CodeBlocks, builder.CodeBlocks, c => c.Range.Start.Line, static (c, n) => c with { Range = Shift(c.Range, n) }),
            CodeSpans = region.Splice(previous.CodeSpans, builder.CodeSpans, r => r.Start.Line, Shift),
            HtmlComments = region.Splice(previous.HtmlComments, builder.HtmlComments, c => c.Range.Start.Line, static (c, n) => c with { Range = Shift(c.Range, n) }),
            ExplicitAnchors = region.Splice(previous.ExplicitAnchors, builder.ExplicitAnchors, a => a.Range.Start.Line, static (a, n) => a with { Range = Shift(a.Range, n) }),
            Blocks = region.Splice(previous.Blocks, builder.Blocks, b => b.Range.Start.Line, static (b, n) => b with { Range = Shift(b.Range, n) }),
            ListItems = region.Splice(previous.ListItems, builder.ListItems, i => i.Range.Start.Line, static (i, n) => i with { Range = Shift(i.Range, n), MarkerRange = Shift(i.MarkerRange, n) }),
            BoldLabels = region.Splice(previous.BoldLabels, builder.BoldLabels, l => l.LabelRange.Start.Line, static (l, n) => l with { LabelRange = Shift(l.LabelRange, n), KeyRange = Shift(l.KeyRange, n) }),
            TableRows = region.Splice(previous.TableRows, builder.TableRows, r => r.Range.Start.Line, static (r, n) => r with
            {
                Range = Shift(r.Range, n),
                TableRange = Shift(r.TableRange, n),
                Cells = [.. r.Cells.Select(c => Shift(c, n))],
            }),
            ParseDiagnostics = region.Splice(previous.ParseDiagnostics, builder.ParseDiagnostics, d => d.Range.Start.Line, static (d, n) => d with { Range = Shift(d.Range, n) }),
            DestinationScanCost = cost,
            IdPrefixes = prefixes,
        };
    }

    /// <summary>True when top-level block <paramref name="index"/> is an ATX heading starting at <paramref name="offset"/>.</summary>
    private static bool IsAtxHeadingAt(MarkdownDocument markdown, int index, int offset) =>
        index >= 0 && index < markdown.Count && markdown[index] is HeadingBlock { IsSetext: false } heading && heading.Span.Start == offset;

    /// <summary>The metadata scope in force at <paramref name="line"/>: what the headings before it make of it.</summary>
    private static HeadingScope ScopeBefore(SpecDocument document, int line)
    {
        var scope = default(HeadingScope);
        foreach (var section in document.AllSections)
        {
            if (section.HeadingRange.Start.Line >= line)
            {
                break;
            }

            scope = scope.Enter(section.Level, section.Title);
        }

        return scope;
    }

    private static TextRange Shift(TextRange range, int lines) =>
        new(new Position(range.Start.Line + lines, range.Start.Character), new Position(range.End.Line + lines, range.End.Character));

    /// <summary>
    /// The lines to parse again. <see cref="StartLine"/> and <see cref="OldEndLine"/> are boundaries of the
    /// previous text (a heading line left alone by the edit, or the start and end of the text, -1 for the end);
    /// offsets are in the new text except where named Old.
    /// </summary>
    private readonly record struct Region(int StartLine, int OldEndLine, int LineDelta, int Start, int End, int ParseEnd, int OldParseEnd)
    {
        public static Region Find(SpecDocument previous, SourceText source)
        {
            string oldText = previous.Source.Text;
            string newText = source.Text;
            var oldLines = previous.Source.Lines;
            var newLines = source.Lines;

            // The changed lines, widened by a character each way so that a line break split or joined at the edge
            // (a CR LF becoming two breaks, say) counts as changed.
            int prefix = oldText.AsSpan().CommonPrefixLength(newText);
            int room = Math.Min(oldText.Length, newText.Length) - prefix;
            int suffix = CommonSuffixLength(oldText.AsSpan(oldText.Length - room), newText.AsSpan(newText.Length - room));
            int firstChangedLine = oldLines.GetLine(Math.Max(0, prefix - 1));
            int lastChangedLine = oldLines.GetLine(Math.Min(oldText.Length, oldText.Length - suffix + 1));

            int startLine = 0;
            int endLine = -1;
            foreach (var section in previous.AllSections)
            {
                int line = section.HeadingRange.Start.Line;
                if (!IsBoundary(section, oldText, oldLines))
                {
                    continue;
                }

                if (line < firstChangedLine)
                {
                    startLine = line;
                }
                else if (line > lastChangedLine)
                {
                    endLine = line;
                    break;
                }
            }

            int delta = newLines.LineCount - oldLines.LineCount;
            int start = newLines.GetLineStart(startLine);
            int end = endLine < 0 ? newText.Length : newLines.GetLineStart(endLine + delta);
            int parseEnd = endLine < 0 ? newText.Length : newLines.GetLineStart(endLine + delta + 1);
            int oldParseEnd = endLine < 0 ? oldText.Length : oldLines.GetLineStart(endLine + 1);
            return new Region(startLine, endLine, delta, start, end, parseEnd, oldParseEnd);
        }

        /// <summary>The previous model's <paramref name="items"/> before the region, the region's, and the previous ones after it, moved.</summary>
        public ImmutableArray<T> Splice<T>(ImmutableArray<T> items, ImmutableArray<T> regionItems, Func<T, int> lineOf, Func<T, int, T> shift)
        {
            var result = ImmutableArray.CreateBuilder<T>(items.Length + regionItems.Length);
            foreach (var item in items)
            {
                if (lineOf(item) < StartLine)
                {
                    result.Add(item);
                }
            }

            result.AddRange(regionItems);
            if (OldEndLine >= 0)
            {
                foreach (var item in items)
                {
                    if (lineOf(item) >= OldEndLine)
                    {
                        result.Add(LineDelta == 0 ? item : shift(item, LineDelta));
                    }
                }
            }

            return result.DrainToImmutable();
        }

        // An ATX heading at the very start of its line: a top-level block (inside a list or quote it would be indented).
        private static bool IsBoundary(Section section, string text, LineMap lines) =>
            !section.IsSetext && section.HeadingRange.Start.Character == 0 && text[lines.GetLineStart(section.HeadingRange.Start.Line)] == '#';

        private static int CommonSuffixLength(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
        {
            // Whole blocks first (vectorised), then the characters of the last differing block.
            const int Block = 256;
            int matched = 0;
            while (matched + Block <= a.Length && a.Slice(a.Length - matched - Block, Block).SequenceEqual(b.Slice(b.Length - matched - Block, Block)))
            {
                matched += Block;
            }

            while (matched < a.Length && a[a.Length - matched - 1] == b[b.Length - matched - 1])
            {
                matched++;
            }

            return matched;
        }
    }
}
