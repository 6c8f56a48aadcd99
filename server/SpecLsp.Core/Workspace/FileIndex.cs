using System.Collections.Immutable;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Workspace;

/// <summary>A heading as the index keeps it.</summary>
/// <param name="Title">The heading's text as a reader sees it.</param>
/// <param name="Anchor">Its GitHub anchor, de-duplicated within the document.</param>
/// <param name="Level">1 to 6.</param>
/// <param name="HeadingRange">The heading line.</param>
/// <param name="TitleRange">The heading's text.</param>
/// <param name="SectionRange">The whole section.</param>
public readonly record struct HeadingEntry(string Title, string Anchor, int Level, TextRange HeadingRange, TextRange TitleRange, TextRange SectionRange)
{
    /// <summary>The anchor before de-duplication (the slug of the heading's rendered text).</summary>
    public string Slug { get; init; } = Anchor;
}

/// <summary>A link with where it leads.</summary>
/// <param name="Node">The link as parsed.</param>
/// <param name="Target">Its resolved target (reference links through their definition).</param>
public sealed record IndexedLink(LinkNode Node, LinkTarget Target);

/// <summary>
/// What the workspace keeps of one file: headings and anchors, IDs, links and reference definitions, no syntax
/// tree and no text. Built from a <see cref="SpecDocument"/>; immutable.
/// </summary>
public sealed class FileIndex
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> IdStrings = new(StringComparer.Ordinal);

    private Dictionary<string, LinkReferenceDefinition>? _definitionsByLabel;
    private AnchorLookup? _anchors;
    private FileSymbols? _symbols;

    private FileIndex(string path) => Path = path;

    /// <summary>The normalised absolute path.</summary>
    public string Path { get; }

    /// <summary>The title (the first H1's text), or null.</summary>
    public string? Title { get; private init; }

    /// <summary>Every heading in document order.</summary>
    public ImmutableArray<HeadingEntry> Headings { get; private init; } = [];

    /// <summary>Explicit HTML anchors.</summary>
    public ImmutableArray<ExplicitAnchor> ExplicitAnchors { get; private init; } = [];

    /// <summary>IDs defined in the file.</summary>
    public ImmutableArray<IdDefinition> IdDefinitions { get; private init; } = [];

    /// <summary>IDs mentioned in its prose.</summary>
    public ImmutableArray<IdMention> IdMentions { get; private init; } = [];

    /// <summary>Links with their resolved targets.</summary>
    public ImmutableArray<IndexedLink> Links { get; private init; } = [];

    /// <summary>Link reference definitions.</summary>
    public ImmutableArray<LinkReferenceDefinition> ReferenceDefinitions { get; private init; } = [];

    /// <summary>Where each of <see cref="ReferenceDefinitions"/> leads, in the same order.</summary>
    public ImmutableArray<LinkTarget> ReferenceDefinitionTargets { get; private init; } = [];

    /// <summary>Why the file could not be read as text, or null.</summary>
    public string? UnreadableReason { get; private init; }

    /// <summary>Builds the index of <paramref name="document"/> at <paramref name="path"/>, resolving links against <paramref name="roots"/>.</summary>
    public static FileIndex Create(string path, SpecDocument document, ImmutableArray<string> roots)
    {
        ArgumentNullException.ThrowIfNull(document);
        return FromParts(
            path,
            document.Title?.Title,
            [.. document.AllSections.Select(s => new HeadingEntry(s.Title, s.Anchor, s.Level, s.HeadingRange, s.TitleRange, s.Range) { Slug = SameOrOwn(s.Slug, s.Anchor) })],
            document.ExplicitAnchors,
            document.IdDefinitions,
            document.IdMentions,
            document.Links,
            document.ReferenceDefinitions,
            roots);
    }

    /// <summary>
    /// The entry made of these parts, as <see cref="Create"/> makes it from a document: links resolved against
    /// <paramref name="roots"/>, IDs shared (already, when <paramref name="idsInterned"/>: the index cache's reader
    /// shares them as it reads). The index cache restores entries through this.
    /// </summary>
    internal static FileIndex FromParts(
        string path,
        string? title,
        ImmutableArray<HeadingEntry> headings,
        ImmutableArray<ExplicitAnchor> explicitAnchors,
        ImmutableArray<IdDefinition> idDefinitions,
        ImmutableArray<IdMention> idMentions,
        ImmutableArray<LinkNode> links,
        ImmutableArray<LinkReferenceDefinition> definitions,
        ImmutableArray<string> roots,
        bool idsInterned = false)
    {
        var indexed = ImmutableArray.CreateBuilder<IndexedLink>(links.Length);
        foreach (var link in links)
        {
            var destination = link.Destination ?? FindDefinition(definitions, link.Label)?.Destination;

            // The index serves navigation, not display: a link's text is not kept.
            indexed.Add(new IndexedLink(link.Text.Length == 0 ? link : link with { Text = string.Empty }, LinkTarget.Resolve(destination, path, roots)));
        }

        return new FileIndex(path)
        {
            Title = title,
            Headings = headings,
            ExplicitAnchors = explicitAnchors,
            IdDefinitions = idsInterned ? idDefinitions : [.. idDefinitions.Select(d => Intern(d.Id) is var id && ReferenceEquals(id, d.Id) ? d : d with { Id = id })],
            IdMentions = idsInterned ? idMentions : [.. idMentions.Select(m => Intern(m.Id) is var id && ReferenceEquals(id, m.Id) ? m : m with { Id = id })],
            Links = indexed.MoveToImmutable(),
            ReferenceDefinitions = definitions,
            ReferenceDefinitionTargets = [.. definitions.Select(d => LinkTarget.Resolve(d.Destination, path, roots))],
        };
    }

    /// <summary>
    /// This entry with its links resolved again against <paramref name="roots"/> (after workspace folders were added
    /// or removed): a link that left the workspace may now lead into it, and the other way round.
    /// </summary>
    public FileIndex WithRoots(ImmutableArray<string> roots)
    {
        if (UnreadableReason is not null)
        {
            return this;
        }

        var definitions = ReferenceDefinitions;
        return new FileIndex(Path)
        {
            Title = Title,
            Headings = Headings,
            ExplicitAnchors = ExplicitAnchors,
            IdDefinitions = IdDefinitions,
            IdMentions = IdMentions,
            Links = [.. Links.Select(l => l with { Target = LinkTarget.Resolve(l.Node.Destination ?? FindDefinition(definitions, l.Node.Label)?.Destination, Path, roots) })],
            ReferenceDefinitions = definitions,
            ReferenceDefinitionTargets = [.. definitions.Select(d => LinkTarget.Resolve(d.Destination, Path, roots))],

            // The symbols read only the headings and ID definitions, which stay.
            _symbols = _symbols,
        };
    }

    /// <summary>
    /// The file's workspace symbols, built on first use (a race only builds the same table twice); the server builds
    /// every disk file's when its scan lands (<see cref="WorkspaceIndex.DiskSymbols"/>), so no query waits for them.
    /// Not built during the scan: they would add to the scan's peak memory, the parse garbage and the tables at once.
    /// </summary>
    public FileSymbols Symbols => _symbols ??= FileSymbols.Build(this);

    /// <summary>
    /// This entry with only what another file's diagnostics read of it: heading anchors, explicit anchors and ID
    /// definitions without their titles, no links, ID mentions or reference definitions (those serve navigation, references and rename). <c>speclsp check</c>
    /// keeps these for the files it is not analyzing at the moment.
    /// </summary>
    public FileIndex ForCrossFileChecks() => UnreadableReason is not null ? this : new FileIndex(Path)
    {
        Title = Title,
        Headings = [.. Headings.Select(h => h with { Title = string.Empty })],
        ExplicitAnchors = ExplicitAnchors,
        IdDefinitions = [.. IdDefinitions.Select(d => d with { Title = string.Empty })],
    };

    /// <summary>An entry for a file that cannot be read as text.</summary>
    public static FileIndex Unreadable(string path, string reason) => new(path) { UnreadableReason = reason };

    /// <summary>
    /// True when <paramref name="fragment"/> names a heading anchor here in any case, or an explicit anchor exactly.
    /// GitHub's heading anchors are lower case, but its page script finds a heading from a fragment in any case
    /// (<c>#Overview</c>, <c>#OVERVIEW</c> reach <c># Overview</c>), and so do VS Code's preview and link check: such a
    /// link works where its readers follow it. An HTML <c>id</c> is matched as a browser matches ids.
    /// </summary>
    public bool HasAnchor(string fragment) =>
        Anchors.HeadingIgnoreCase.ContainsKey(fragment) || Anchors.Explicit.ContainsKey(fragment);

    /// <summary>
    /// The heading whose anchor is <paramref name="anchor"/>, or else one whose anchor differs only in case (navigation
    /// is lenient; the <c>broken-anchor</c> check uses <see cref="HasAnchor"/>), or null.
    /// </summary>
    public HeadingEntry? FindHeading(string anchor)
    {
        if (!Anchors.HeadingIgnoreCase.TryGetValue(anchor, out int first))
        {
            return null;
        }

        // The first heading in any case is the answer unless a later one matches exactly (rare: anchors are lower case).
        if (!Headings[first].Anchor.Equals(anchor, StringComparison.Ordinal))
        {
            for (int i = first + 1; i < Headings.Length; i++)
            {
                if (Headings[i].Anchor.Equals(anchor, StringComparison.Ordinal))
                {
                    return Headings[i];
                }
            }
        }

        return Headings[first];
    }

    /// <summary>The explicit anchor named <paramref name="name"/>, or null.</summary>
    public ExplicitAnchor? FindExplicitAnchor(string name) =>
        Anchors.Explicit.TryGetValue(name, out int i) ? ExplicitAnchors[i] : null;

    /// <summary>The reference definition for <paramref name="label"/> (CommonMark matching: case-folded, white space collapsed), or null.</summary>
    public LinkReferenceDefinition? FindReferenceDefinition(string? label)
    {
        if (label is null)
        {
            return null;
        }

        // Built on first use; a race only builds the same dictionary twice.
        var byLabel = _definitionsByLabel ??= ReferenceDefinitions
            .GroupBy(d => NormalizeLabel(d.Label), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return byLabel.GetValueOrDefault(NormalizeLabel(label));
    }

    /// <summary>Normalises a link label the way CommonMark matches them.</summary>
    public static string NormalizeLabel(string label) =>
        string.Join(' ', label.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant().ToLowerInvariant();

    // The slug is the anchor unless the heading repeats: one string for both, not two equal ones (~3 KB a spec).
    private static string SameOrOwn(string value, string shared) => value == shared ? shared : value;

    // Local IDs (FR1, US-2) repeat across thousands of specs: share one string each. Long ones (spec IDs) are unique anyway.
    private const int MaxSharedIdLength = 10;

    internal static string Intern(string id) => id.Length <= MaxSharedIdLength ? IdStrings.GetOrAdd(id, id) : id;

    /// <summary>The shared string of the ID <paramref name="id"/>, made only when no file had it yet (as <see cref="Intern(string)"/>).</summary>
    internal static string Intern(ReadOnlySpan<char> id)
    {
        if (id.Length > MaxSharedIdLength)
        {
            return new string(id);
        }

        if (IdStrings.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(id, out var shared))
        {
            return shared;
        }

        var made = new string(id);
        return IdStrings.GetOrAdd(made, made);
    }

    private static LinkReferenceDefinition? FindDefinition(ImmutableArray<LinkReferenceDefinition> definitions, string? label)
    {
        if (label is null)
        {
            return null;
        }

        var key = NormalizeLabel(label);
        foreach (var definition in definitions)
        {
            if (NormalizeLabel(definition.Label) == key)
            {
                return definition;
            }
        }

        return null;
    }

    // Every link with a fragment looks its anchor up: a scan of the headings per link made the link check quadratic in
    // the document's size (68 ms at 50,000 lines). Built on first use, first occurrence wins as in the scans before;
    // a race only builds the same tables twice.
    private AnchorLookup Anchors => _anchors ??= AnchorLookup.Build(Headings, ExplicitAnchors);

    private sealed class AnchorLookup
    {
        private static readonly Dictionary<string, int> NoNames = new(StringComparer.Ordinal);

        public required Dictionary<string, int> HeadingIgnoreCase { get; init; }

        public required Dictionary<string, int> Explicit { get; init; }

        public static AnchorLookup Build(ImmutableArray<HeadingEntry> headings, ImmutableArray<ExplicitAnchor> explicitAnchors)
        {
            var ignoreCase = new Dictionary<string, int>(headings.Length, StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < headings.Length; i++)
            {
                ignoreCase.TryAdd(headings[i].Anchor, i);
            }

            var named = explicitAnchors.IsEmpty ? NoNames : new Dictionary<string, int>(explicitAnchors.Length, StringComparer.Ordinal);
            for (int i = 0; i < explicitAnchors.Length; i++)
            {
                named.TryAdd(explicitAnchors[i].Name, i);
            }

            return new AnchorLookup { HeadingIgnoreCase = ignoreCase, Explicit = named };
        }
    }

}
