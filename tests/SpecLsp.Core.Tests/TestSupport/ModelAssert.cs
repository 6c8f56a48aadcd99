using SpecLsp.Core.Model;

namespace SpecLsp.Core.Tests.TestSupport;

/// <summary>Compares two models node by node, every field, and names the first difference.</summary>
internal static class ModelAssert
{
    /// <summary>The properties <see cref="Equal"/> compares: a property added to the model must be added here (and to the reparse).</summary>
    public static readonly string[] Compared =
    [
        nameof(SpecDocument.Source), nameof(SpecDocument.FrontMatter), nameof(SpecDocument.Title), nameof(SpecDocument.Sections),
        nameof(SpecDocument.AllSections), nameof(SpecDocument.Metadata), nameof(SpecDocument.IdDefinitions), nameof(SpecDocument.IdMentions),
        nameof(SpecDocument.Links), nameof(SpecDocument.ReferenceDefinitions), nameof(SpecDocument.TaskItems), nameof(SpecDocument.CodeBlocks),
        nameof(SpecDocument.CodeSpans), nameof(SpecDocument.HtmlComments), nameof(SpecDocument.ExplicitAnchors), nameof(SpecDocument.Blocks), nameof(SpecDocument.ListItems), nameof(SpecDocument.TableRows), nameof(SpecDocument.BoldLabels),
        nameof(SpecDocument.ParseDiagnostics), nameof(SpecDocument.DestinationScanCost), nameof(SpecDocument.IdPrefixes),
    ];

    public static void Equal(SpecDocument expected, SpecDocument actual, string context = "")
    {
        Assert.Equal(expected.Source.Text, actual.Source.Text);
        Same("front matter", Describe(expected.FrontMatter), Describe(actual.FrontMatter), context);
        Same("title", expected.Title is null ? null : Describe(expected.Title), actual.Title is null ? null : Describe(actual.Title), context);
        Sequence("sections", expected.AllSections.Select(Describe), actual.AllSections.Select(Describe), context);
        Sequence("top-level sections", expected.Sections.Select(Describe), actual.Sections.Select(Describe), context);
        Sequence("metadata", expected.Metadata, actual.Metadata, context);
        Sequence("ID definitions", expected.IdDefinitions, actual.IdDefinitions, context);
        Sequence("ID mentions", expected.IdMentions, actual.IdMentions, context);
        Sequence("links", expected.Links, actual.Links, context);
        Sequence("reference definitions", expected.ReferenceDefinitions, actual.ReferenceDefinitions, context);
        Sequence("task items", expected.TaskItems, actual.TaskItems, context);
        Sequence("code blocks", expected.CodeBlocks, actual.CodeBlocks, context);
        Sequence("code spans", expected.CodeSpans, actual.CodeSpans, context);
        Sequence("HTML comments", expected.HtmlComments, actual.HtmlComments, context);
        Sequence("explicit anchors", expected.ExplicitAnchors, actual.ExplicitAnchors, context);
        Sequence("blocks", expected.Blocks, actual.Blocks, context);
        Sequence("list items", expected.ListItems, actual.ListItems, context);
        Sequence("bold labels", expected.BoldLabels, actual.BoldLabels, context);
        Sequence("table rows", expected.TableRows.Select(Describe), actual.TableRows.Select(Describe), context);
        Sequence("parse diagnostics", expected.ParseDiagnostics, actual.ParseDiagnostics, context);
        Same("destination scan cost", expected.DestinationScanCost, actual.DestinationScanCost, context);
        Sequence("ID prefixes", expected.IdPrefixes.Order(StringComparer.Ordinal), actual.IdPrefixes.Order(StringComparer.Ordinal), context);
    }

    private static void Sequence<T>(string what, IEnumerable<T> expected, IEnumerable<T> actual, string context)
    {
        var e = expected.ToList();
        var a = actual.ToList();
        for (int i = 0; i < Math.Min(e.Count, a.Count); i++)
        {
            Assert.True(Equals(e[i], a[i]), $"{context}: {what}[{i}] differs:\n  expected {e[i]}\n  actual   {a[i]}");
        }

        Assert.True(e.Count == a.Count, $"{context}: {e.Count} {what} expected, {a.Count} found");
    }

    private static void Same<T>(string what, T expected, T actual, string context) =>
        Assert.True(Equals(expected, actual), $"{context}: {what} differs:\n  expected {expected}\n  actual   {actual}");

    private static string Describe(TableRowNode r) => $"{r.Range} header={r.IsHeader} table={r.TableRange} cells=[{string.Join(", ", r.Cells)}]";

    // Sections are classes (children by reference) and front matter holds a dictionary: compared through their text.
    private static string Describe(Section s) =>
        $"{s.Level} '{s.Title}' '{s.RawTitle}' {s.HeadingRange} {s.TitleRange} {s.Range} {s.BodyRange} setext={s.IsSetext} #{s.Anchor} ({s.Slug}) "
        + $"children=[{string.Join(", ", s.Children.Select(c => c.HeadingRange.Start))}]";

    private static string? Describe(FrontMatter? f) =>
        f is null ? null : $"{f.Range} valid={f.IsValid} {string.Join("; ", f.Values.Select(kv => kv.Key + "=" + kv.Value))}";
}
