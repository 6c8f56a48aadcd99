using System.Collections.Immutable;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Symbols;

/// <summary>The outline of one document.</summary>
public static class DocumentSymbols
{
    /// <summary>Shown for a heading with no text; editors reject symbols with empty names.</summary>
    public const string EmptyHeadingName = "(empty heading)";

    /// <summary>The section tree with each defined ID as a child of its section.</summary>
    /// <remarks>An ID a heading defines (<c>#### FR1: Title</c>) is that heading's symbol, not a second one.</remarks>
    public static ImmutableArray<SymbolNode> Compute(SpecDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var idsBySection = new Dictionary<Section, List<IdDefinition>>(ReferenceEqualityComparer.Instance);
        var topLevelIds = new List<IdDefinition>();

        // Both lists are in document order: one pass walks the sections (pre-order) alongside the IDs, keeping
        // the chain of sections open at the current ID, so each ID goes to the deepest section that holds it
        // (what SpecDocument.FindSection answers, without a search per ID).
        var sections = document.AllSections;
        var open = new List<Section>();
        int next = 0;
        var end = document.Source.FullRange.End;
        foreach (var definition in document.IdDefinitions)
        {
            if (definition.Kind == IdDefinitionKind.Heading)
            {
                continue;
            }

            var at = definition.Range.Start;
            while (next < sections.Length && sections[next].Range.Start <= at)
            {
                var entered = sections[next++];
                while (open.Count > 0 && !Holds(open[^1], entered.Range.Start, end))
                {
                    open.RemoveAt(open.Count - 1);
                }

                open.Add(entered);
            }

            while (open.Count > 0 && !Holds(open[^1], at, end))
            {
                open.RemoveAt(open.Count - 1);
            }

            if (open.Count > 0)
            {
                var section = open[^1];
                (idsBySection.TryGetValue(section, out var list) ? list : idsBySection[section] = []).Add(definition);
            }
            else
            {
                topLevelIds.Add(definition);
            }
        }

        return Merge(document.Sections.Select(s => Build(s, idsBySection)), topLevelIds);
    }

    /// <summary>
    /// The first <paramref name="limit"/> symbols of <paramref name="nodes"/> in document order (a parent before its
    /// children), with <paramref name="cut"/> the number left out. No editor can show tens of thousands of outline rows,
    /// and an answer that large takes seconds to build and send.
    /// </summary>
    public static ImmutableArray<SymbolNode> Truncate(ImmutableArray<SymbolNode> nodes, int limit, out int cut)
    {
        int total = Count(nodes);
        cut = Math.Max(0, total - Math.Max(0, limit));
        if (cut == 0)
        {
            return nodes;
        }

        int budget = Math.Max(0, limit);
        return Take(nodes, ref budget);

        static ImmutableArray<SymbolNode> Take(ImmutableArray<SymbolNode> level, ref int budget)
        {
            var kept = ImmutableArray.CreateBuilder<SymbolNode>();
            foreach (var node in level)
            {
                if (budget == 0)
                {
                    break;
                }

                budget--;
                kept.Add(node.Children.IsDefaultOrEmpty ? node : node with { Children = Take(node.Children, ref budget) });
            }

            return kept.ToImmutable();
        }
    }

    /// <summary>How many symbols <paramref name="nodes"/> holds, children included.</summary>
    public static int Count(ImmutableArray<SymbolNode> nodes)
    {
        int count = 0;
        foreach (var node in nodes)
        {
            count += 1 + (node.Children.IsDefaultOrEmpty ? 0 : Count(node.Children));
        }

        return count;
    }

    // As SpecDocument.FindSectionPath decides it: a section holds the positions of its range, and the end of the text when it runs to it.
    private static bool Holds(Section section, Position position, Position textEnd) =>
        section.Range.Start <= position && (position < section.Range.End || (position == section.Range.End && section.Range.End == textEnd));

    /// <summary>Builds one section's node; the tree is at most six levels deep, so recursion is bounded.</summary>
    private static SymbolNode Build(Section section, Dictionary<Section, List<IdDefinition>> idsBySection)
    {
        var children = Merge(
            section.Children.Select(c => Build(c, idsBySection)),
            idsBySection.TryGetValue(section, out var ids) ? ids : []);
        return new SymbolNode(
            section.Title.Length > 0 ? section.Title : EmptyHeadingName,
            null,
            section.Level == 1 ? SpecSymbolKind.Title : SpecSymbolKind.Section,
            section.Range,
            section.TitleRange.IsEmpty ? section.HeadingRange : section.TitleRange,
            children);
    }

    private static ImmutableArray<SymbolNode> Merge(IEnumerable<SymbolNode> sections, IEnumerable<IdDefinition> ids)
    {
        var all = sections.Concat(ids.Select(ToSymbol)).ToList();
        all.Sort(static (a, b) => a.Range.Start.CompareTo(b.Range.Start));
        return [.. all];
    }

    private static SymbolNode ToSymbol(IdDefinition definition)
    {
        // The LSP client requires the selection range inside the range.
        var range = definition.LineRange.Contains(definition.Range) ? definition.LineRange : definition.Range;
        return new SymbolNode(definition.Id, definition.Title.Length > 0 ? definition.Title : null, SpecSymbolKind.Id, range, definition.Range, []);
    }
}
