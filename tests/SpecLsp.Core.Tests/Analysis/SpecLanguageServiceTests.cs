using SpecLsp.Core.Analysis;
using SpecLsp.Core.CodeActions;
using SpecLsp.Core.Completion;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Tests.TestSupport;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Analysis;

public sealed class SpecLanguageServiceTests
{
    private static readonly SpecLanguageService Service = new(new FixedTemplateEnvironmentSource(TemplateEnvironment.Default), new FixedClock(new DateTimeOffset(2031, 2, 3, 12, 0, 0, TimeSpan.Zero)));

    private static AnalysisContext Context(string text) =>
        Service.CreateContext(new SpecSnapshot(SpecParser.Parse(SourceText.From(text)), "file:///ws/csv.md"));

    private static string LightweightWithout(string section) =>
        NewSpecRenderer.Render(TemplateCatalog.BuiltIn.Find("lightweight")!, "CSV", new DateOnly(2026, 1, 5))
            .Replace(section, string.Empty, StringComparison.Ordinal);

    [Fact]
    public void Today_ComesFromTheClockGiven()
    {
        Assert.Equal(new DateOnly(2031, 2, 3), Service.Today);
        Assert.Equal(new DateOnly(2031, 2, 3), Context("# T\n").Today);
    }

    [Fact]
    public void Diagnose_SpecMissingASection_ReportsItThroughTheSectionsFeature()
    {
        var diagnostics = Service.Diagnose(Context(LightweightWithout("## Open Questions\n<!-- Unresolved questions that need answers -->\n")));

        var missing = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.MissingSection);
        Assert.Equal("Missing section 'Open Questions' (template 'lightweight').", missing.Message);
    }

    [Fact]
    public void CodeActions_OnMissingSection_OfferTheSectionFix()
    {
        var context = Context(LightweightWithout("## Open Questions\n<!-- Unresolved questions that need answers -->\n"));
        var missing = Service.Diagnose(context).Single(d => d.Code == DiagnosticCodes.MissingSection);

        var actions = Service.CodeActions(context, new CodeActionRequest(missing.Range, [missing]));

        Assert.Contains(actions, a => a.Title == "Insert section 'Open Questions'");
    }

    [Fact]
    public void Complete_HeadingSpaceVersusMetadataTrigger_SectionsOnlyForTheHeading()
    {
        var marked = MarkedText.Parse(LightweightWithout("## Open Questions\n<!-- Unresolved questions that need answers -->\n") + "\n##$$\n");
        var context = Context(marked.Text);

        var onHeading = Service.Complete(context, new CompletionRequest(marked.CaretPosition, " "));
        var onStar = Service.Complete(context, new CompletionRequest(marked.CaretPosition, "*"));

        Assert.Contains(onHeading, i => i.Kind == SpecCompletionKind.Section && i.Label == "Open Questions");
        Assert.DoesNotContain(onStar, i => i.Kind == SpecCompletionKind.Section);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
