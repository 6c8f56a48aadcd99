using System.Collections.Immutable;

namespace SpecLsp.Core.Workspace;

/// <summary>
/// The symbol tables of a set of files side by side with each file's masks in two flat arrays, so a query skips the
/// files that cannot match on 16 bytes each, without touching their entries or tables. Immutable.
/// </summary>
public sealed class DiskSymbols
{
    private DiskSymbols(ImmutableArray<FileIndex> files, FileSymbols[] tables, ulong[] masks, ulong[] wordStartMasks)
    {
        Files = files;
        Tables = tables;
        Masks = masks;
        WordStartMasks = wordStartMasks;
    }

    /// <summary>The files.</summary>
    public ImmutableArray<FileIndex> Files { get; }

    /// <summary>Each file's table (<see cref="FileIndex.Symbols"/>), in the order of <see cref="Files"/>.</summary>
    internal FileSymbols[] Tables { get; }

    /// <summary>Each file's <see cref="FileSymbols.FileMask"/>.</summary>
    internal ulong[] Masks { get; }

    /// <summary>Each file's <see cref="FileSymbols.FileWordStartMask"/>.</summary>
    internal ulong[] WordStartMasks { get; }

    /// <summary>The number of symbols in every table.</summary>
    public long SymbolCount => Tables.Sum(t => (long)t.Count);

    /// <summary>
    /// Lays out the tables of <paramref name="files"/> in the order of their paths (ordinal), building those not built
    /// yet. Results tie by path, so in this order a later file's name that only ties with the worst result kept cannot
    /// enter, and the scan skips it without matching.
    /// </summary>
    public static DiskSymbols Build(ImmutableArray<FileIndex> files)
    {
        files = files.Sort(static (a, b) => string.CompareOrdinal(a.Path, b.Path));
        var tables = new FileSymbols[files.Length];
        var masks = new ulong[files.Length];
        var wordStartMasks = new ulong[files.Length];

        // On every core: at 10,000 specs the tables take half a second on one (built when a scan lands, before its end is reported).
        Parallel.For(0, files.Length, f =>
        {
            tables[f] = files[f].Symbols;
            masks[f] = tables[f].FileMask;
            wordStartMasks[f] = tables[f].FileWordStartMask;
        });

        return new DiskSymbols(files, tables, masks, wordStartMasks);
    }
}
