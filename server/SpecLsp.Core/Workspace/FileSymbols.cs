using System.Collections.Immutable;
using SpecLsp.Core.Model;
using SpecLsp.Core.Symbols;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Workspace;

/// <summary>
/// One file's workspace symbols, laid out for matching: headings by title, then IDs as <c>ID: title</c> (an ID a
/// heading defines is only that heading). Built once per <see cref="FileIndex"/> (so an edited file rebuilds only its
/// own) and shared by every query and snapshot.
/// </summary>
/// <remarks>
/// Structure of arrays: per name three summaries side by side (its <see cref="CharMask"/>, the mask of its word starts,
/// its <see cref="CharMask.Bigrams"/>), its length and where its lowered text starts in one buffer of the whole file,
/// with one word-start bit per character (<see cref="SymbolText"/>). A query reads these contiguously and never
/// touches a name's string; the name, kind and range of a result are read from the file's headings and ID
/// definitions, so an ID's <c>ID: title</c> string exists only while it is an answer.
/// </remarks>
public sealed class FileSymbols
{
    private const int Summaries = 3;

    private readonly ulong[] _summaries;
    private readonly string _lowered;
    private readonly int[] _starts;
    private readonly ulong[] _wordStarts;
    private readonly int[] _lengths;

    // A heading's index in FileIndex.Headings, or the complement of an ID's in FileIndex.IdDefinitions.
    private readonly int[] _sources;
    private readonly int[] _containers;

    private FileSymbols(ulong[] summaries, string lowered, int[] starts, ulong[] wordStarts, int[] lengths, int[] sources, int[] containers)
    {
        _summaries = summaries;
        _lowered = lowered;
        _starts = starts;
        _wordStarts = wordStarts;
        _lengths = lengths;
        _sources = sources;
        _containers = containers;
        ulong all = 0, allWordStarts = 0;
        for (int i = 0; i < summaries.Length; i += Summaries)
        {
            all |= summaries[i];
            allWordStarts |= summaries[i + 1];
        }

        FileMask = all;
        FileWordStartMask = allWordStarts;
    }

    /// <summary>Every name's mask together: a query needing a bit outside it matches nothing here.</summary>
    public ulong FileMask { get; }

    /// <summary>Every name's word-start mask together: without the query's first character no name here reaches <see cref="SymbolMatcher.WordStartsTier"/>.</summary>
    public ulong FileWordStartMask { get; }

    /// <summary>The number of symbols.</summary>
    public int Count => _lengths.Length;

    /// <summary>The <see cref="CharMask"/> of symbol <paramref name="i"/>.</summary>
    public ulong Mask(int i) => _summaries[i * Summaries];

    /// <summary>The <see cref="CharMask.OfWordStarts"/> of symbol <paramref name="i"/>.</summary>
    public ulong WordStartMask(int i) => _summaries[(i * Summaries) + 1];

    /// <summary>The <see cref="CharMask.Bigrams"/> of symbol <paramref name="i"/>'s lowered text.</summary>
    public ulong Bigrams(int i) => _summaries[(i * Summaries) + 2];

    /// <summary>The length of symbol <paramref name="i"/>'s name.</summary>
    public int Length(int i) => _lengths[i];

    /// <summary>The name of symbol <paramref name="i"/> (<paramref name="file"/> is the entry this table belongs to).</summary>
    public string Name(FileIndex file, int i)
    {
        ArgumentNullException.ThrowIfNull(file);
        int source = _sources[i];
        return source >= 0 ? file.Headings[source].Title : NameOf(file.IdDefinitions[~source]);
    }

    /// <summary>The kind of symbol <paramref name="i"/>.</summary>
    public SpecSymbolKind Kind(FileIndex file, int i)
    {
        ArgumentNullException.ThrowIfNull(file);
        int source = _sources[i];
        return source < 0 ? SpecSymbolKind.Id : file.Headings[source].Level == 1 ? SpecSymbolKind.Title : SpecSymbolKind.Section;
    }

    /// <summary>Where symbol <paramref name="i"/> is.</summary>
    public TextRange Range(FileIndex file, int i)
    {
        ArgumentNullException.ThrowIfNull(file);
        int source = _sources[i];
        return source >= 0 ? file.Headings[source].TitleRange : file.IdDefinitions[~source].Range;
    }

