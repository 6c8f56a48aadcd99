using System.Text;
using SpecLsp.Core.Analysis;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Metadata;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Placeholders;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Tests.TestSupport;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Placeholders;

/// <summary>Runs the placeholder and metadata analyzers over fixture text and renders what they report.</summary>
internal static class PlaceholderTestSupport
{
    public static readonly DateOnly Today = new(2026, 11, 21);

    private static readonly Dictionary<string, string> s_templateFiles = new(StringComparer.Ordinal)
    {
        ["detailed"] = "Templates/bold-metadata.md",
        ["product"] = "Templates/blockquote-metadata.md",
        ["proposal"] = "Templates/list-metadata.md",
        ["lightweight"] = "Templates/html-comment-prompts.md",
        ["package"] = "Templates/emoji-status.md",
    };

    public static IReadOnlyCollection<string> TemplateNames => s_templateFiles.Keys;

    public static string TemplateText(string name) => Fixtures.Read(s_templateFiles[name]);

    /// <summary>The built-in template <paramref name="name"/>, as the server gives it to the analyzers.</summary>
    public static TemplateFacts Template(string name)
    {
        var template = TemplateCatalog.BuiltIn.Find(name) ?? throw new ArgumentException($"No built-in template {name}.", nameof(name));
        return TemplateFacts.For(template.Name, template.Body);
    }

    public static AnalysisContext Context(string text) =>
        new() { Document = SpecParser.Parse(SourceText.From(text)), Today = Today };

    public static IReadOnlyList<SpecDiagnostic> Analyze(string text, TemplateFacts? template = null, params string[] codes)
    {
        var context = Context(text);
        // Without a template the placeholder rules run as on a spec (no template source), which is what these tests probe.
        var engine = new DiagnosticEngine([new PlaceholderAnalyzer(template is null ? null : _ => template), new MetadataAnalyzer(_ => template)]);
        var all = engine.Analyze(context);
        return codes.Length == 0 ? all : [.. all.Where(d => codes.Contains(d.Code))];
    }

    /// <summary>The clean text with <c>[|…|]</c> around each range, so a failure shows where the markers differ.</summary>
    public static string Mark(string text, IEnumerable<TextRange> ranges)
    {
        var source = SourceText.From(text);
        var inserts = new List<(int Offset, int Order, string Marker)>();
        foreach (var range in ranges)
        {
            inserts.Add((source.GetOffset(range.Start), 1, "[|"));
            inserts.Add((source.GetOffset(range.End), 0, "|]"));
        }

        var sb = new StringBuilder(text);
        foreach (var (offset, _, marker) in inserts.OrderByDescending(i => i.Offset).ThenBy(i => i.Order))
        {
            sb.Insert(offset, marker);
        }

        return sb.ToString();
    }

    /// <summary>Asserts that the diagnostics of <paramref name="codes"/> are exactly at the fixture's marked ranges.</summary>
    public static void AssertMarked(string marked, TemplateFacts? template, params string[] codes)
    {
        var fixture = MarkedText.Parse(marked);
        var diagnostics = Analyze(fixture.Text, template, codes);
        Assert.Equal(Mark(fixture.Text, fixture.Ranges), Mark(fixture.Text, diagnostics.Select(d => d.Range)));
    }

    /// <summary>One line per diagnostic: position, severity, code, the text it covers and the message.</summary>
    public static string Dump(string text, IEnumerable<SpecDiagnostic> diagnostics)
    {
        var source = SourceText.From(text);
        var sb = new StringBuilder();
        foreach (var d in diagnostics)
        {
            var covered = source.GetText(d.Range).ReplaceLineEndings("⏎");
            if (covered.Length > 60)
            {
                covered = covered[..57] + "...";
            }

            sb.Append($"{d.Range.Start.Line + 1}:{d.Range.Start.Character + 1} {d.Severity} {d.Code} «{covered}» {d.Message}");
            sb.Append(d.IsUnnecessary ? " [unnecessary]\n" : "\n");
        }

        return sb.ToString();
    }
}
