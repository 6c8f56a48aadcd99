using System.Collections.Immutable;
using System.Globalization;
using SpecLsp.Core.CodeActions;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Sections;

/// <summary>
/// Code actions on template sections: "Insert section 'X'" for <c>missing-section</c> (at its template position,
/// after the nearest present sibling that precedes it in the template, else before the nearest that follows),
/// "Move section into template order" for <c>section-order</c>, and the source action "Insert all missing sections".
/// </summary>
public static class SectionCodeActions
{
    /// <summary>
    /// The actions for <paramref name="range"/>. <paramref name="contextDiagnostics"/> are the client's diagnostics
    /// for the range (their Data locates the section); when none are given, the diagnostics are computed afresh.
    /// "Insert all missing sections" is a whole-document source action: it comes when
    /// <paramref name="includeSourceActions"/> asks for source actions, or when the range touches a missing section
    /// (never on a line with an unrelated problem, where an editor's menu would put it before that problem's fix).
    /// </summary>
    public static ImmutableArray<SpecCodeAction> Compute(TemplateMatch match, TextRange range, IReadOnlyList<SpecDiagnostic>? contextDiagnostics = null, bool includeSourceActions = false)
    {
        var all = SectionDiagnostics.Compute(match);
        var relevant = contextDiagnostics is { Count: > 0 }
            ? contextDiagnostics.Where(d => d.Range.Intersects(range)).ToList()
            : all.Where(d => d.Range.Intersects(range)).ToList();
        var actions = ImmutableArray.CreateBuilder<SpecCodeAction>();
        foreach (var diagnostic in relevant)
        {
            if (diagnostic.Data.GetValueOrDefault(SectionDiagnostics.TemplateKey) != match.Template.Name)
            {
                continue;
            }

            var action = diagnostic.Code switch
            {
                DiagnosticCodes.MissingSection => InsertSection(match, diagnostic),
                DiagnosticCodes.SectionOrder => MoveSection(match, diagnostic),
                _ => null,
            };
            if (action is not null)
            {
                actions.Add(action);
            }
        }

        var missing = all.Where(d => d.Code == DiagnosticCodes.MissingSection).ToImmutableArray();
        bool touchesMissing = relevant.Any(d => d.Code == DiagnosticCodes.MissingSection);
        if (!missing.IsEmpty && (includeSourceActions || touchesMissing))
        {
            var insertAll = InsertAll(match, missing);
            if (insertAll is not null)
            {
                actions.Add(insertAll);
            }
        }

        return actions.ToImmutable();
    }

    private static SpecCodeAction? InsertSection(TemplateMatch match, SpecDiagnostic diagnostic)
    {
        var target = Resolve(match, diagnostic);
        if (target is not { } found)
        {
            return null;
        }

        var edit = InsertionEdit(match, found.Parent, [found.Section]);
        return new SpecCodeAction($"Insert section '{found.Section.DisplayTitle}'", SpecCodeActionKinds.QuickFix, [edit])
        {
            Diagnostics = [diagnostic],
            IsPreferred = true,
        };
    }

    private static SpecCodeAction? InsertAll(TemplateMatch match, ImmutableArray<SpecDiagnostic> missing)
    {
        var targets = missing.Select(d => Resolve(match, d)).OfType<(MatchedSection? Parent, TemplateSection Section)>().ToList();
        if (targets.Count == 0)
        {
            return null;
        }

        var byOffset = new SortedDictionary<int, List<(int Depth, int Order, string Text)>>();
        int order = 0;
        foreach (var group in targets.GroupBy(t => t.Parent))
        {
            foreach (var (parent, section) in group)
            {
                var (offset, _) = InsertionPoint(match, parent, section);
                int level = match.ChildLevelOf(parent);
                if (!byOffset.TryGetValue(offset, out var list))
                {
                    byOffset[offset] = list = [];
                }

                list.Add((level, order++, section.Render(level)));
            }
        }

        var source = match.Document.Source;
        var edits = ImmutableArray.CreateBuilder<SpecTextEdit>();
        foreach (var (offset, pieces) in byOffset)
        {
            var texts = pieces.OrderByDescending(p => p.Depth).ThenBy(p => p.Order).Select(p => p.Text);
            edits.Add(new SpecTextEdit(new TextRange(source.GetPosition(offset), source.GetPosition(offset)), Surround(source, offset, string.Join("\n\n", texts))));
        }

        return new SpecCodeAction("Insert all missing sections", SpecCodeActionKinds.InsertMissingSections, edits.ToImmutable())
        {
            Diagnostics = missing,
        };
    }

