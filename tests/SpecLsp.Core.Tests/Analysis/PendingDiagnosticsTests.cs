using System.Globalization;
using System.Text;
using SpecLsp.Core.Analysis;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Tests.TestSupport;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.Tests.Analysis;

/// <summary>
/// <see cref="SpecLanguageService.DiagnoseLater"/>, which <c>speclsp check</c> uses to parse each spec once: analyzed
/// against an empty index while the workspace is being indexed, completed against the whole index, it must give
/// exactly what <see cref="SpecLanguageService.Diagnose"/> gives with the whole index.
/// </summary>
public sealed class PendingDiagnosticsTests
{
    private static readonly SpecLanguageService Service = new(new FixedTemplateEnvironmentSource(TemplateEnvironment.Default), new FixedClock(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)));

    // Cross-file links with good, misspelt and explicit anchors, a missing file, SPEC- IDs defined twice and nowhere,
    // and a feature folder whose plan defines an ID its spec mentions (and one that nobody defines).
    internal static readonly (string Path, string Text)[] Files =
    [
        ("/ws/specs/export.md", """
            # Feature Specification: Export

            **Spec ID:** SPEC-2026-01-05-001
            **Status:** Draft

            ## Overview

            See [search](search.md#overview), [search again](search.md#overveiw), [the anchor](search.md#custom-id),
            [a typo](search.md#Overview), [missing](missing.md#overview), [here](#overveiw) and [itself](export.md#nope).
            Builds on SPEC-2026-01-05-002 and SPEC-2026-09-09-999.

            ## Requirements

            #### FR1: Export rows
            Depends on FR2.
            """),
        ("/ws/specs/search.md", """
            # Feature Specification: Search

            **Spec ID:** SPEC-2026-01-05-001

            ## Overview

            <a id="custom-id"></a>
            Mentions SPEC-2026-01-05-001 and [export](export.md#requirements) and [nowhere](export.md#nowhere).
            """),
        ("/ws/features/001-audit/spec.md", """
            # Feature Specification: Audit

            **Spec ID:** SPEC-2026-01-05-002

            ## Requirements

            - **FR-001**: Keep an audit trail
            - Covered by T002 and T999; see FR-002 and FR-009.
            """),
        ("/ws/features/001-audit/plan.md", """
            # Implementation Plan: Audit

            ## Requirements

            - **FR-002**: Store every change
            - [ ] T002 Write the log
            """),
    ];

    [Fact]
    public void DiagnoseLater_CompletedWithTheWholeIndex_EqualsDiagnoseWithIt()
    {
        var disk = new InMemoryWorkspace("/ws");
        foreach (var (path, text) in Files)
        {
            disk.Add(path, text.ReplaceLineEndings("\n"));
        }

        // As check keeps it: only what other files' diagnostics read.
        var whole = WorkspaceIndex.Create(disk).WithDiskFiles(WorkspaceIndexer.IndexAll(disk, parallelism: 1).Files.Select(f => f.ForCrossFileChecks())).AsComplete();
        var empty = WorkspaceIndex.Create(disk);
        var all = new StringBuilder();
        foreach (var (path, _) in Files)
        {
            var text = SourceText.From(disk.ReadFile(path).Text!);
            var direct = Service.Diagnose(Service.CreateContext(new SpecSnapshot(SpecParser.Parse(text), WorkspacePaths.ToFileUri(path)), whole));
            var pending = Service.DiagnoseLater(Service.CreateContext(new SpecSnapshot(SpecParser.Parse(text), WorkspacePaths.ToFileUri(path)), empty));

            Assert.Equal(Dump(direct), Dump(pending.Complete(whole)));
            all.Append(Dump(direct));
        }

        // The cross-file answers are there to be compared: each question kind was asked and answered both ways.
        string dump = all.ToString();
        Assert.Contains("broken-anchor No heading or anchor '#overveiw' in 'search.md'. Did you mean '#overview'?", dump, StringComparison.Ordinal);
        Assert.Contains("broken-anchor No heading or anchor '#nowhere' in 'export.md'.", dump, StringComparison.Ordinal);
        Assert.Contains("broken-link File 'missing.md' does not exist.", dump, StringComparison.Ordinal);
        Assert.Contains("broken-anchor No heading or anchor '#overveiw' in this document.", dump, StringComparison.Ordinal);
        Assert.Contains("broken-anchor No heading or anchor '#nope' in 'export.md'.", dump, StringComparison.Ordinal);
        Assert.Contains("duplicate-id SPEC-2026-01-05-001 is also defined in search.md", dump, StringComparison.Ordinal);
        Assert.Contains("undefined-id No spec in the workspace defines SPEC-2026-09-09-999.", dump, StringComparison.Ordinal);
        Assert.DoesNotContain("SPEC-2026-01-05-002.", dump, StringComparison.Ordinal);
        Assert.Contains("undefined-id FR-009 is not defined in this spec.", dump, StringComparison.Ordinal);
        Assert.DoesNotContain("FR-002 is not defined", dump, StringComparison.Ordinal);
        Assert.DoesNotContain("'#custom-id'", dump, StringComparison.Ordinal);
        Assert.DoesNotContain("'#Overview'", dump, StringComparison.Ordinal);
    }

    [Fact]
    public void DiagnoseLater_CompletedWithAnIncompleteIndex_LeavesSpecIdsUndecided()
    {
        var disk = new InMemoryWorkspace("/ws").Add("/ws/a.md", "# A\n\n**Spec ID:** SPEC-2026-01-05-001\n\nSee SPEC-2026-09-09-999.\n");
        var context = Service.CreateContext(new SpecSnapshot(SpecParser.Parse(SourceText.From(disk.ReadFile("/ws/a.md").Text!)), "file:///ws/a.md"), WorkspaceIndex.Create(disk));

        var pending = Service.DiagnoseLater(context);

        Assert.DoesNotContain(pending.Complete(WorkspaceIndex.Create(disk)), d => d.Code == DiagnosticCodes.UndefinedId);
        Assert.Contains(pending.Complete(WorkspaceIndexer.IndexAll(disk)), d => d.Code == DiagnosticCodes.UndefinedId);
    }

    internal static string Dump(IEnumerable<SpecDiagnostic> diagnostics)
    {
        var b = new StringBuilder();
        foreach (var d in diagnostics)
        {
            b.Append(CultureInfo.InvariantCulture, $"{d.Range} {d.Severity} {d.Code} {d.Message}");
            foreach (var (key, value) in d.Data.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                b.Append(CultureInfo.InvariantCulture, $" [{key}={value}]");
            }

            foreach (var related in d.Related)
            {
                b.Append(CultureInfo.InvariantCulture, $" (related {related.DocumentPath} {related.Range} {related.Message})");
            }

            b.Append('\n');
        }

        return b.ToString();
    }

    internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