    /// <summary>The title of the heading containing symbol <paramref name="i"/>, or null.</summary>
    public string? ContainerOf(FileIndex file, int i)
    {
        ArgumentNullException.ThrowIfNull(file);
        int container = _containers[i];
        return container < 0 ? null : file.Headings[container].Title;
    }

    /// <summary>Symbol <paramref name="i"/>'s lowered text, as the matchers read it.</summary>
    internal SymbolText Text(int i) => new(_lowered.AsSpan(_starts[i], _starts[i + 1] - _starts[i]), _wordStarts, _starts[i]);

    /// <summary>The first lowered character of symbol <paramref name="i"/>, or NUL for an empty name.</summary>
    internal char First(int i) => _starts[i] < _starts[i + 1] ? _lowered[_starts[i]] : '\0';

    /// <summary>Builds the symbols of <paramref name="file"/>.</summary>
    public static FileSymbols Build(FileIndex file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var headings = file.Headings;
        var definitions = file.IdDefinitions;
        var sources = new List<int>(headings.Length + definitions.Length);
        var containers = new List<int>(sources.Capacity);

        // The parent of each heading: the nearest earlier heading of a lower level.
        var parents = new int[headings.Length];
        var stack = new List<int>();
        for (int h = 0; h < headings.Length; h++)
        {
            var heading = headings[h];
            while (stack.Count > 0 && headings[stack[^1]].Level >= heading.Level)
            {
                stack.RemoveAt(stack.Count - 1);
            }

            parents[h] = stack.Count > 0 ? stack[^1] : -1;
            if (heading.Title.Length > 0)
            {
                sources.Add(h);
                containers.Add(parents[h]);
            }

            stack.Add(h);
        }

        for (int d = 0; d < definitions.Length; d++)
        {
            if (definitions[d].Kind != IdDefinitionKind.Heading)
            {
                sources.Add(~d);
                containers.Add(Container(headings, parents, definitions[d].Range.Start));
            }
        }

        return Lay(file, [.. sources], [.. containers]);
    }

    // An ID's name; an ID a heading defines is found through that heading's title, which starts with it.
    private static string NameOf(IdDefinition definition) =>
        definition.Title.Length > 0 ? $"{definition.Id}: {definition.Title}" : definition.Id;

    private static FileSymbols Lay(FileIndex file, int[] sources, int[] containers)
    {
        int count = sources.Length;
        var names = new string[count];
        var starts = new int[count + 1];
        var lengths = new int[count];
        for (int i = 0; i < count; i++)
        {
            names[i] = sources[i] >= 0 ? file.Headings[sources[i]].Title : NameOf(file.IdDefinitions[~sources[i]]);
            lengths[i] = names[i].Length;
            starts[i + 1] = starts[i] + Math.Min(names[i].Length, SymbolText.MaxLength);
        }

        var wordStarts = new ulong[(starts[count] + 63) / 64];
        var summaries = new ulong[count * Summaries];
        string lowered = string.Create(starts[count], (names, starts, wordStarts), static (buffer, state) =>
        {
            var (names, starts, wordStarts) = state;
            for (int i = 0; i < names.Length; i++)
            {
                SymbolText.Write(names[i], buffer[starts[i]..], wordStarts, starts[i]);
            }
        });
        for (int i = 0; i < count; i++)
        {
            summaries[i * Summaries] = CharMask.Of(names[i]);
            summaries[(i * Summaries) + 1] = CharMask.OfWordStarts(names[i]);
            summaries[(i * Summaries) + 2] = CharMask.Bigrams(lowered.AsSpan(starts[i], starts[i + 1] - starts[i]));
        }

        return new FileSymbols(summaries, lowered, starts, wordStarts, lengths, sources, containers);
    }

    // The last heading whose section holds the position: the last one starting at or before it, or the nearest of its
    // ancestors whose section reaches that far (sections nest). A binary search, not a scan of the headings per ID.
    private static int Container(ImmutableArray<HeadingEntry> headings, int[] parents, Position position)
    {
        int lo = 0, hi = headings.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (headings[mid].SectionRange.Start <= position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (int h = lo - 1; h >= 0; h = parents[h])
        {
            if (headings[h].SectionRange.Contains(position))
            {
                return h;
            }
        }

        return -1;
    }
}
