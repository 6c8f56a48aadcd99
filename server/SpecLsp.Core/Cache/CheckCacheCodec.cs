using System.Collections.Immutable;
using System.Security.Cryptography;
using SpecLsp.Core.Analysis;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Model;
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
/// <param name="Hash">The hash of the text the entry was made from.</param>
/// <param name="CrossFileEntry">What other files' diagnostics read of it.</param>
/// <param name="Analysis">Its diagnostics and open questions, or null when it was not checked.</param>
/// <param name="Choice">Its template choice, or null when it was not checked.</param>
public sealed record CheckCacheEntry(string Path, CheckContentHash Hash, FileIndex CrossFileEntry, PendingAnalysis? Analysis, TemplateChoice? Choice);

/// <summary>
/// The bytes of <c>speclsp check</c>'s cache file: a header (format version, the identity of what the entries are
/// valid under, a SHA-256 of the rest), a directory of paths and content hashes, and each entry's own bytes, read only
/// when its file is unchanged. Any byte out of place makes the file, or that entry, read as absent: never as a
/// different analysis.
/// </summary>
public static class CheckCacheCodec
{
    private const ulong Magic = 0x31454843434C5053; // "SPLCCHE1"
    private const int FormatVersion = 1;

    private enum Slot : byte
    {
        Diagnostic = 1,
        LinkTarget = 2,
        Id = 3,
    }

    /// <summary>Writes the cache file holding <paramref name="entries"/>, valid under <paramref name="identity"/>, to <paramref name="output"/>.</summary>
    /// <remarks>One entry at a time, so writing costs one entry's bytes of memory, not the file's.</remarks>
    public static void Write(Stream output, string identity, IReadOnlyCollection<CheckCacheEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(entries);
        using var buffer = new MemoryStream();
        var writer = new CheckCacheWriter(buffer);
        writer.WriteUInt64(Magic);
        writer.WriteUInt(FormatVersion);
        writer.WriteString(identity);
        buffer.WriteTo(output);

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        void Emit()
        {
            var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            hash.AppendData(bytes);
            output.Write(bytes);
            length += bytes.Length;
            buffer.SetLength(0);
        }

        buffer.SetLength(0);
        writer.WriteUInt((ulong)entries.Count);
        Emit();
        using var body = new MemoryStream();
        var bodyWriter = new CheckCacheWriter(body);
        foreach (var entry in entries)
        {
            body.SetLength(0);
            bodyWriter.StartEntry();
            bodyWriter.WriteString(entry.Path);
            WriteEntry(bodyWriter, entry);

            writer.StartEntry();
            writer.WriteString(entry.Path);
            writer.WriteUInt64(entry.Hash.High);
            writer.WriteUInt64(entry.Hash.Low);
            writer.WriteUInt((ulong)body.Length);
            body.WriteTo(buffer);
            Emit();
        }

        // The trailer: the payload's length and hash, so a file cut short or changed anywhere reads as absent.
        writer.WriteUInt64((ulong)length);
        buffer.Write(hash.GetHashAndReset());
        buffer.WriteTo(output);
    }

    /// <summary>The bytes of <see cref="Write(Stream, string, IReadOnlyCollection{CheckCacheEntry})"/>.</summary>
    public static byte[] Write(string identity, IReadOnlyCollection<CheckCacheEntry> entries)
    {
        using var output = new MemoryStream();
        Write(output, identity, entries);
        return output.ToArray();
    }

