using System.Collections.Immutable;
using System.Globalization;
using SpecLsp.Core.Completion;
using SpecLsp.Core.Model;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Sections;

/// <summary>
/// Completion of sections: on a line of <c>#</c>s, the template sections missing at that level under the
/// current parent; on an empty line, the sections missing under the current section and under each enclosing
/// one, nearest first. Within each, the sections the template puts at the caret come first (the others say in their
/// detail where they belong), in template order, except that the next member of a repeatable group the caret
/// follows comes first.
/// </summary>
public static class SectionCompletion
{
    /// <summary>The completions at <paramref name="caret"/>; empty when the caret is not on an empty or <c>#</c>-only line.</summary>
    public static ImmutableArray<SpecCompletionItem> Complete(TemplateMatch match, Position caret)
    {
        var document = match.Document;
        var source = document.Source;
        if (caret.Line < 0 || caret.Line >= source.LineCount || IsInCodeOrFrontMatter(document, caret))
        {
            return [];
        }

        string line = source.GetLineText(caret.Line);

        // Only at the end of what is on the line: typing "## " in front of "## Documentation" must not offer an edit
        // that replaces the existing heading.
        if (caret.Character > line.Length || !string.IsNullOrWhiteSpace(line[caret.Character..]))
        {
            return [];
        }

        var lineRange = new TextRange(caret.Line, 0, caret.Line, line.Length);
        int hashes = CountHashes(line, out bool isHeadingLine);
        if (!isHeadingLine && !string.IsNullOrWhiteSpace(line))
        {
            return [];
        }

        var path = document.FindSectionPath(caret).Where(s => s.HeadingRange.Start.Line != caret.Line && s.HeadingRange.Start.Line < caret.Line).ToList();
        var parents = new List<MatchedSection?>();
        if (isHeadingLine)
        {
            if (hashes < 2)
            {
                return [];
            }

            var parentSection = path.LastOrDefault(s => s.Level < hashes);
            MatchedSection? parent = null;
            if (parentSection is { Level: > 1 })
            {
                parent = match.Find(parentSection);
                if (parent?.Template is null || parent.IsDuplicate)
                {
                    return [];
                }
            }

            if (match.ChildLevelOf(parent) != hashes)
            {
                return [];
            }

            parents.Add(parent);
        }
        else
        {
            for (int i = path.Count - 1; i >= 0; i--)
            {
                if (path[i].Level == 1)
                {
                    break;
                }

                var node = match.Find(path[i]);
                if (node?.Template is not null && !node.IsDuplicate)
                {
                    parents.Add(node);
                }
            }

            parents.Add(null);
        }

        var items = ImmutableArray.CreateBuilder<SpecCompletionItem>();
        for (int rank = 0; rank < parents.Count; rank++)
        {
            AddCandidates(match, parents[rank], rank, caret, lineRange, items);
        }

        return items.ToImmutable();
    }

    private static void AddCandidates(TemplateMatch match, MatchedSection? parent, int rank, Position caret, TextRange lineRange, ImmutableArray<SpecCompletionItem>.Builder items)
    {
        var template = match.TemplateOf(parent);
        if (template is null)
        {
            return;
        }

        var children = match.ChildrenOf(parent);
        var present = children.Where(c => c.Template is not null).Select(c => c.Template!).ToHashSet();
        var previous = children.LastOrDefault(c => c.Section.HeadingRange.Start.Line < caret.Line);
        var before = children.Where(c => c.Template is not null && !c.IsDuplicate && c.Section.HeadingRange.Start.Line < caret.Line).ToList();
        var after = children.Where(c => c.Template is not null && !c.IsDuplicate && c.Section.HeadingRange.Start.Line > caret.Line).ToList();
        int level = match.ChildLevelOf(parent);
        string heading = new('#', level);
        foreach (var section in template.Children)
        {
            int? member = null;
            if (section.Group is not null)
            {
                int max = children.Where(c => ReferenceEquals(c.Template, section)).Select(c => c.MemberNumber ?? 0).DefaultIfEmpty(section.Group!.Number - 1).Max();
                member = max + 1;
            }
            else if (!section.IsRepeatable && present.Contains(section))
            {
                continue;
            }

            bool first = section.IsRepeatable && previous is not null && ReferenceEquals(previous.Template, section);
            string title = section.TitleFor(member);
            string text = section.Render(level, member);

            // What belongs at the caret comes first; a section the template puts elsewhere says where, since
            // inserted here it would be reported out of order at once.
            var misplacedAfter = before.LastOrDefault(c => c.Template!.Index > section.Index);
            var misplacedBefore = after.FirstOrDefault(c => c.Template!.Index < section.Index);
            bool fits = !match.Template.IsOrdered || (misplacedAfter is null && misplacedBefore is null);
            string sort = string.Create(CultureInfo.InvariantCulture, $"{rank:D2}{(fits ? 0 : 1)}{(first ? 0 : 1)}{section.Index:D4}");
            // Where it belongs comes first, so that an editor that cuts the detail short still shows it.
            string detail = (fits ? string.Empty : Where(children, section))
                + (section.IsRepeatable ? "next member" : section.IsRequired ? "required section" : "optional section")
                + $" · template {match.Template.Name}";
            items.Add(new SpecCompletionItem(
                title,
                detail,
                sort,
                heading + " " + title,
                TemplateText.ToSnippet(text + "\n"),
                text + "\n",
                lineRange,
                section.Body));
        }
    }

    // "belongs before 'Rollout' · ": the present sibling the template puts next after it, else the one just before it.
    private static string Where(IReadOnlyList<MatchedSection> children, TemplateSection section)
    {
        var placed = children.Where(c => c.Template is not null && !c.IsDuplicate).ToList();
        if (placed.Where(c => c.Template!.Index > section.Index).MinBy(c => c.Template!.Index) is { } next)
        {
            return $"belongs before '{next.Section.Title}' · ";
        }

        return placed.Where(c => c.Template!.Index < section.Index).MaxBy(c => c.Template!.Index) is { } prior
            ? $"belongs after '{prior.Section.Title}' · "
            : string.Empty;
    }

    private static int CountHashes(string line, out bool isHeadingLine)
    {
        int i = 0;
        while (i < line.Length && i < 3 && line[i] == ' ')
        {
            i++;
        }

        int start = i;
        while (i < line.Length && line[i] == '#')
        {
            i++;
        }

        int count = i - start;
        isHeadingLine = count is >= 1 and <= 6 && (i == line.Length || line[i] == ' ' || line[i] == '\t');
        return count;
    }

    private static bool IsInCodeOrFrontMatter(SpecDocument document, Position caret)
    {
        if (document.FrontMatter is { } frontMatter && frontMatter.Range.Contains(caret) && caret < frontMatter.Range.End)
        {
            return true;
        }

        foreach (var block in document.CodeBlocks)
        {
            if (block.Range.Start < caret && caret < block.Range.End)
            {
                return true;
            }
        }

        return false;
    }
}
