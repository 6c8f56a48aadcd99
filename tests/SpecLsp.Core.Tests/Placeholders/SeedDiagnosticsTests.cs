using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Tests.TestSupport;
using static SpecLsp.Core.Tests.Placeholders.PlaceholderTestSupport;

namespace SpecLsp.Core.Tests.Placeholders;

/// <summary>
/// The five templates, unfilled, analysed as if a spec had been copied from each: every diagnostic is compared with
/// an expected dump that was reviewed line by line (Fixtures/Placeholders/*.expected.txt).
/// </summary>
public class SeedDiagnosticsTests
{
    private static readonly string[] s_codes =
        [DiagnosticCodes.UnfilledPlaceholder, DiagnosticCodes.TemplateText, DiagnosticCodes.TemplatePrompt, DiagnosticCodes.InvalidMetadata];

    public static TheoryData<string> Templates => [.. TemplateNames];

    [Theory]
    [MemberData(nameof(Templates))]
    public void UnfilledTemplate_DiagnosticsMatchReviewedDump(string name)
    {
        var text = TemplateText(name);
        var diagnostics = Analyze(text, Template(name), s_codes);
        Fixtures.AssertMatchesExpected($"Placeholders/{name}.expected.txt", Dump(text, diagnostics));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void UnfilledTemplate_WithoutTemplateKnowledge_ReportsOnlyPlaceholders(string name)
    {
        var text = TemplateText(name);
        var diagnostics = Analyze(text, null, s_codes);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticCodes.UnfilledPlaceholder, d.Code));
        Assert.NotEmpty(diagnostics);
    }

    public static TheoryData<string, string?> Examples => new()
    {
        { "audit-log.md", "proposal" },
        { "csv-export.md", "detailed" },
        { "notifications.md", "product" },
        { "retry-policy.md", "package" },
        { "search-index.md", "lightweight" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_DiagnosticsMatchReviewedDump(string file, string? template)
    {
        // The repository's own examples, so a change to them meets this reviewed dump.
        var text = File.ReadAllText(Path.Combine(Fixtures.SourceDirectory(), "..", "..", "examples", file));
        var diagnostics = Analyze(text, template is null ? null : Template(template), s_codes);
        Fixtures.AssertMatchesExpected($"Placeholders/Examples/{Path.GetFileNameWithoutExtension(file)}.expected.txt", Dump(text, diagnostics));
    }
}
