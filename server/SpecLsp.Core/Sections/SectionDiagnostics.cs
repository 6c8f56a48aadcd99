using System.Collections.Immutable;
using SpecLsp.Core.Analysis;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Model;
using SpecLsp.Core.Templates;

namespace SpecLsp.Core.Sections;

/// <summary>
/// The template diagnostics: <c>missing-section</c>, <c>section-order</c>, <c>duplicate-section</c> and
/// <c>empty-section</c>. Each carries in its <see cref="SpecDiagnostic.Data"/> the template's name and the
/// section's index path and title path, which is what its quick fix needs.
/// </summary>
public static class SectionDiagnostics
{
    /// <summary>Data key: the template's name.</summary>
    public const string TemplateKey = "template";

    /// <summary>Data key: the template section's index path (<see cref="TemplateSection.IndexPath"/>).</summary>
    public const string IndexPathKey = "indexPath";

    /// <summary>Data key: the template section's title path (<see cref="TemplateSection.Path"/>).</summary>
    public const string PathKey = "path";

    /// <summary>Data key (<c>missing-section</c> only): the heading line of the missing section's parent, empty for the top level.</summary>
    public const string ParentLineKey = "parentLine";

    /// <summary>The four template diagnostics of <paramref name="match"/>.</summary>
    public static ImmutableArray<SpecDiagnostic> Compute(TemplateMatch match, CancellationToken cancellationToken = default)
    {
        var diagnostics = ImmutableArray.CreateBuilder<SpecDiagnostic>();
        var titles = match.Document.AllSections.Select(s => SectionTitles.Normalize(s.Title)).ToHashSet(StringComparer.Ordinal);
        Visit(match, null, titles, diagnostics);
        foreach (var node in match.All())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (node.Template is not null && !node.IsDuplicate)
            {
                Visit(match, node, titles, diagnostics);
            }
        }

