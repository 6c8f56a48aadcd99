using System.Collections.Immutable;
using SpecLsp.Core.Model;

namespace SpecLsp.Core.Symbols;

/// <summary>Finds headings and IDs across parsed documents, ranked by <see cref="SymbolMatcher"/>.</summary>
public static class WorkspaceSymbols
{
    /// <summary>The best matches for <paramref name="query"/> across <paramref name="documents"/> (URI → document), best first, at most <paramref name="limit"/>.</summary>
    /// <remarks>
    /// Headings match on their title, IDs on <c>ID: title</c>; an ID a heading defines is only that heading. An empty query matches everything (score 0).
    /// Ties go to the shorter name, then to the earlier document and position.
    /// </remarks>
    public static ImmutableArray<WorkspaceSymbolMatch> Search(IEnumerable<KeyValuePair<string, SpecDocument>> documents, string query, int limit = 500)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var matcher = new SymbolMatcher(query);
        if (limit <= 0)
        {
            return [];
        }

        var matches = new List<(WorkspaceSymbolMatch Match, int Order)>();
        foreach (var (uri, document) in documents)
        {
            var stack = new Stack<(Section Section, string? Container)>();
            for (int i = document.Sections.Length - 1; i >= 0; i--)
            {
                stack.Push((document.Sections[i], null));
            }

            while (stack.Count > 0)
            {
                var (section, container) = stack.Pop();
                for (int i = section.Children.Length - 1; i >= 0; i--)
                {
                    stack.Push((section.Children[i], section.Title));
                }

                if (section.Title.Length > 0)
                {
                    Consider(section.Title, container, section.Level == 1 ? SpecSymbolKind.Title : SpecSymbolKind.Section, uri, section.TitleRange);
                }
            }

            // An ID a heading defines is found through that heading's title, which starts with it.
            foreach (var definition in document.IdDefinitions.Where(d => d.Kind != IdDefinitionKind.Heading))
            {
                string name = definition.Title.Length > 0 ? $"{definition.Id}: {definition.Title}" : definition.Id;
                Consider(name, document.FindSection(definition.Range.Start)?.Title, SpecSymbolKind.Id, uri, definition.Range);
            }
        }

        matches.Sort(static (a, b) =>
            a.Match.Score != b.Match.Score ? b.Match.Score.CompareTo(a.Match.Score)
            : a.Match.Name.Length != b.Match.Name.Length ? a.Match.Name.Length.CompareTo(b.Match.Name.Length)
            : a.Order.CompareTo(b.Order));
        return [.. matches.Take(limit).Select(m => m.Match)];

        void Consider(string name, string? container, SpecSymbolKind kind, string uri, Text.TextRange range)
        {
            if (matcher.Score(name) is { } score)
            {
                matches.Add((new WorkspaceSymbolMatch(name, container, kind, uri, range, score), matches.Count));
            }
        }
    }
}
