using System.Collections.Immutable;
using SpecLsp.Core.Analysis;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.References;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.Cache;

/// <summary>
/// What <c>speclsp check</c> keeps of one file between runs, valid for its path and text under one configuration and
/// build: its cross-file entry (<see cref="FileIndex.ForCrossFileChecks"/>), and for a checked file its analysis with
/// the cross-file questions still open (answered afresh each run) and its template choice.
/// </summary>
/// <param name="Path">The file's normalised path.</param>
/// <param name="Hash">The <see cref="ContentHash"/> of the text the entry was made from.</param>
/// <param name="CrossFileEntry">What other files' diagnostics read of it.</param>
/// <param name="Analysis">Its diagnostics and open questions, or null when it was not checked.</param>
/// <param name="Choice">Its template choice, or null when it was not checked.</param>
public sealed record CheckCacheEntry(string Path, UInt128 Hash, FileIndex CrossFileEntry, PendingAnalysis? Analysis, TemplateChoice? Choice)
{
    /// <summary>The bytes the entry was read from, written again as they are (an unchanged file costs no encoding).</summary>
    internal byte[]? Payload { get; init; }
}

/// <summary>
/// <c>speclsp check</c>'s cache in a <see cref="CacheFile"/> of kind <c>check</c>: one record per file, its payload the
/// cross-file entry (<see cref="FileIndexCodec"/>), the analysis's diagnostics and questions in order, and the
/// template choice. Records are decoded only when their file is unchanged, on the thread that reads that file. Any
/// byte out of place makes the file, or that entry, read as absent: never as a different analysis.
/// </summary>
public static class CheckCacheCodec
{
    /// <summary>The <see cref="CacheFile"/> kind.</summary>
    public const string Kind = "check";

    private enum Slot : byte
    {
        Diagnostic,
        LinkTarget,
        Id,
    }

    /// <summary>Writes <paramref name="entries"/> to a new cache file at <paramref name="file"/> for <paramref name="key"/>, replacing the old one whole.</summary>
    /// <exception cref="IOException">When it cannot be written; the old file is then left as it was.</exception>
    public static void Write(string file, string key, IEnumerable<CheckCacheEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var output = CacheFile.Create(file, Kind, key);
        var payload = new CacheWriter(16 << 10);
        var index = new CacheWriter(8 << 10);
        foreach (var entry in entries)
        {
            if (entry.Payload is { } read)
            {
                output.Add(entry.Path, entry.Hash, read);
                continue;
            }

            payload.Clear();
            WritePayload(payload, index, entry);
            output.Add(entry.Path, entry.Hash, payload.Written);
        }

        output.Commit();
    }

