using System.Collections.Immutable;
using SpecLsp.Core.Model;
using SpecLsp.Core.Symbols;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.References;

/// <summary>
/// Workspace symbols over the whole index (closed files included), with <see cref="WorkspaceSymbols"/>' matcher and
/// ranking: headings by title, IDs as <c>ID: title</c> (an ID a heading defines is only that heading). <see cref="WorkspaceSymbolMatch.DocumentUri"/> holds the path.
/// </summary>
public static class IndexSymbols
{
    /// <summary>The best matches for <paramref name="query"/>, best first, at most <paramref name="limit"/>.</summary>
    public static ImmutableArray<WorkspaceSymbolMatch> Search(WorkspaceIndex index, string query, int limit = 500, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        query = (query ?? string.Empty).Trim();
        var matches = new List<(WorkspaceSymbolMatch Match, int Order)>();
        foreach (var file in index.Files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var parents = new List<HeadingEntry>();
            foreach (var heading in file.Headings)
            {
                while (parents.Count > 0 && parents[^1].Level >= heading.Level)
                {
                    parents.RemoveAt(parents.Count - 1);
                }

                if (heading.Title.Length > 0)
                {
                    Consider(heading.Title, parents.Count > 0 ? parents[^1].Title : null, heading.Level == 1 ? SpecSymbolKind.Title : SpecSymbolKind.Section, file.Path, heading.TitleRange);
                }

                parents.Add(heading);
            }

            // An ID a heading defines is that heading's symbol, found through its title.
            foreach (var definition in file.IdDefinitions.Where(d => d.Kind != IdDefinitionKind.Heading))
            {
                string name = definition.Title.Length > 0 ? $"{definition.Id}: {definition.Title}" : definition.Id;
                var container = file.Headings.LastOrDefault(h => h.SectionRange.Contains(definition.Range.Start)).Title;
                Consider(name, container, SpecSymbolKind.Id, file.Path, definition.Range);
            }
        }

        matches.Sort(static (a, b) =>
            a.Match.Score != b.Match.Score ? b.Match.Score.CompareTo(a.Match.Score)
            : a.Match.Name.Length != b.Match.Name.Length ? a.Match.Name.Length.CompareTo(b.Match.Name.Length)
            : a.Order.CompareTo(b.Order));
        return [.. matches.Take(Math.Max(0, limit)).Select(m => m.Match)];

        void Consider(string name, string? container, SpecSymbolKind kind, string path, TextRange range)
        {
            if (FuzzyMatcher.Score(query, name) is { } score)
            {
                matches.Add((new WorkspaceSymbolMatch(name, container, kind, path, range, score), matches.Count));
            }
        }
    }
}