        return diagnostics.ToImmutable();
    }

    private static void Visit(TemplateMatch match, MatchedSection? parent, HashSet<string> titles, ImmutableArray<SpecDiagnostic>.Builder diagnostics)
    {
        var children = match.ChildrenOf(parent);
        string templateName = match.Template.Name;
        foreach (var missing in match.MissingChildren(parent))
        {
            // A required section written somewhere else (another parent, another level) is misplaced, not
            // missing: saying it is missing would be wrong, so say nothing.
            if (!missing.IsRequired || (missing.Pattern is null && missing.Group is null && titles.Contains(missing.Key)))
            {
                continue;
            }

            string where = parent is null ? string.Empty : $" under '{parent.Section.Title}'";
            diagnostics.Add(new SpecDiagnostic(
                match.HeadingRangeOf(parent),
                DiagnosticSeverity.Warning,
                DiagnosticCodes.MissingSection,
                $"Missing section '{missing.DisplayTitle}'{where} (template '{templateName}').")
            {
                Data = DataOf(templateName, missing).Add(ParentLineKey, parent is null ? string.Empty : parent.Section.HeadingRange.Start.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            });
        }

        var known = match.Template.IsOrdered ? children.Where(c => c.Template is not null && !c.IsDuplicate).ToList() : [];
        var inOrder = LongestOrderedRun(known);
        for (int i = 0; i < known.Count; i++)
        {
            if (inOrder.Contains(i))
            {
                continue;
            }

            var node = known[i];
            int index = node.Template!.Index;
            var after = known.Where((k, j) => inOrder.Contains(j) && k.Template!.Index <= index).LastOrDefault();
            var before = known.Where((k, j) => inOrder.Contains(j) && k.Template!.Index > index).FirstOrDefault();
            string where = after is not null ? $"after '{after.Section.Title}'" : $"before '{before?.Section.Title}'";
            diagnostics.Add(new SpecDiagnostic(
                node.Section.HeadingRange,
                DiagnosticSeverity.Information,
                DiagnosticCodes.SectionOrder,
                $"Section '{node.Section.Title}' is out of template order: it belongs {where}.")
            {
                Data = DataOf(templateName, node.Template),
            });
        }

        for (int i = 0; i < children.Length; i++)
        {
            var child = children[i];

            // In a free-order format a repeat is reported only right after its twin (a template block pasted twice);
            // a heading used again further on is the author's structure (a closing '## Summary', a quoted '> ## Prior art').
            if (child.IsDuplicate && (match.Template.IsOrdered || (i > 0 && ReferenceEquals(children[i - 1].Template, child.Template))))
            {
                var first = children.First(c => ReferenceEquals(c.Template, child.Template) && !c.IsDuplicate);
                diagnostics.Add(new SpecDiagnostic(
                    child.Section.HeadingRange,
                    DiagnosticSeverity.Warning,
                    DiagnosticCodes.DuplicateSection,
                    $"Section '{child.Section.Title}' appears more than once here; the template has it once.")
                {
                    Data = DataOf(templateName, child.Template!),
                    Related = [new RelatedLocation(null, first.Section.HeadingRange, "First occurrence")],
                });
            }

            // In a format authors arrange freely (order: free), an optional section may be left out altogether, so its
            // heading left with nothing under it is no problem (real KEPs keep "## Drawbacks" empty by the hundred).
            if (child.Template is { } section && (section.IsRequired || match.Template.IsOrdered) && child.Section.Children.IsEmpty && DocumentSections.IsBlank(match.Document, child.Section.BodyRange)
                && !HoldsTemplatePrompt(match, child.Section))
            {
                diagnostics.Add(new SpecDiagnostic(
                    child.Section.HeadingRange,
                    DiagnosticSeverity.Information,
                    DiagnosticCodes.EmptySection,
                    $"Section '{child.Section.Title}' is empty.")
                {
                    Data = DataOf(templateName, child.Template),
                });
            }
        }
    }

    // A section holding only one of its template's prompt comments is reported once, as template-prompt,
    // whose quick fix removes the prompt; two diagnostics for one gap would only be noise.
    private static bool HoldsTemplatePrompt(TemplateMatch match, Section section)
    {
        foreach (var comment in match.Document.HtmlComments)
        {
            if (section.BodyRange.Contains(comment.Range) && comment.Content.Length > 0
                && match.Template.Body.Contains(comment.Content, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static ImmutableDictionary<string, string> DataOf(string templateName, TemplateSection section) =>
        ImmutableDictionary<string, string>.Empty
            .Add(TemplateKey, templateName)
            .Add(IndexPathKey, section.IndexPath)
            .Add(PathKey, section.Path);

    /// <summary>The positions in <paramref name="known"/> of a longest run whose template indices never decrease.</summary>
    internal static HashSet<int> LongestOrderedRun(IReadOnlyList<MatchedSection> known)
    {
        // Patience sorting: tails[k] is the position ending the best run of length k + 1.
        var tails = new List<int>();
        var previous = new int[known.Count];
        for (int i = 0; i < known.Count; i++)
        {
            int value = known[i].Template!.Index;
            int lo = 0;
            int hi = tails.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) / 2;
                if (known[tails[mid]].Template!.Index <= value)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            previous[i] = lo > 0 ? tails[lo - 1] : -1;
            if (lo == tails.Count)
            {
                tails.Add(i);
            }
            else
            {
                tails[lo] = i;
            }
        }

        var result = new HashSet<int>();
        for (int at = tails.Count > 0 ? tails[^1] : -1; at >= 0; at = previous[at])
        {
            result.Add(at);
        }

        return result;
    }
}

/// <summary>Runs <see cref="SectionDiagnostics"/> for documents that follow a template (in the context's environment).</summary>
public sealed class SectionAnalyzer : IDocumentAnalyzer
{
    /// <inheritdoc />
    public IEnumerable<SpecDiagnostic> Analyze(AnalysisContext context, CancellationToken cancellationToken) =>
        context.Snapshot.Match(context.Environment) is { } match ? SectionDiagnostics.Compute(match, cancellationToken) : [];
}
