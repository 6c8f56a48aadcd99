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
/// its <see cref="CharMask.Bigrams"/>), its length and its first character, lowered. A query decides from these
/// alone whether a name could enter its results, and reads the name itself only when it could. Nothing else is
/// copied: a heading's name is its title in <see cref="FileIndex.Headings"/>, an ID's <c>ID: title</c> is composed
/// from <see cref="FileIndex.IdDefinitions"/> when it is matched or answered. About 40 bytes a name.
/// </remarks>
public sealed class FileSymbols
{
    private const int Summaries = 3;

    private readonly ulong[] _summaries;
    private readonly int[] _lengths;
    private readonly char[] _firsts;

    // A heading's index in FileIndex.Headings, or the complement of an ID's in FileIndex.IdDefinitions.
    private readonly int[] _sources;
    private readonly int[] _containers;

    private FileSymbols(ulong[] summaries, int[] lengths, char[] firsts, int[] sources, int[] containers)
    {
        _summaries = summaries;
        _lengths = lengths;
        _firsts = firsts;
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

    /// <summary>The <see cref="CharMask.Bigrams"/> of symbol <paramref name="i"/>.</summary>
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

    /// <summary>
    /// Symbol <paramref name="i"/>'s name as far as the matchers read it (<see cref="FuzzyMatcher.MaxCandidateLength"/>
    /// characters): a heading's title in place, an ID's name composed in <paramref name="scratch"/>, which must hold
    /// that many.
    /// </summary>
    internal ReadOnlySpan<char> Text(FileIndex file, int i, Span<char> scratch)
    {
        int source = _sources[i];
        if (source >= 0)
        {
            return file.Headings[source].Title;
        }

        var definition = file.IdDefinitions[~source];
        if (definition.Title.Length == 0)
        {
            return definition.Id;
        }

        int n = Append(scratch, 0, definition.Id);
        n = Append(scratch, n, ": ");
        return scratch[..Append(scratch, n, definition.Title)];

        static int Append(Span<char> to, int at, string text)
        {
            int count = Math.Min(text.Length, to.Length - at);
            text.AsSpan(0, count).CopyTo(to[at..]);
            return at + count;
        }
    }

    /// <summary>The first character of symbol <paramref name="i"/>, lowered.</summary>
    internal char First(int i) => _firsts[i];

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

    // NameOf's text, in scratch when it fits.
    private static ReadOnlySpan<char> Compose(IdDefinition definition, Span<char> scratch)
    {
        if (definition.Title.Length == 0)
        {
            return definition.Id;
        }

        int length = definition.Id.Length + 2 + definition.Title.Length;
        if (length > scratch.Length)
        {
            return NameOf(definition);
        }

        definition.Id.CopyTo(scratch);
        ": ".CopyTo(scratch[definition.Id.Length..]);
        definition.Title.CopyTo(scratch[(definition.Id.Length + 2)..]);
        return scratch[..length];
    }

    private static FileSymbols Lay(FileIndex file, int[] sources, int[] containers)
    {
        int count = sources.Length;
        var summaries = new ulong[count * Summaries];
        var lengths = new int[count];
        var firsts = new char[count];
        Span<char> scratch = stackalloc char[256];
        for (int i = 0; i < count; i++)
        {
            // An ID's name is composed here, on the stack when it fits, and dropped: only its summaries stay.
            ReadOnlySpan<char> name = sources[i] >= 0 ? file.Headings[sources[i]].Title : Compose(file.IdDefinitions[~sources[i]], scratch);
            (summaries[i * Summaries], summaries[(i * Summaries) + 1], summaries[(i * Summaries) + 2]) = CharMask.Summarize(name);
            lengths[i] = name.Length;
            firsts[i] = name.Length > 0 ? SymbolMatcher.Lower(name[0]) : '\0';
        }

        return new FileSymbols(summaries, lengths, firsts, sources, containers);
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
