using System.Collections.Immutable;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Templates;

/// <summary>A section of a spec and the template section it was recognised as (if any).</summary>
public sealed class MatchedSection
{
    /// <summary>The spec's section.</summary>
    public required Section Section { get; init; }

    /// <summary>The template section it is, or null for a heading the template does not know.</summary>
    public TemplateSection? Template { get; init; }

    /// <summary>For a member of a repeatable group, its number (<c>3</c> of <c>FR3</c>).</summary>
    public int? MemberNumber { get; init; }

    /// <summary>True when an earlier sibling already is the same non-repeatable template section.</summary>
    public bool IsDuplicate { get; init; }

    /// <summary>The enclosing matched section; null at the top level.</summary>
    public MatchedSection? Parent { get; init; }

    /// <summary>The subsections, matched against <see cref="Template"/>'s children.</summary>
    public ImmutableArray<MatchedSection> Children { get; internal set; } = [];
}

/// <summary>A spec's section tree laid over a template's schema. Immutable.</summary>
public sealed class TemplateMatch
{
    private TemplateMatch(SpecDocument document, SpecTemplate template, ImmutableArray<MatchedSection> topLevel)
    {
        Document = document;
        Template = template;
        TopLevel = topLevel;
    }

    /// <summary>The spec.</summary>
    public SpecDocument Document { get; }

    /// <summary>The template it follows.</summary>
    public SpecTemplate Template { get; }

    /// <summary>The spec's top-level sections (its H2s), matched against the template's.</summary>
    public ImmutableArray<MatchedSection> TopLevel { get; }

    /// <summary>Lays <paramref name="document"/> over <paramref name="template"/>.</summary>
    public static TemplateMatch Create(SpecDocument document, SpecTemplate template) =>
        new(document, template, MatchChildren(DocumentSections.TopLevel(document, template.HasTitle), template.Root, null));

