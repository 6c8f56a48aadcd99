using System.Collections.Immutable;

namespace SpecLsp.Core.Templates;

/// <summary>Where a template comes from.</summary>
public enum TemplateOrigin
{
    /// <summary>One of the templates shipped inside SpecLsp.</summary>
    BuiltIn,

    /// <summary>A Markdown file in the workspace's templates folder.</summary>
    Workspace,
}

/// <summary>A template: its name, its text and the schema derived from it. Immutable.</summary>
public sealed class SpecTemplate
{
    private Placeholders.TemplateFacts? _facts;

    /// <summary>What the placeholder and metadata features need from this template, derived from its text on first use.</summary>
    public Placeholders.TemplateFacts Facts =>
        Volatile.Read(ref _facts) ?? Interlocked.CompareExchange(ref _facts, Placeholders.TemplateFacts.For(Name, Body), null) ?? _facts!;

    /// <summary>The name users write in <c>template: NAME</c> (the file name without <c>.md</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Built in or from the workspace.</summary>
    public required TemplateOrigin Origin { get; init; }

    /// <summary>The file the template was read from; null for a built-in one.</summary>
    public string? FilePath { get; init; }

    /// <summary>The template's text without its front matter.</summary>
    public required string Body { get; init; }

    /// <summary>The <c>description:</c> of its front matter, or null.</summary>
    public string? Description { get; init; }

    /// <summary>The template's title (its H1) as the root; its children are the top-level sections.</summary>
    public required TemplateSection Root { get; init; }

    /// <summary>The top-level sections (the template's H2s), in template order.</summary>
    public ImmutableArray<TemplateSection> Sections => Root.Children;

    /// <summary>
    /// Path globs (front matter <c>match: paths:</c>) that a document of this format lives at, such as
    /// <c>**/specs/???-*/spec.md</c>: strong evidence when the document also has the title, a marker or a known section.
    /// </summary>
    public ImmutableArray<string> PathConventions { get; init; } = [];

    /// <summary>
    /// Texts (front matter <c>match: markers:</c>) that only a document of this format holds, such as
    /// <c>**Feature Branch**</c>: strong evidence when the document also has the title or a known section.
    /// </summary>
    public ImmutableArray<string> Markers { get; init; } = [];

    /// <summary>
    /// Texts (front matter <c>match: titles:</c>) that, found in a document's H1 in any case, say it is of this format,
    /// such as <c>decision record:</c> in <c># Architecture Decision Record: Go</c>: a marker, and enough on its own
    /// since the author named the format; only the title counts, so a page that merely talks about the format is not
    /// taken for one.
    /// </summary>
    public ImmutableArray<string> TitleMarkers { get; init; } = [];

    /// <summary>
    /// False when the template's front matter says <c>order: free</c>: its sections may come in any order (a format
    /// whose authors arrange it freely), so no <c>section-order</c> is reported.
    /// </summary>
    public bool IsOrdered { get; init; } = true;

    /// <summary>
    /// False when the template's front matter says <c>title: none</c>: the format has no title heading, and its
    /// sections are a document's outermost headings whatever their level (a Rust-style RFC's <c># Summary</c> or
    /// <c>## Summary</c>); see <see cref="DocumentSections.TopLevel(Model.SpecDocument, bool)"/>.
    /// </summary>
    public bool HasTitle { get; init; } = true;

    /// <summary>Problems found in the template's front matter (an unknown section path, bad YAML); empty when fine.</summary>
    public ImmutableArray<string> Problems { get; init; } = [];

    /// <summary>Every section of the schema, pre-order, the root excluded.</summary>
    public IEnumerable<TemplateSection> AllSections()
    {
        var stack = new Stack<TemplateSection>(Sections.Reverse());
        while (stack.Count > 0)
        {
            var section = stack.Pop();
            yield return section;
            for (int i = section.Children.Length - 1; i >= 0; i--)
            {
                stack.Push(section.Children[i]);
            }
        }
    }

    /// <summary>The section at <paramref name="indexPath"/> (see <see cref="TemplateSection.IndexPath"/>), or null.</summary>
    public TemplateSection? FindByIndexPath(string indexPath)
    {
        var node = Root;
        foreach (var part in indexPath.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index) || index >= node.Children.Length)
            {
                return null;
            }

            node = node.Children[index];
        }

        return ReferenceEquals(node, Root) ? null : node;
    }

    /// <summary>
    /// The section at a title path such as <c>Requirements/Functional Requirements</c>: segments are compared
    /// normalised, and a title that itself holds a <c>/</c> (<c>UI/UX Mockups</c>) is found too.
    /// </summary>
    public TemplateSection? FindByPath(string path)
    {
        var segments = path.Split('/');
        return Find(Root, segments, 0);

        static TemplateSection? Find(TemplateSection node, string[] segments, int at)
        {
            if (at == segments.Length)
            {
                return node;
            }

            for (int take = 1; at + take <= segments.Length; take++)
            {
                string key = SectionTitles.Normalize(string.Join('/', segments, at, take));
                foreach (var child in node.Children)
                {
                    if (string.Equals(child.Key, key, StringComparison.Ordinal) || string.Equals(SectionTitles.Normalize(child.DisplayTitle), key, StringComparison.Ordinal)
                        || (child.Group is { } group && string.Equals(SectionTitles.Normalize(group.Prefix), key, StringComparison.Ordinal)))
                    {
                        var found = Find(child, segments, at + take);
                        if (found is not null)
                        {
                            return found;
                        }
                    }
                }
            }

            return null;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