    /// <summary>
    /// The entries of a cache file, or null when <paramref name="bytes"/> are not one written under
    /// <paramref name="identity"/> (another version or configuration, truncated, corrupt). Never throws.
    /// </summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="identity">What the entries must have been made under.</param>
    /// <param name="catalog">The templates in force, for the template choices.</param>
    public static CheckCacheContents? Read(ReadOnlyMemory<byte> bytes, string identity, TemplateCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(catalog);
        try
        {
            var reader = new CheckCacheReader(bytes);
            if (reader.ReadUInt64() != Magic || reader.ReadUInt() != FormatVersion || reader.ReadString() != identity)
            {
                return null;
            }

            int start = reader.Position;
            const int Trailer = 8 + 32;
            if (bytes.Length - start < Trailer)
            {
                return null;
            }

            var trailer = new CheckCacheReader(bytes, bytes.Length - Trailer);
            int length = bytes.Length - start - Trailer;
            if (trailer.ReadUInt64() != (ulong)length || !SHA256.HashData(bytes.Span.Slice(start, length)).AsSpan().SequenceEqual(trailer.Take(32)))
            {
                return null;
            }

            reader = new CheckCacheReader(bytes[..(start + length)], start);
            int count = reader.ReadCount();
            var directory = new Dictionary<string, (CheckContentHash Hash, int Offset, int Length)>(count, WorkspacePaths.Comparer);
            for (int i = 0; i < count; i++)
            {
                reader.StartEntry();
                string path = reader.ReadRequiredString();
                var hash = new CheckContentHash(reader.ReadUInt64(), reader.ReadUInt64());
                int bodyLength = reader.ReadCount();
                directory[path] = (hash, reader.Position, bodyLength);
                reader.Skip(bodyLength);
            }

            return reader.AtEnd ? new CheckCacheContents(bytes, directory, catalog) : null;
        }
        catch (CheckCacheFormatException)
        {
            return null;
        }
    }

    private static void WriteEntry(CheckCacheWriter writer, CheckCacheEntry entry)
    {
        var index = entry.CrossFileEntry;
        writer.WriteString(index.Title);
        writer.WriteUInt((ulong)index.Headings.Length);
        foreach (var heading in index.Headings)
        {
            writer.WriteString(heading.Title);
            writer.WriteString(heading.Anchor);
            writer.WriteString(heading.Slug);
            writer.WriteInt(heading.Level);
            writer.WriteRange(heading.HeadingRange);
            writer.WriteRange(heading.TitleRange);
            writer.WriteRange(heading.SectionRange);
        }

        writer.WriteUInt((ulong)index.ExplicitAnchors.Length);
        foreach (var anchor in index.ExplicitAnchors)
        {
            writer.WriteString(anchor.Name);
            writer.WriteRange(anchor.Range);
        }

        writer.WriteUInt((ulong)index.IdDefinitions.Length);
        foreach (var definition in index.IdDefinitions)
        {
            writer.WriteString(definition.Id);
            writer.WriteRange(definition.Range);
            writer.WriteInt((int)definition.Kind);
            writer.WriteString(definition.Title);
            writer.WriteRange(definition.LineRange);
        }

        writer.WriteBool(entry.Analysis is not null);
        if (entry.Analysis is { } analysis)
        {
            var slots = analysis.Slots.ToList();
            writer.WriteUInt((ulong)slots.Count);
            foreach (var slot in slots)
            {
                WriteSlot(writer, slot);
            }
        }

        writer.WriteBool(entry.Choice is not null);
        if (entry.Choice is { } choice)
        {
            WriteChoice(writer, choice);
        }
    }

    private static void WriteSlot(CheckCacheWriter writer, PendingSlot slot)
    {
        switch (slot.Question)
        {
            case null:
                writer.WriteByte((byte)Slot.Diagnostic);
                WriteDiagnostic(writer, slot.Diagnostic!);
                break;
            case LinkTargetQuestion link:
                writer.WriteByte((byte)Slot.LinkTarget);
                writer.WriteString(link.DocumentPath);
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
                writer.WriteInt((int)id.Kind);
                writer.WriteString(id.DocumentPath);
                writer.WriteString(id.Id);
                writer.WriteRange(id.Range);
                break;
            default:
                throw new InvalidOperationException($"A cross-file question the cache cannot store: {slot.Question.GetType().Name}.");
        }
    }

