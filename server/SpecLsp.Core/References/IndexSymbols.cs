using System.Collections.Immutable;
using SpecLsp.Core.Symbols;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.References;

/// <summary>
/// Workspace symbols over the whole index (closed files included), ranked by <see cref="SymbolMatcher"/>: headings by
/// title, IDs as <c>ID: title</c> (an ID a heading defines is only that heading). <see cref="WorkspaceSymbolMatch.DocumentUri"/> holds the path.
/// </summary>
/// <remarks>
/// Each file's names, containers and character masks are built once per file version (<see cref="FileIndex.Symbols"/>);
/// a query only filters them by mask, scans the survivors and keeps the best <c>limit</c> in a heap, so nothing is
/// sorted per query but the answer. Ties go to the shorter name, then the path (ordinal), then document order.
/// </remarks>
public static class IndexSymbols
{
    /// <summary>The best matches for <paramref name="query"/>, best first, at most <paramref name="limit"/>.</summary>
    public static ImmutableArray<WorkspaceSymbolMatch> Search(WorkspaceIndex index, string query, int limit = 500, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (limit <= 0)
        {
            return [];
        }

        var matcher = new SymbolMatcher(query);
        ulong mask = matcher.Mask;
        ulong firstBit = matcher.FirstBit;

        // Once the heap is full, a name below its worst tier cannot enter: only the checks that could reach it run.
        int minTier = SymbolMatcher.SubsequenceTier;
        var best = new PriorityQueue<Candidate, Candidate>(Math.Min(limit, 1024) + 1, WorseFirst.Instance);
        int checkedFiles = 0;
        foreach (var file in index.Files)
        {
            if ((++checkedFiles & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var symbols = file.Symbols;
            if ((symbols.FileMask & mask) != mask)
            {
                continue;
            }

            var names = symbols.Names;
            var masks = symbols.Masks;
            var wordStarts = symbols.WordStartMasks;
            for (int i = 0; i < names.Length; i++)
            {
                bool startsAWord = (wordStarts[i] & firstBit) != 0;
                if ((masks[i] & mask) != mask || (minTier > SymbolMatcher.SubsequenceTier && !startsAWord))
                {
                    continue;
                }

                var name = names[i];
                int tier = matcher.Tier(name, minTier, startsAWord);
                if (tier < 0)
                {
                    continue;
                }

                var candidate = new Candidate(tier, matcher.Score(name, tier), file, i);
                if (best.Count < limit)
                {
                    best.Enqueue(candidate, candidate);
                }
                else if (WorseFirst.Instance.Compare(candidate, best.Peek()) > 0)
                {
                    best.EnqueueDequeue(candidate, candidate);
                }
                else
                {
                    continue;
                }

                if (best.Count == limit)
                {
                    minTier = best.Peek().Tier;
                }
            }
        }

        var result = new WorkspaceSymbolMatch[best.Count];
        for (int i = result.Length - 1; i >= 0; i--)
        {
            var c = best.Dequeue();
            var symbols = c.File.Symbols;
            result[i] = new WorkspaceSymbolMatch(symbols.Names[c.Symbol], symbols.ContainerOf(c.File, c.Symbol), symbols.Kinds[c.Symbol], c.File.Path, symbols.Ranges[c.Symbol], c.Score);
        }

        return ImmutableArray.Create(result);
    }

    private readonly record struct Candidate(int Tier, int Score, FileIndex File, int Symbol)
    {
        public int Length => File.Symbols.Names[Symbol].Length;
    }

    // Orders candidates worst first, so the heap's top is the one to drop.
    private sealed class WorseFirst : IComparer<Candidate>
    {
        public static readonly WorseFirst Instance = new();

        public int Compare(Candidate a, Candidate b)
        {
            if (a.Score != b.Score)
            {
                return a.Score.CompareTo(b.Score);
            }

            if (a.Length != b.Length)
            {
                return b.Length.CompareTo(a.Length);
            }

            if (!ReferenceEquals(a.File, b.File))
            {
                return string.CompareOrdinal(b.File.Path, a.File.Path);
            }

            return b.Symbol.CompareTo(a.Symbol);
        }
    }
}