    private static SpecCodeAction? MoveSection(TemplateMatch match, SpecDiagnostic diagnostic)
    {
        var candidates = match.All().Where(m => m.Template is not null && !m.IsDuplicate
            && m.Template.IndexPath == diagnostic.Data.GetValueOrDefault(SectionDiagnostics.IndexPathKey)).ToList();
        var node = candidates.FirstOrDefault(m => m.Section.HeadingRange == diagnostic.Range) ?? (candidates.Count == 1 ? candidates[0] : null);
        if (node is null)
        {
            return null;
        }

        var source = match.Document.Source;
        var siblings = match.ChildrenOf(node.Parent).Where(c => c.Template is not null && !c.IsDuplicate && !ReferenceEquals(c, node)).ToList();
        int index = node.Template!.Index;
        int deleteStart = source.GetOffset(new Position(node.Section.HeadingRange.Start.Line, 0));
        int deleteEnd = LineStartAtOrAfter(source, node.Section.Range.End);
        var next = siblings.FirstOrDefault(s => s.Template!.Index > index);
        int target;
        if (next is not null)
        {
            target = source.GetOffset(new Position(next.Section.HeadingRange.Start.Line, 0));
        }
        else
        {
            var previous = siblings.LastOrDefault(s => s.Template!.Index <= index);
            if (previous is null)
            {
                return null;
            }

            target = LineStartAtOrAfter(source, previous.Section.Range.End);
        }

        if (target >= deleteStart && target <= deleteEnd)
        {
            return null;
        }

        string moved = source.Text[deleteStart..deleteEnd].TrimEnd();
        var edits = ImmutableArray.Create(
            new SpecTextEdit(source.GetRange(deleteStart, deleteEnd), string.Empty),
            new SpecTextEdit(source.GetRange(target, target), Surround(source, target, moved)));
        return new SpecCodeAction("Move section into template order", SpecCodeActionKinds.QuickFix, edits)
        {
            Diagnostics = [diagnostic],
            IsPreferred = true,
        };
    }

    private static (MatchedSection? Parent, TemplateSection Section)? Resolve(TemplateMatch match, SpecDiagnostic diagnostic)
    {
        if (!diagnostic.Data.TryGetValue(SectionDiagnostics.IndexPathKey, out var indexPath) || match.Template.FindByIndexPath(indexPath) is not { } section)
        {
            return null;
        }

        MatchedSection? parent = null;
        if (section.Parent is { } parentTemplate && !ReferenceEquals(parentTemplate, match.Template.Root))
        {
            int? line = int.TryParse(diagnostic.Data.GetValueOrDefault(SectionDiagnostics.ParentLineKey), NumberStyles.None, CultureInfo.InvariantCulture, out int l) ? l : null;
            // The line tells apart two parents of one template section (Risk 1 under two risk kinds); when an
            // edit has moved it since the diagnostic was made, a single candidate is still unambiguous.
            var candidates = match.All().Where(m => ReferenceEquals(m.Template, parentTemplate) && !m.IsDuplicate).ToList();
            parent = candidates.FirstOrDefault(m => m.Section.HeadingRange.Start.Line == line) ?? (candidates.Count == 1 ? candidates[0] : null);
            if (parent is null)
            {
                return null;
            }
        }

        return match.MissingChildren(parent).Contains(section) ? (parent, section) : null;
    }

    private static SpecTextEdit InsertionEdit(TemplateMatch match, MatchedSection? parent, IReadOnlyList<TemplateSection> sections)
    {
        var source = match.Document.Source;
        var (offset, _) = InsertionPoint(match, parent, sections[0]);
        int level = match.ChildLevelOf(parent);
        string text = string.Join("\n\n", sections.Select(s => s.Render(level)));
        var at = source.GetPosition(offset);
        return new SpecTextEdit(new TextRange(at, at), Surround(source, offset, text));
    }

    /// <summary>Where <paramref name="section"/> goes under <paramref name="parent"/>: an offset at a line start (or the end of the text).</summary>
    internal static (int Offset, bool AfterSibling) InsertionPoint(TemplateMatch match, MatchedSection? parent, TemplateSection section)
    {
        var source = match.Document.Source;
        var siblings = match.ChildrenOf(parent).Where(c => c.Template is not null && !c.IsDuplicate).ToList();
        MatchedSection? previous = null;
        foreach (var sibling in siblings)
        {
            if (sibling.Template!.Index < section.Index && (previous is null || sibling.Template.Index >= previous.Template!.Index))
            {
                previous = sibling;
            }
        }

        if (previous is not null)
        {
            return (LineStartAtOrAfter(source, previous.Section.Range.End), true);
        }

        var next = siblings.Where(s => s.Template!.Index > section.Index).OrderBy(s => s.Template!.Index).ThenBy(s => s.Section.HeadingRange.Start).FirstOrDefault();
        if (next is not null)
        {
            return (source.GetOffset(new Position(next.Section.HeadingRange.Start.Line, 0)), false);
        }

        var end = parent?.Section.Range.End ?? match.Document.Title?.Range.End ?? source.FullRange.End;
        return (LineStartAtOrAfter(source, end), true);
    }

    /// <summary><paramref name="text"/> with the line breaks that keep it a block of its own at <paramref name="offset"/>.</summary>
    private static string Surround(SourceText source, int offset, string text)
    {
        string before = string.Empty;
        if (offset > 0)
        {
            string head = source.Text[..offset];
            if (!head.EndsWith('\n') && !head.EndsWith('\r'))
            {
                before = "\n\n";
            }
            else if (!head.EndsWith("\n\n", StringComparison.Ordinal) && !head.EndsWith("\r\n\r\n", StringComparison.Ordinal) && !head.EndsWith("\r\r", StringComparison.Ordinal))
            {
                before = "\n";
            }
        }

        string after = offset >= source.Length ? "\n" : "\n\n";
        string result = before + text.Replace("\r\n", "\n", StringComparison.Ordinal) + after;
        return source.Text.Contains("\r\n", StringComparison.Ordinal) ? result.Replace("\n", "\r\n", StringComparison.Ordinal) : result;
    }

    private static int LineStartAtOrAfter(SourceText source, Position position)
    {
        int offset = source.GetOffset(position);
        var at = source.GetPosition(offset);
        if (at.Character == 0)
        {
            return offset;
        }

        int line = at.Line + 1;
        return line >= source.LineCount ? source.Length : source.Lines.GetLineStart(line);
    }
}