    private static void WriteDiagnostic(CheckCacheWriter writer, SpecDiagnostic diagnostic)
    {
        writer.WriteRange(diagnostic.Range);
        writer.WriteInt((int)diagnostic.Severity);
        writer.WriteString(diagnostic.Code);
        writer.WriteString(diagnostic.Message);
        writer.WriteBool(diagnostic.IsUnnecessary);
        writer.WriteUInt((ulong)diagnostic.Related.Length);
        foreach (var related in diagnostic.Related)
        {
            writer.WriteString(related.DocumentPath);
            writer.WriteRange(related.Range);
            writer.WriteString(related.Message);
        }

        writer.WriteUInt((ulong)diagnostic.Data.Count);
        foreach (var (key, value) in diagnostic.Data)
        {
            writer.WriteString(key);
            writer.WriteString(value);
        }
    }

    private static void WriteChoice(CheckCacheWriter writer, TemplateChoice choice)
    {
        writer.WriteString(choice.Template?.Name);
        writer.WriteInt((int)choice.Reason);
        writer.WriteDouble(choice.Score);
        writer.WriteInt(choice.Matched);
        writer.WriteInt(choice.Total);
        writer.WriteString(choice.RequestedName);
        writer.WriteString(choice.Closest?.Name);
        writer.WriteString(choice.RunnerUp?.Name);
        writer.WriteUInt((ulong)choice.Evidence.Length);
        foreach (var evidence in choice.Evidence)
        {
            writer.WriteInt((int)evidence.Kind);
            writer.WriteString(evidence.Detail);
        }
    }

    internal static CheckCacheEntry ReadEntry(CheckCacheReader reader, string path, CheckContentHash hash, TemplateCatalog catalog)
    {
        reader.StartEntry();
        if (!WorkspacePaths.Comparer.Equals(reader.ReadRequiredString(), path))
        {
            throw new CheckCacheFormatException();
        }

        string? title = reader.ReadString();
        var headings = ReadArray(reader, ReadHeading);
        var anchors = ReadArray(reader, r => new ExplicitAnchor(r.ReadRequiredString(), r.ReadRange()));
        var definitions = ReadArray(reader, r => new IdDefinition(r.ReadRequiredString(), r.ReadRange(), ReadEnum<IdDefinitionKind>(r), r.ReadRequiredString(), r.ReadRange()));
        var index = FileIndex.CrossFileEntry(path, title, headings, anchors, definitions);

        PendingAnalysis? analysis = reader.ReadBool() ? PendingAnalysis.FromSlots(ReadArray(reader, ReadSlot)) : null;
        TemplateChoice? choice = reader.ReadBool() ? ReadChoice(reader, catalog) : null;
        return new CheckCacheEntry(path, hash, index, analysis, choice);
    }

    private static HeadingEntry ReadHeading(CheckCacheReader reader)
    {
        string title = reader.ReadRequiredString();
        string anchor = reader.ReadRequiredString();
        string slug = reader.ReadRequiredString();
        int level = reader.ReadInt();
        var heading = reader.ReadRange();
        var titleRange = reader.ReadRange();
        var section = reader.ReadRange();
        return new HeadingEntry(title, anchor, level, heading, titleRange, section) { Slug = slug };
    }

    private static PendingSlot ReadSlot(CheckCacheReader reader) => (Slot)reader.ReadByte() switch
    {
        Slot.Diagnostic => new PendingSlot(ReadDiagnostic(reader), null),
        Slot.LinkTarget => new PendingSlot(null, new LinkTargetQuestion(
            reader.ReadRequiredString(), reader.ReadString(), reader.ReadRequiredString(), reader.ReadBool(), reader.ReadString(), reader.ReadRange(), reader.ReadRange(), reader.ReadString())),
        Slot.Id => new PendingSlot(null, new IdQuestion(ReadEnum<IdQuestionKind>(reader), reader.ReadString(), reader.ReadRequiredString(), reader.ReadRange())),
        _ => throw new CheckCacheFormatException(),
    };

