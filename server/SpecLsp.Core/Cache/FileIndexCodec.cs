using System.Collections.Immutable;
using SpecLsp.Core.Model;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.Cache;

/// <summary>
/// Writes a <see cref="FileIndex"/> as the index cache keeps it, and reads it back as an entry equal to the one
/// parsing the same text makes. Link targets are not stored: they are resolved again on reading, against the roots
/// of that session, exactly as <see cref="FileIndex.Create"/> resolves them.
/// </summary>
public static class FileIndexCodec
{
    private static readonly int IdDefinitionKinds = Enum.GetValues<IdDefinitionKind>().Length;
    private static readonly int LinkKinds = Enum.GetValues<LinkKind>().Length;

    /// <summary>Writes <paramref name="entry"/>, which must be readable (an unreadable file has no text to key it on).</summary>
    public static void Write(CacheWriter writer, FileIndex entry)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.UnreadableReason is not null)
        {
            throw new ArgumentException("An unreadable file's entry is not cached.", nameof(entry));
        }

        writer.WriteString(entry.Title);
        writer.WriteCount(entry.Headings.Length);
        foreach (var heading in entry.Headings)
        {
            writer.WriteString(heading.Title);
            writer.WriteString(heading.Anchor);
            writer.WriteString(ReferenceEquals(heading.Slug, heading.Anchor) ? null : heading.Slug);
            writer.WriteByte((byte)heading.Level);
            writer.WriteRange(heading.HeadingRange);
            writer.WriteRange(heading.TitleRange);
            writer.WriteRange(heading.SectionRange);
        }

        writer.WriteCount(entry.ExplicitAnchors.Length);
        foreach (var anchor in entry.ExplicitAnchors)
        {
            writer.WriteString(anchor.Name);
            writer.WriteRange(anchor.Range);
        }

        writer.WriteCount(entry.IdDefinitions.Length);
        foreach (var definition in entry.IdDefinitions)
        {
            writer.WriteString(definition.Id);
            writer.WriteRange(definition.Range);
            writer.WriteByte((byte)definition.Kind);
            writer.WriteString(definition.Title);
            writer.WriteRange(definition.LineRange);
        }

        writer.WriteCount(entry.IdMentions.Length);
        foreach (var mention in entry.IdMentions)
        {
            writer.WriteString(mention.Id);
            writer.WriteRange(mention.Range);
        }

        writer.WriteCount(entry.Links.Length);
        foreach (var link in entry.Links)
        {
            var node = link.Node;
            writer.WriteByte((byte)((int)node.Kind | (node.IsImage ? 0x10 : 0) | (node.IsUndefined ? 0x20 : 0)));
            writer.WriteString(node.Destination);
            writer.WriteString(node.Label);
            writer.WriteRange(node.Range);
            writer.WriteRange(node.TargetRange);
        }

        writer.WriteCount(entry.ReferenceDefinitions.Length);
        foreach (var definition in entry.ReferenceDefinitions)
        {
            writer.WriteString(definition.Label);
            writer.WriteString(definition.Destination);
            writer.WriteRange(definition.Range);
            writer.WriteRange(definition.LabelRange);
            writer.WriteRange(definition.DestinationRange);
        }
    }

    /// <summary>Reads the entry of <paramref name="path"/>, its links resolved against <paramref name="roots"/>.</summary>
    /// <exception cref="InvalidDataException">When the bytes are not such an entry.</exception>
    public static FileIndex Read(ReadOnlySpan<byte> bytes, string path, ImmutableArray<string> roots)
    {
        var reader = new CacheReader(bytes);
        string? title = reader.ReadString();

        // Each item takes at least a byte a field: a damaged count cannot make the reader allocate more than the bytes justify.
        var headings = ImmutableArray.CreateBuilder<HeadingEntry>(reader.ReadCount(minBytesEach: 16));
        for (int i = 0; i < headings.Capacity; i++)
        {
            string headingTitle = reader.ReadRequiredString();
            string anchor = reader.ReadRequiredString();
            string slug = reader.ReadString() ?? anchor;
            int level = reader.ReadByte();
            headings.Add(new HeadingEntry(headingTitle, anchor, level, reader.ReadRange(), reader.ReadRange(), reader.ReadRange()) { Slug = slug });
        }

        var anchors = ImmutableArray.CreateBuilder<ExplicitAnchor>(reader.ReadCount(minBytesEach: 5));
        for (int i = 0; i < anchors.Capacity; i++)
        {
            anchors.Add(new ExplicitAnchor(reader.ReadRequiredString(), reader.ReadRange()));
        }

        var definitions = ImmutableArray.CreateBuilder<IdDefinition>(reader.ReadCount(minBytesEach: 11));
        for (int i = 0; i < definitions.Capacity; i++)
        {
            string id = FileIndex.Intern(reader.ReadRequiredString());
            var range = reader.ReadRange();
            var kind = (IdDefinitionKind)reader.ReadTag(IdDefinitionKinds);
            definitions.Add(new IdDefinition(id, range, kind, reader.ReadRequiredString(), reader.ReadRange()));
        }

        var mentions = ImmutableArray.CreateBuilder<IdMention>(reader.ReadCount(minBytesEach: 5));
        for (int i = 0; i < mentions.Capacity; i++)
        {
            mentions.Add(new IdMention(FileIndex.Intern(reader.ReadRequiredString()), reader.ReadRange()));
        }

        var links = ImmutableArray.CreateBuilder<LinkNode>(reader.ReadCount(minBytesEach: 11));
        for (int i = 0; i < links.Capacity; i++)
        {
            int flags = reader.ReadByte();
            if ((flags & 0x0F) >= LinkKinds || (flags & ~0x3F) != 0)
            {
                throw new InvalidDataException("The cache is damaged: an unknown kind of link.");
            }

            string? destination = reader.ReadString();
            string? label = reader.ReadString();
            links.Add(new LinkNode((LinkKind)(flags & 0x0F), string.Empty, destination, label, reader.ReadRange(), reader.ReadRange(), (flags & 0x10) != 0)
            {
                IsUndefined = (flags & 0x20) != 0,
            });
        }

        var references = ImmutableArray.CreateBuilder<LinkReferenceDefinition>(reader.ReadCount(minBytesEach: 14));
        for (int i = 0; i < references.Capacity; i++)
        {
            string label = reader.ReadRequiredString();
            string destination = reader.ReadRequiredString();
            references.Add(new LinkReferenceDefinition(label, destination, reader.ReadRange(), reader.ReadRange(), reader.ReadRange()));
        }

        if (!reader.AtEnd)
        {
            throw new InvalidDataException("The cache is damaged: bytes after an index entry.");
        }

        return FileIndex.FromParts(
            path, title, headings.MoveToImmutable(), anchors.MoveToImmutable(), definitions.MoveToImmutable(), mentions.MoveToImmutable(), links.MoveToImmutable(), references.MoveToImmutable(), roots);
    }
}
