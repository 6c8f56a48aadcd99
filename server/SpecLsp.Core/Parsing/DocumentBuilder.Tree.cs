using System.Collections.Immutable;
using System.Globalization;
using Markdig.Extensions.Yaml;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;
using SpecLsp.Core.Yaml;

namespace SpecLsp.Core.Parsing;

/// <summary>The second half of the build: section tree, metadata scopes, IDs and front matter.</summary>
internal sealed partial class DocumentBuilder
{
    /// <summary>
    /// The section tree of a document whose headings, in document order, are <paramref name="headings"/>; the
    /// document ends at <paramref name="textEnd"/> and has <paramref name="lineCount"/> lines.
    /// </summary>
    public static (ImmutableArray<Section> Roots, ImmutableArray<Section> All) BuildSections(IReadOnlyList<HeadingInfo> headings, Position textEnd, int lineCount)
    {
        if (headings.Count == 0)
        {
            return ([], []);
        }

        // Ends first: a section runs to the start of the line of the next heading of the same or a higher level.
        // Positions are built from the headings' own (computed in document order), with no offset lookups.
        var ends = new Position[headings.Count];
        var parents = new int[headings.Count];
        var open = new Stack<int>();
        for (int i = 0; i < headings.Count; i++)
        {
            while (open.Count > 0 && headings[open.Peek()].Level >= headings[i].Level)
            {
                ends[open.Pop()] = LineStartOf(headings[i]);
            }

            parents[i] = open.Count > 0 ? open.Peek() : -1;
            open.Push(i);
        }

        while (open.Count > 0)
        {
            ends[open.Pop()] = textEnd;
        }

        var children = new List<int>[headings.Count];
        var roots = new List<int>();
        for (int i = 0; i < headings.Count; i++)
        {
            (parents[i] < 0 ? roots : children[parents[i]] ??= []).Add(i);
        }

        var slugger = new HeadingAnchors.Slugger();
        var anchors = new string[headings.Count];
        for (int i = 0; i < anchors.Length; i++)
        {
            anchors[i] = slugger.Claim(headings[i].Slug);
        }

        // Children always come after their parent, so building from the last heading backwards sees every child first.
        var built = new Section[headings.Count];
        for (int i = headings.Count - 1; i >= 0; i--)
        {
            var h = headings[i];
            var kids = children[i] is { } list ? list.Select(k => built[k]).ToImmutableArray() : [];
            var end = Max(h.HeadingRange.End, ends[i]);
            int nextLine = h.HeadingRange.End.Line + 1;
            var bodyStart = Min(nextLine < lineCount ? new Position(nextLine, 0) : textEnd, end);
            var bodyEnd = children[i] is { Count: > 0 } c ? LineStartOf(headings[c[0]]) : end;
            built[i] = new Section
            {
                Level = h.Level,
                Title = h.Title,
                RawTitle = h.RawTitle,
                HeadingRange = h.HeadingRange,
                TitleRange = h.TitleRange,
                Range = new TextRange(h.HeadingRange.Start, end),
                BodyRange = new TextRange(bodyStart, Max(bodyStart, bodyEnd)),
                IsSetext = h.IsSetext,
                Anchor = anchors[i],
                Slug = h.Slug,
                Children = kids,
            };
        }

        return ([.. roots.Select(r => built[r])], [.. built]);
    }

    private static Position LineStartOf(HeadingInfo heading) => new(heading.HeadingRange.Start.Line, 0);

    private static Position Max(Position a, Position b) => a > b ? a : b;

    private static Position Min(Position a, Position b) => a < b ? a : b;