    /// <summary>
    /// The entries of the cache file at <paramref name="file"/>, or null when it is not one written for
    /// <paramref name="key"/> by this build (missing, another version or configuration, truncated, corrupt). Never throws.
    /// </summary>
    /// <param name="file">The cache file.</param>
    /// <param name="key">What the entries must have been written for.</param>
    /// <param name="catalog">The templates in force, for the template choices.</param>
    /// <param name="roots">The workspace roots, for the cross-file entries.</param>
    public static CheckCacheContents? Read(string file, string key, TemplateCatalog catalog, ImmutableArray<string> roots)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var records = new Dictionary<string, (UInt128 Hash, byte[] Payload)>(WorkspacePaths.Comparer);
        return CacheFile.TryRead(file, Kind, key, (path, hash, payload) => records[path] = (hash, payload.ToArray()))
            ? new CheckCacheContents(records, catalog, roots)
            : null;
    }

    private static void WritePayload(CacheWriter writer, CacheWriter index, CheckCacheEntry entry)
    {
        index.Clear();
        FileIndexCodec.Write(index, entry.CrossFileEntry);
        writer.WriteBytes(index.Written);

        writer.WriteBool(entry.Analysis is not null);
        if (entry.Analysis is { } analysis)
        {
            var slots = analysis.Slots.ToList();
            writer.WriteCount(slots.Count);
            foreach (var slot in slots)
            {
                WriteSlot(writer, slot, entry.Path);
            }
        }

        writer.WriteBool(entry.Choice is not null);
        if (entry.Choice is { } choice)
        {
            WriteChoice(writer, choice);
        }
    }

    private static void WriteSlot(CacheWriter writer, PendingSlot slot, string path)
    {
        switch (slot.Question)
        {
            case null:
                writer.WriteByte((byte)Slot.Diagnostic);
                WriteDiagnostic(writer, slot.Diagnostic!);
                break;
            case LinkTargetQuestion link:
                writer.WriteByte((byte)Slot.LinkTarget);
                WritePath(writer, link.DocumentPath, path);
                writer.WriteString(link.Destination);
                writer.WriteString(link.TargetPath);
                writer.WriteBool(link.IsRootRelative);
                writer.WriteString(link.Fragment);
                writer.WriteRange(link.Range);
                writer.WriteRange(link.FragmentRange);
                writer.WriteString(link.SiteRoot);
                break;
            case IdQuestion id:
                writer.WriteByte((byte)Slot.Id);
                writer.WriteByte((byte)id.Kind);
                WritePath(writer, id.DocumentPath, path);
                writer.WriteString(id.Id);
                writer.WriteRange(id.Range);
                break;
            default:
                throw new InvalidOperationException($"A cross-file question the cache cannot store: {slot.Question.GetType().Name}.");
        }
    }

    // A question's document is nearly always the entry's own file: a flag instead of the path again.
    private static void WritePath(CacheWriter writer, string? value, string path)
    {
        bool same = value is not null && string.Equals(value, path, StringComparison.Ordinal);
        writer.WriteBool(same);
        if (!same)
        {
            writer.WriteString(value);
        }
    }

    private static void WriteDiagnostic(CacheWriter writer, SpecDiagnostic diagnostic)
    {
        writer.WriteRange(diagnostic.Range);
        writer.WriteByte((byte)diagnostic.Severity);
        writer.WriteString(diagnostic.Code);
        writer.WriteString(diagnostic.Message);
        writer.WriteBool(diagnostic.IsUnnecessary);
        writer.WriteCount(diagnostic.Related.Length);
        foreach (var related in diagnostic.Related)
        {
            writer.WriteString(related.DocumentPath);
            writer.WriteRange(related.Range);
            writer.WriteString(related.Message);
        }

        writer.WriteCount(diagnostic.Data.Count);
        foreach (var (key, value) in diagnostic.Data)
        {
            writer.WriteString(key);
            writer.WriteString(value);
        }
    }

    private static void WriteChoice(CacheWriter writer, TemplateChoice choice)
    {
        writer.WriteString(choice.Template?.Name);
        writer.WriteByte((byte)choice.Reason);
        writer.WriteUInt64((ulong)BitConverter.DoubleToInt64Bits(choice.Score));
        writer.WriteInt(choice.Matched);
        writer.WriteInt(choice.Total);
        writer.WriteString(choice.RequestedName);
        writer.WriteString(choice.Closest?.Name);
        writer.WriteString(choice.RunnerUp?.Name);
        writer.WriteCount(choice.Evidence.Length);
        foreach (var evidence in choice.Evidence)
        {
            writer.WriteByte((byte)evidence.Kind);
            writer.WriteString(evidence.Detail);
        }
    }

    internal static CheckCacheEntry ReadEntry(ReadOnlySpan<byte> payload, string path, UInt128 hash, TemplateCatalog catalog, ImmutableArray<string> roots)
    {
        var reader = new CacheReader(payload);
        var index = FileIndexCodec.Read(reader.ReadBytes(), path, roots);
        PendingAnalysis? analysis = null;
        if (reader.ReadBool())
        {
            int count = reader.ReadCount(minBytesEach: 2);
            var slots = new List<PendingSlot>(count);
            for (int i = 0; i < count; i++)
            {
                slots.Add(ReadSlot(ref reader, path));
            }

            analysis = PendingAnalysis.FromSlots(slots);
        }

        var choice = reader.ReadBool() ? ReadChoice(ref reader, catalog) : null;
        return reader.AtEnd ? new CheckCacheEntry(path, hash, index, analysis, choice) : throw new InvalidDataException("The cache is damaged: bytes after an entry.");
    }

    private static PendingSlot ReadSlot(ref CacheReader reader, string path)
    {
        switch ((Slot)reader.ReadTag(3))
        {
            case Slot.Diagnostic:
                return new PendingSlot(ReadDiagnostic(ref reader), null);
            case Slot.LinkTarget:
                string document = ReadPath(ref reader, path) ?? throw new InvalidDataException("The cache is damaged: a link question without its document.");
                string? destination = reader.ReadString();
                string target = reader.ReadRequiredString();
                bool rootRelative = reader.ReadBool();
                string? fragment = reader.ReadString();
                var range = reader.ReadRange();
                var fragmentRange = reader.ReadRange();
                return new PendingSlot(null, new LinkTargetQuestion(document, destination, target, rootRelative, fragment, range, fragmentRange, reader.ReadString()));
            default:
                var kind = ReadEnum<IdQuestionKind>(ref reader);
                string? asking = ReadPath(ref reader, path);
                string id = reader.ReadRequiredString();
                return new PendingSlot(null, new IdQuestion(kind, asking, id, reader.ReadRange()));
        }
    }

    private static string? ReadPath(ref CacheReader reader, string path) => reader.ReadBool() ? path : reader.ReadString();

    private static SpecDiagnostic ReadDiagnostic(ref CacheReader reader)
    {
        var range = reader.ReadRange();
        var severity = ReadEnum<DiagnosticSeverity>(ref reader);
        string code = reader.ReadRequiredString();
        string message = reader.ReadRequiredString();
        bool unnecessary = reader.ReadBool();
        var related = ImmutableArray.CreateBuilder<RelatedLocation>(reader.ReadCount(minBytesEach: 6));
        for (int i = 0; i < related.Capacity; i++)
        {
            string? document = reader.ReadString();
            var where = reader.ReadRange();
            related.Add(new RelatedLocation(document, where, reader.ReadRequiredString()));
        }

        int count = reader.ReadCount(minBytesEach: 2);
        var data = ImmutableDictionary<string, string>.Empty;
        for (int i = 0; i < count; i++)
        {
            string key = reader.ReadRequiredString();
            data = data.SetItem(key, reader.ReadRequiredString());
        }

        return new SpecDiagnostic(range, severity, code, message) { IsUnnecessary = unnecessary, Related = related.MoveToImmutable(), Data = data };
    }

    private static TemplateChoice ReadChoice(ref CacheReader reader, TemplateCatalog catalog)
    {
        var template = FindTemplate(ref reader, catalog);
        var reason = ReadEnum<TemplateChoiceReason>(ref reader);
        double score = BitConverter.Int64BitsToDouble((long)reader.ReadUInt64());
        int matched = reader.ReadInt();
        int total = reader.ReadInt();
        string? requested = reader.ReadString();
        var closest = FindTemplate(ref reader, catalog);
        var runnerUp = FindTemplate(ref reader, catalog);
        var evidence = ImmutableArray.CreateBuilder<TemplateEvidence>(reader.ReadCount(minBytesEach: 2));
        for (int i = 0; i < evidence.Capacity; i++)
        {
            var kind = ReadEnum<TemplateEvidenceKind>(ref reader);
            evidence.Add(new TemplateEvidence(kind, reader.ReadRequiredString()));
        }

        return new TemplateChoice(template, reason, score, matched, total, requested) { Closest = closest, RunnerUp = runnerUp, Evidence = evidence.MoveToImmutable() };
    }

    // A template the entry names must be the catalog's: the key covers the templates, so a miss is a damaged entry.
    private static SpecTemplate? FindTemplate(ref CacheReader reader, TemplateCatalog catalog) =>
        reader.ReadString() is not { } name ? null
        : catalog.Find(name) is { } template && template.Name == name ? template
        : throw new InvalidDataException("The cache is damaged: a template the catalog does not have.");

    private static TEnum ReadEnum<TEnum>(ref CacheReader reader)
        where TEnum : struct, Enum
    {
        var value = (TEnum)(object)(int)reader.ReadByte();
        return Enum.IsDefined(value) ? value : throw new InvalidDataException($"The cache is damaged: not a {typeof(TEnum).Name}.");
    }
}

/// <summary>The entries of a cache file, each decoded when asked for.</summary>
public sealed class CheckCacheContents
{
    private readonly Dictionary<string, (UInt128 Hash, byte[] Payload)> _records;
    private readonly TemplateCatalog _catalog;
    private readonly ImmutableArray<string> _roots;

    internal CheckCacheContents(Dictionary<string, (UInt128 Hash, byte[] Payload)> records, TemplateCatalog catalog, ImmutableArray<string> roots) =>
        (_records, _catalog, _roots) = (records, catalog, roots);

    /// <summary>How many files it holds.</summary>
    public int Count => _records.Count;

    /// <summary>The entry of <paramref name="path"/> made from the text with <paramref name="hash"/>, or null (none, another text, or damaged bytes). Thread safe.</summary>
    public CheckCacheEntry? Find(string path, UInt128 hash)
    {
        if (!_records.TryGetValue(path, out var found) || found.Hash != hash)
        {
            return null;
        }

        try
        {
            return CheckCacheCodec.ReadEntry(found.Payload, path, hash, _catalog, _roots) with { Payload = found.Payload };
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
