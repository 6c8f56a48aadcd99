using SpecLsp.Core.Model;
using SpecLsp.Core.Symbols;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Workspace;

/// <summary>
/// One file's workspace symbols, laid out for matching: headings by title, then IDs as <c>ID: title</c> (an ID a
/// heading defines is only that heading), each with its container and a <see cref="CharMask"/>, plus the mask of the
/// whole file. Built once per <see cref="FileIndex"/> (so an edited file rebuilds only its own) and shared by every
/// query and snapshot.
/// </summary>
public sealed class FileSymbols
{
    private readonly int[] _containers;

    private FileSymbols(string[] names, SpecSymbolKind[] kinds, TextRange[] ranges, int[] containers, ulong[] masks, ulong[] wordStartMasks)
    {
        WordStartMasks = wordStartMasks;
        Names = names;
        Kinds = kinds;
        Ranges = ranges;
        _containers = containers;
        Masks = masks;
        ulong all = 0;
        foreach (ulong mask in masks)
        {
            all |= mask;
        }

        FileMask = all;
    }

    /// <summary>The names, in document order: headings, then IDs.</summary>
    public string[] Names { get; }

    /// <summary>The kind of each name.</summary>
    public SpecSymbolKind[] Kinds { get; }

    /// <summary>Where each name is.</summary>
    public TextRange[] Ranges { get; }

    /// <summary>The <see cref="CharMask"/> of each name.</summary>
    public ulong[] Masks { get; }

    /// <summary>The <see cref="CharMask.OfWordStarts"/> of each name.</summary>
    public ulong[] WordStartMasks { get; }

    /// <summary>Every name's mask together: a query needing a bit outside it matches nothing here.</summary>
    public ulong FileMask { get; }

    /// <summary>The number of symbols.</summary>
    public int Count => Names.Length;

    /// <summary>The title of the heading containing symbol <paramref name="i"/>, or null.</summary>
    public string? ContainerOf(FileIndex file, int i)
    {
        ArgumentNullException.ThrowIfNull(file);
        int container = _containers[i];
        return container < 0 ? null : file.Headings[container].Title;
    }

    /// <summary>Builds the symbols of <paramref name="file"/>.</summary>
    public static FileSymbols Build(FileIndex file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var headings = file.Headings;
        var ids = file.IdDefinitions.Where(d => d.Kind != IdDefinitionKind.Heading).ToList();
        int count = headings.Count(h => h.Title.Length > 0) + ids.Count;
        var names = new string[count];
        var kinds = new SpecSymbolKind[count];
        var ranges = new TextRange[count];
        var containers = new int[count];
        var masks = new ulong[count];
        var wordStartMasks = new ulong[count];

        // The parent of each heading: the nearest earlier heading of a lower level.
        var parents = new int[headings.Length];
        var stack = new List<int>();
        int n = 0;
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
                Add(heading.Title, heading.Level == 1 ? SpecSymbolKind.Title : SpecSymbolKind.Section, heading.TitleRange, parents[h]);
            }

            stack.Add(h);
        }

        foreach (var definition in ids)
        {
            string name = definition.Title.Length > 0 ? $"{definition.Id}: {definition.Title}" : definition.Id;
            Add(name, SpecSymbolKind.Id, definition.Range, Container(headings, parents, definition.Range.Start));
        }

        return new FileSymbols(names, kinds, ranges, containers, masks, wordStartMasks);

        void Add(string name, SpecSymbolKind kind, TextRange range, int container)
        {
            names[n] = name;
            kinds[n] = kind;
            ranges[n] = range;
            containers[n] = container;
            masks[n] = CharMask.Of(name);
            wordStartMasks[n] = CharMask.OfWordStarts(name);
            n++;
        }
    }

    // The last heading whose section holds the position: the last one starting at or before it, or the nearest of its
    // ancestors whose section reaches that far (sections nest). A binary search, not a scan of the headings per ID.
    private static int Container(System.Collections.Immutable.ImmutableArray<HeadingEntry> headings, int[] parents, Position position)
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