    /// <summary>Every matched section, pre-order.</summary>
    public IEnumerable<MatchedSection> All()
    {
        var stack = new Stack<MatchedSection>(TopLevel.Reverse());
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            for (int i = node.Children.Length - 1; i >= 0; i--)
            {
                stack.Push(node.Children[i]);
            }
        }
    }

    /// <summary>The matched node of <paramref name="section"/>, or null when it is not in the template's part of the tree.</summary>
    public MatchedSection? Find(Section section) => All().FirstOrDefault(m => ReferenceEquals(m.Section, section));

    /// <summary>The children of <paramref name="parent"/> (null: the top level).</summary>
    public ImmutableArray<MatchedSection> ChildrenOf(MatchedSection? parent) => parent?.Children ?? TopLevel;

    /// <summary>The template section <paramref name="parent"/> stands for (null: the template's root).</summary>
    public TemplateSection? TemplateOf(MatchedSection? parent) => parent is null ? Template.Root : parent.Template;

    /// <summary>The range that stands for <paramref name="parent"/>: its heading, or the document's H1 for the top level.</summary>
    public TextRange HeadingRangeOf(MatchedSection? parent) => parent?.Section.HeadingRange ?? DocumentSections.RootRange(Document);

    /// <summary>The level of the headings under <paramref name="parent"/> in this spec.</summary>
    public int ChildLevelOf(MatchedSection? parent)
    {
        if (parent is not null)
        {
            return Math.Min(6, parent.Section.Level + 1);
        }

        var top = TopLevel.FirstOrDefault();
        return top?.Section.Level ?? (Document.Title is { } title ? Math.Min(6, title.Level + 1) : 2);
    }

    /// <summary>The template sections under <paramref name="parent"/> that the spec does not have, in template order.</summary>
    public IEnumerable<TemplateSection> MissingChildren(MatchedSection? parent)
    {
        var template = TemplateOf(parent);
        if (template is null)
        {
            yield break;
        }

        var present = ChildrenOf(parent).Where(c => c.Template is not null).Select(c => c.Template!).ToHashSet();
        foreach (var child in template.Children)
        {
            if (!present.Contains(child))
            {
                yield return child;
            }
        }
    }

    /// <summary>
    /// The fraction of the document's top-level sections that <paramref name="template"/> knows (0 to 1), and
    /// how many of them it knows.
    /// </summary>
    public static (double Score, int Matched, int Total) Score(SpecDocument document, SpecTemplate template)
    {
        var score = ScoreSections(document, template);
        return (score.Score, score.Matched, score.Total);
    }

    /// <summary>
    /// How the document's top-level sections fit <paramref name="template"/>: how many it knows, how many of those
    /// by a fixed title rather than a catch-all placeholder (<c>## [Category]</c>), and which of those are not
    /// generic headings (<see cref="GenericSections"/>): the sections that are evidence.
    /// </summary>
    public static SectionScore ScoreSections(SpecDocument document, SpecTemplate template)
    {
        var topLevel = DocumentSections.TopLevel(document, template.HasTitle);
        if (topLevel.IsEmpty)
        {
            return new SectionScore(0, 0, 0, []);
        }

        int matched = 0;
        int known = 0;
        var distinctive = ImmutableArray.CreateBuilder<string>();
        var seen = new HashSet<TemplateSection>();
        foreach (var section in topLevel)
        {
            string key = SectionTitles.Normalize(section.Title);
            if (FindTemplateSection(key, SectionTitles.ParseNumbered(section.Title), template.Root, used: null) is not { } found)
            {
                continue;
            }

            matched++;
            if (found.Pattern is { MatchesAnything: true })
            {
                continue;
            }

            known++;
            if (!GenericSections.IsGeneric(found.Key) && !GenericSections.IsGeneric(key) && seen.Add(found))
            {
                distinctive.Add(found.Group is { } group ? group.Prefix.Trim() + "…" : found.DisplayTitle);
            }
        }

        return new SectionScore(matched, known, topLevel.Length, distinctive.ToImmutable());
    }

    private static ImmutableArray<MatchedSection> MatchChildren(ImmutableArray<Section> sections, TemplateSection? template, MatchedSection? parent)
    {
        var built = ImmutableArray.CreateBuilder<MatchedSection>(sections.Length);
        var used = new HashSet<TemplateSection>();
        foreach (var section in sections)
        {
            var numbered = SectionTitles.ParseNumbered(section.Title);
            var match = template is null ? null : FindTemplateSection(SectionTitles.Normalize(section.Title), numbered, template, used);
            bool duplicate = match is not null && !match.IsRepeatable && !used.Add(match);
            var node = new MatchedSection
            {
                Section = section,
                Template = match,
                MemberNumber = match?.IsRepeatable == true ? numbered?.Number : null,
                IsDuplicate = duplicate,
                Parent = parent,
            };
            node.Children = MatchChildren(section.Children, match, node);
            built.Add(node);
        }

        return built.MoveToImmutable();
    }

    private static TemplateSection? FindTemplateSection(string key, NumberedTitle? numbered, TemplateSection template, HashSet<TemplateSection>? used)
    {
        var children = template.Children;
        foreach (var child in children)
        {
            if (child.Group is null && string.Equals(child.Key, key, StringComparison.Ordinal))
            {
                return child;
            }
        }

        if (numbered is not null)
        {
            foreach (var child in children)
            {
                if (child.Group is not null && child.Matches(key, numbered))
                {
                    return child;
                }
            }
        }

        TemplateSection? wildcard = null;
        foreach (var child in children)
        {
            if (child.Pattern is { } pattern && (used is null || child.IsRepeatable || !used.Contains(child)) && pattern.IsMatch(key))
            {
                if (!pattern.MatchesAnything)
                {
                    return child;
                }

                wildcard ??= child;
            }
        }

        return wildcard;
    }
}

/// <summary>How a document's top-level sections fit a template (see <see cref="TemplateMatch.ScoreSections"/>).</summary>
/// <param name="Matched">Top-level sections the template knows.</param>
/// <param name="Known">Of those, the ones known by a fixed title, not a catch-all placeholder.</param>
/// <param name="Total">The document's top-level sections.</param>
/// <param name="Distinctive">The display titles of the known sections that are not generic headings, each once.</param>
public sealed record SectionScore(int Matched, int Known, int Total, ImmutableArray<string> Distinctive)
{
    /// <summary>The fraction of the document's top-level sections the template knows (0 to 1).</summary>
    public double Score => Total == 0 ? 0 : (double)Matched / Total;
}