    /// <summary>
    /// Metadata counts only where a spec keeps it, so that requirement fields (<c>**Description:**</c>) are not
    /// mistaken for it: before the first heading below the title, in a section titled "Metadata", and in a footer
    /// after the last top-level thematic break when no heading follows it. Front-matter keys always count.
    /// </summary>
    public ImmutableArray<MetadataField> SelectMetadata()
    {
        var result = ImmutableArray.CreateBuilder<MetadataField>(_frontMatterFields.Count + _metadataCandidates.Count);
        result.AddRange(_frontMatterFields);
        foreach (var candidate in _metadataCandidates)
        {
            if (!IdSyntax.IsId(candidate.Field.Key))
            {
                result.Add(candidate.Field);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>The IDs defined in the blocks walked, and in <paramref name="metadata"/> (which names the spec titled <paramref name="title"/>).</summary>
    public ImmutableArray<IdDefinition> BuildDefinitions(ImmutableArray<MetadataField> metadata, string? title)
    {
        var result = new List<IdDefinition>(_definitions.Count + 2);
        foreach (var d in _definitions)
        {
            result.Add(new IdDefinition(d.Id, Range(d.Start, d.Start + d.Id.Length), d.Kind, d.Title, Range(d.LineStart, d.LineEnd)));
        }

        foreach (var field in metadata)
        {
            bool idKey = field.Key.EndsWith("ID", StringComparison.Ordinal) || field.Key.EndsWith(" Id", StringComparison.Ordinal)
                || field.Key.Equals("id", StringComparison.OrdinalIgnoreCase) || field.Key.EndsWith("_id", StringComparison.OrdinalIgnoreCase);
            if (IdSyntax.IsId(field.Value) && (idKey || IdSyntax.IsWorkspaceWide(field.Value)))
            {
                result.Add(new IdDefinition(field.Value, field.ValueRange, IdDefinitionKind.Metadata, title ?? string.Empty, field.LineRange));
            }
        }

        result.Sort(static (a, b) => a.Range.Start.CompareTo(b.Range.Start));
        return [.. result];
    }

    /// <summary>The prefixes of <paramref name="definitions"/>: an ID-shaped word counts as a mention only with one of them (or when workspace-wide).</summary>
    public static HashSet<string> IdPrefixes(IEnumerable<IdDefinition> definitions)
    {
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in definitions)
        {
            prefixes.Add(d.Prefix);
        }

        return prefixes;
    }

    /// <summary>The mentions in the blocks walked: ID-shaped words with a defined prefix, other than the <paramref name="definitions"/> themselves.</summary>
    public ImmutableArray<IdMention> BuildMentions(HashSet<string> prefixes, ImmutableArray<IdDefinition> definitions)
    {
        var definitionStarts = new HashSet<Text.Position>();
        foreach (var d in definitions)
        {
            definitionStarts.Add(d.Range.Start);
        }

        var result = ImmutableArray.CreateBuilder<IdMention>();
        foreach (var (start, length) in _mentionCandidates)
        {
            string id = _text.Substring(start, length);
            if (!IdSyntax.IsWorkspaceWide(id) && !prefixes.Contains(IdSyntax.GetPrefix(id)))
            {
                continue;
            }

            var range = Range(start, start + length);
            if (!definitionStarts.Contains(range.Start))
            {
                // For the index, the string every file shares: its entry then keeps this mention as it is.
                result.Add(new IdMention(_indexOnly ? Workspace.FileIndex.Intern(id) : id, range));
            }
        }

        return result.ToImmutable();
    }

    private void ReadFrontMatter(YamlFrontMatterBlock block)
    {
        if (!TryGetSpan(block, out int start, out int end))
        {
            return;
        }

        int firstLine = LineAt(start);
        int lastLine = LineAt(Math.Max(start, end - 1));
        int contentStart = Math.Min(_lines.GetLineStart(firstLine + 1), end);
        int contentEnd = Math.Max(contentStart, _lines.GetLineStart(lastLine));
        var range = Range(start, end);
        string yaml = _text[contentStart..contentEnd];
        var result = SafeYaml.Load(yaml);
        if (result.Error is { } error)
        {
            _frontMatter = new FrontMatter(range, new Dictionary<string, string>(), false);
            bool located = error.Start > 0 || error.End < yaml.Length;
            string where = located ? $" (line {(PositionAt(contentStart + error.Start).Line + 1).ToString(CultureInfo.InvariantCulture)})" : string.Empty;
            _diagnostics.Add(new SpecDiagnostic(range, DiagnosticSeverity.Error, DiagnosticCodes.InvalidFrontMatter, $"Invalid front matter{where}: {error.Message}"));
            return;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (result.Root is SafeYamlMapping mapping)
        {
            foreach (var (key, value) in mapping.Entries)
            {
                if (key is not SafeYamlScalar keyScalar || values.ContainsKey(keyScalar.Value))
                {
                    continue;
                }

                int valueStart = contentStart + value.Start;
                int valueEnd = contentStart + value.End;
                string text = value is SafeYamlScalar scalar ? scalar.Value : _text[valueStart..valueEnd];
                values[keyScalar.Value] = text;
                int keyStart = contentStart + keyScalar.Start;
                _frontMatterFields.Add(new MetadataField(
                    keyScalar.Value,
                    text,
                    Range(keyStart, contentStart + keyScalar.End),
                    Range(valueStart, valueEnd),
                    Range(keyStart, Math.Max(keyStart, valueEnd)),
                    MetadataStyle.FrontMatter));
            }
        }

        _frontMatter = new FrontMatter(range, values, true);
    }
}

/// <summary>A heading as the section tree needs it, positions in document coordinates.</summary>
/// <param name="Level">1 to 6.</param>
/// <param name="HeadingRange">The heading's lines.</param>
/// <param name="TitleRange">Its text without markers.</param>
/// <param name="Title">Its text as a reader sees it.</param>
/// <param name="RawTitle">Its source text without markers.</param>
/// <param name="Slug">Its anchor before de-duplication.</param>
/// <param name="IsSetext">True for an underlined heading.</param>
internal sealed record HeadingInfo(int Level, TextRange HeadingRange, TextRange TitleRange, string Title, string RawTitle, string Slug, bool IsSetext)
{
    /// <summary>The heading of an already built section.</summary>
    public static HeadingInfo Of(Section section) =>
        new(section.Level, section.HeadingRange, section.TitleRange, section.Title, section.RawTitle, section.Slug, section.IsSetext);
}

/// <summary>
/// Where metadata may be, as the headings so far decide it (see <see cref="DocumentBuilder.SelectMetadata"/>):
/// whether a heading below the title has been seen, and the level of the enclosing "Metadata" section (0: none).
/// </summary>
internal readonly record struct HeadingScope(bool SeenSubHeading, int MetadataSectionLevel)
{
    /// <summary>Metadata lines here count only as a footer (after a thematic break, with no heading after it).</summary>
    public bool FooterOnly => SeenSubHeading && MetadataSectionLevel == 0;

    /// <summary>The scope after a heading of <paramref name="level"/> titled <paramref name="title"/>.</summary>
    public HeadingScope Enter(int level, string title)
    {
        int metadataLevel = MetadataSectionLevel > 0 && level <= MetadataSectionLevel ? 0 : MetadataSectionLevel;
        if (string.Equals(title, "Metadata", StringComparison.OrdinalIgnoreCase))
        {
            metadataLevel = level;
        }

        return new HeadingScope(SeenSubHeading || level >= 2, metadataLevel);
    }
}
