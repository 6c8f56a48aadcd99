using SpecLsp.Core.References;

namespace SpecLsp.Core.Tests.References;

public class ReferenceCompletionTests
{
    private static readonly DateOnly Today = new(2026, 1, 5);

    private static string Complete(MarkedWorkspace ws) =>
        string.Join("\n", ReferenceCompletion.Compute(ws.View(), ws.Caret, Today).OrderBy(e => e.SortText, StringComparer.Ordinal).Select(e => $"{e.Kind} {e.Label} | {e.Detail}"));

    [Fact]
    public void Complete_AfterLinkOpen_OffersRelativeMarkdownPaths()
    {
        var ws = MarkedWorkspace.Create(
            ("specs/a.md", "# A\n\nSee [x]([|$$|]\n"),
            ("specs/b.md", "# Bee\n"),
            ("docs/c.md", "# Sea\n"),
            ("docs/pic.png.txt", "x"));

        Assert.Equal("File b.md | Bee\nFile ../docs/c.md | Sea", Complete(ws));
        Assert.All(ReferenceCompletion.Compute(ws.View(), ws.Caret, Today), e => Assert.Equal(ws.Files[ws.CaretPath].Range, e.ReplaceRange));
    }

    [Fact]
    public void Complete_AfterHash_OffersTheTargetFilesAnchors()
    {
        var ws = MarkedWorkspace.Create(
            ("a.md", "# A\n\nSee [x](b.md#[|ov$$|]\n"),
            ("b.md", "# Bee\n\n## Overview\n\n## Overview\n\n<a id=\"custom\"></a>\n"));

        Assert.Equal("Anchor bee | Bee\nAnchor overview | Overview\nAnchor overview-1 | Overview\nAnchor custom | ", Complete(ws));
        Assert.All(ReferenceCompletion.Compute(ws.View(), ws.Caret, Today), e => Assert.Equal(ws.Files[ws.CaretPath].Range, e.ReplaceRange));
    }

    [Fact]
    public void Complete_AfterHashAlone_OffersThisDocumentsAnchors()
    {
        var ws = MarkedWorkspace.Create(("a.md", "# A\n\n## Scope\n\n[x](#$$\n"));

        Assert.Equal("Anchor a | A\nAnchor scope | Scope", Complete(ws));
    }

    [Fact]
    public void Complete_InReferenceLabel_OffersDefinedLabels()
    {
        var ws = MarkedWorkspace.Create(("a.md", "# A\n\nSee [the guide][$$\n\n[guide]: https://example.com\n[Spec]: b.md\n"));

        Assert.Equal("ReferenceLabel Spec | b.md\nReferenceLabel guide | https://example.com", Complete(ws));
    }

    [Fact]
    public void Complete_OnLocalIdPrefix_OffersDefinedIdsAndTheNextFreeNumber()
    {
        var ws = MarkedWorkspace.Create(("a.md", "# A\n\n#### FR-001: One\n\n#### FR-002: Two\n\n#### US-1: Story\n\nSee FR$$\n"));

        Assert.Equal("Id FR-001 | One\nId FR-002 | Two\nNewId FR-003 | next free FR number", Complete(ws));
    }

    [Theory]
    [InlineData("#### FR$$")]
    [InlineData("- **FR-$$")]
    [InlineData("- [ ] FR$$")]
    [InlineData("1. **FR$$")]
    [InlineData("| FR$$")]
    [InlineData("FR-$$")]
    public void Complete_WhereAnIdIsDefined_OffersTheNextFreeNumberFirst(string line)
    {
        var ws = MarkedWorkspace.Create(("a.md", $"# A\n\n#### FR-001: One\n\n#### FR-002: Two\n\n{line}\n"));

        Assert.Equal("NewId FR-003 | next free FR number\nId FR-001 | One\nId FR-002 | Two", Complete(ws));
    }

    [Theory]
    [InlineData("Builds on FR-$$")]
    [InlineData("- Depends on FR$$")]
    [InlineData("| US-1 | covers FR$$")]
    [InlineData("**Related:** FR$$")]
    public void Complete_InAMention_OffersTheDefinedIdsFirst(string line)
    {
        var ws = MarkedWorkspace.Create(("a.md", $"# A\n\n#### FR-001: One\n\n#### FR-002: Two\n\n{line}\n"));

        Assert.Equal("Id FR-001 | One\nId FR-002 | Two\nNewId FR-003 | next free FR number", Complete(ws));
    }

    [Fact]
    public void Complete_OnSpecPrefix_OffersWorkspaceSpecIdsAndTodaysNextOne()
    {
        var ws = MarkedWorkspace.Create(
            ("a.md", "# A\n\nDepends on SPEC-$$\n"),
            ("b.md", "# Bee\n\n**Spec ID:** SPEC-2026-01-05-001\n"),
            ("c.md", "# Sea\n\n**Spec ID:** SPEC-2025-12-01-007\n"));

        Assert.Equal("Id SPEC-2025-12-01-007 | Sea\nId SPEC-2026-01-05-001 | Bee\nNewId SPEC-2026-01-05-002 | next free spec ID", Complete(ws));
    }

    [Theory]
    [InlineData("**Spec ID:** SPEC-$$")]
    [InlineData("- **Spec ID**: SPEC-$$")]
    [InlineData("id: SPEC-$$")]
    public void Complete_SpecIdValue_OffersTodaysNextOneFirst(string line)
    {
        var ws = MarkedWorkspace.Create(
            ("a.md", $"# A\n\n{line}\n"),
            ("b.md", "# Bee\n\n**Spec ID:** SPEC-2026-01-05-001\n"));

        Assert.Equal("NewId SPEC-2026-01-05-002 | next free spec ID\nId SPEC-2026-01-05-001 | Bee", Complete(ws));
    }

    [Fact]
    public void Complete_InPlainProseOrCode_OffersNothing()
    {
        Assert.Equal(string.Empty, Complete(MarkedWorkspace.Create(("a.md", "# A\n\nJust wor$$ds.\n"))));
        Assert.Equal(string.Empty, Complete(MarkedWorkspace.Create(("a.md", "# A\n\n#### FR1: x\n\n```\nFR$$\n```\n"))));
    }
}
