using System.Collections.Immutable;
using SpecLsp.Core.Symbols;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.References;

/// <summary>
/// Workspace symbols over the whole index (closed files included), ranked by <see cref="SymbolMatcher"/>: headings by
/// title, IDs as <c>ID: title</c> (an ID a heading defines is only that heading). <see cref="WorkspaceSymbolMatch.DocumentUri"/> holds the path.
/// </summary>
/// <remarks>
/// Each file's name summaries are built once per file version (<see cref="FileIndex.Symbols"/>, when the workspace scan
/// lands) and the disk files' masks sit in one array (<see cref="WorkspaceIndex.DiskSymbols"/>); a query skips
/// files and names by mask, and once it holds <c>limit</c> results it skips every name whose
/// <see cref="SymbolMatcher.UpperBound"/> could not beat the worst of them, so most names are never matched. The best
/// are kept in a heap: nothing is sorted per query but the answer. Ties go to the shorter name, then the path
/// (ordinal), then document order.
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

        var scan = new Scan(new SymbolMatcher(query), limit);
        bool anyOpen = false;
        foreach (var file in index.OpenFiles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            anyOpen = true;
            scan.Add(file, file.Symbols);
        }

        var disk = index.DiskSymbols;
        var masks = disk.Masks;
        var wordStartMasks = disk.WordStartMasks;
        ulong mask = scan.Matcher.Mask;
        for (int f = 0; f < masks.Length; f++)
        {
            if ((f & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if ((masks[f] & mask) != mask || !scan.MayEnter(wordStartMasks[f]) || (anyOpen && index.IsOpen(disk.Files[f].Path)))
            {
                continue;
            }

            scan.Add(disk.Files[f], disk.Tables[f]);
        }

        return scan.Results();
    }

    // One query's matcher and best results so far; not thread-safe.
    private sealed class Scan(SymbolMatcher matcher, int limit)
    {
        private readonly PriorityQueue<Candidate, Candidate> _best = new(Math.Min(limit, 1024) + 1, WorseFirst.Instance);
        private readonly char[] _scratch = new char[FuzzyMatcher.MaxCandidateLength];

        // Once the heap is full: the worst result kept, which a name must beat to enter, and whether a name of the
        // file being scanned loses to it when score and length tie (a later path, or later in the same file).
        private bool _full;
        private int _worstTier = SymbolMatcher.SubsequenceTier;
        private int _worstScore;
        private int _worstLength;
        private FileIndex? _worstFile;
        private FileIndex? _file;
        private bool _tieLoses;

        public SymbolMatcher Matcher => matcher;

        // Without a name starting a word with the query's first letter a file reaches only SubsequenceTier.
        public bool MayEnter(ulong fileWordStarts) =>
            _worstTier == SymbolMatcher.SubsequenceTier || (fileWordStarts & matcher.FirstBit) != 0;

        public void Add(FileIndex file, FileSymbols table)
        {
            ulong mask = matcher.Mask;
            ulong firstBit = matcher.FirstBit;
            if ((table.FileMask & mask) != mask)
            {
                return;
            }

            _file = file;
            _tieLoses = TieLoses();
            char first = matcher.Query.Length > 0 ? matcher.Query[0] : '\0';
            for (int i = 0; i < table.Count; i++)
            {
                if ((table.Mask(i) & mask) != mask)
                {
                    continue;
                }

                ulong wordStarts = table.WordStartMask(i);
                int length = table.Length(i);
                if (_full)
                {
                    int bound = matcher.UpperBound(wordStarts, table.Bigrams(i), length);
                    if (CannotEnter(bound, length)
                        || (bound > SymbolMatcher.NotStartingBound && table.First(i) != first && CannotEnter(SymbolMatcher.NotStartingBound, length)))
                    {
                        continue;
                    }
                }

                var text = table.Text(file, i, _scratch);
                int tier = matcher.Tier(text, _worstTier, (wordStarts & firstBit) != 0);
                if (tier >= 0)
                {
                    Offer(new Candidate(tier, matcher.Score(text, tier), length, file, i));
                }
            }
        }

        public ImmutableArray<WorkspaceSymbolMatch> Results()
        {
            var result = new WorkspaceSymbolMatch[_best.Count];
            for (int i = result.Length - 1; i >= 0; i--)
            {
                var c = _best.Dequeue();
                var table = c.File.Symbols;
                result[i] = new WorkspaceSymbolMatch(table.Name(c.File, c.Symbol), table.ContainerOf(c.File, c.Symbol), table.Kind(c.File, c.Symbol), c.File.Path, table.Range(c.File, c.Symbol), c.Score);
            }

            return ImmutableArray.Create(result);
        }

        private void Offer(Candidate candidate)
        {
            if (_best.Count < limit)
            {
                _best.Enqueue(candidate, candidate);
            }
            else if (WorseFirst.Instance.Compare(candidate, _best.Peek()) > 0)
            {
                _best.EnqueueDequeue(candidate, candidate);
            }
            else
            {
                return;
            }

            if (_best.Count == limit)
            {
                var worst = _best.Peek();
                (_full, _worstTier, _worstScore, _worstLength, _worstFile) = (true, worst.Tier, worst.Score, worst.Length, worst.File);
                _tieLoses = TieLoses();
            }
        }

        private bool CannotEnter(int bound, int length) =>
            bound < _worstScore || (bound == _worstScore && (length > _worstLength || (length == _worstLength && _tieLoses)));

        // The order of WorseFirst after score and length. Names are scanned in document order, so a name tying with a
        // worst result of its own file comes after it.
        private bool TieLoses() =>
            _full && (ReferenceEquals(_file, _worstFile) || string.CompareOrdinal(_file!.Path, _worstFile!.Path) > 0);
    }

    private readonly record struct Candidate(int Tier, int Score, int Length, FileIndex File, int Symbol);

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