    private static SpecDiagnostic ReadDiagnostic(CheckCacheReader reader)
    {
        var range = reader.ReadRange();
        var severity = ReadEnum<DiagnosticSeverity>(reader);
        string code = reader.ReadRequiredString();
        string message = reader.ReadRequiredString();
        bool unnecessary = reader.ReadBool();
        var related = ReadArray(reader, r => new RelatedLocation(r.ReadString(), r.ReadRange(), r.ReadRequiredString()));
        int count = reader.ReadCount();
        var data = ImmutableDictionary<string, string>.Empty;
        for (int i = 0; i < count; i++)
        {
            data = data.Add(reader.ReadRequiredString(), reader.ReadRequiredString());
        }

        return new SpecDiagnostic(range, severity, code, message) { IsUnnecessary = unnecessary, Related = related, Data = data };
    }

    private static TemplateChoice ReadChoice(CheckCacheReader reader, TemplateCatalog catalog)
    {
        var template = FindTemplate(reader, catalog);
        var reason = ReadEnum<TemplateChoiceReason>(reader);
        double score = reader.ReadDouble();
        int matched = reader.ReadInt();
        int total = reader.ReadInt();
        string? requested = reader.ReadString();
        var closest = FindTemplate(reader, catalog);
        var runnerUp = FindTemplate(reader, catalog);
        var evidence = ReadArray(reader, r => new TemplateEvidence(ReadEnum<TemplateEvidenceKind>(r), r.ReadRequiredString()));
        return new TemplateChoice(template, reason, score, matched, total, requested) { Closest = closest, RunnerUp = runnerUp, Evidence = evidence };
    }

    // A template the entry names must be the catalog's: the identity covers the templates, so a miss is a bad entry.
    private static SpecTemplate? FindTemplate(CheckCacheReader reader, TemplateCatalog catalog) =>
        reader.ReadString() is not { } name ? null
        : catalog.Find(name) is { } template && template.Name == name ? template
        : throw new CheckCacheFormatException();

    private static TEnum ReadEnum<TEnum>(CheckCacheReader reader)
        where TEnum : struct, Enum
    {
        int value = reader.ReadInt();
        var result = (TEnum)(object)value;
        return Enum.IsDefined(result) ? result : throw new CheckCacheFormatException();
    }

    private static ImmutableArray<T> ReadArray<T>(CheckCacheReader reader, Func<CheckCacheReader, T> read)
    {
        int count = reader.ReadCount();
        var builder = ImmutableArray.CreateBuilder<T>(count);
        for (int i = 0; i < count; i++)
        {
            builder.Add(read(reader));
        }

        return builder.MoveToImmutable();
    }
}

/// <summary>The entries of a cache file, each read when asked for.</summary>
public sealed class CheckCacheContents
{
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly Dictionary<string, (CheckContentHash Hash, int Offset, int Length)> _directory;
    private readonly TemplateCatalog _catalog;

    internal CheckCacheContents(ReadOnlyMemory<byte> bytes, Dictionary<string, (CheckContentHash Hash, int Offset, int Length)> directory, TemplateCatalog catalog) =>
        (_bytes, _directory, _catalog) = (bytes, directory, catalog);

    /// <summary>How many files it holds.</summary>
    public int Count => _directory.Count;

    /// <summary>The entry of <paramref name="path"/> made from the text with <paramref name="hash"/>, or null (none, another text, or unreadable bytes). Thread safe.</summary>
    public CheckCacheEntry? Find(string path, CheckContentHash hash)
    {
        if (!_directory.TryGetValue(path, out var found) || found.Hash != hash)
        {
            return null;
        }

        try
        {
            var reader = new CheckCacheReader(_bytes[..(found.Offset + found.Length)], found.Offset);
            var entry = CheckCacheCodec.ReadEntry(reader, path, hash, _catalog);
            return reader.AtEnd ? entry : null;
        }
        catch (CheckCacheFormatException)
        {
            return null;
        }
    }
}
