using SpecLsp.Core.Analysis;
using SpecLsp.Core.Cache;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Tests.Analysis;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.Tests.Cache;

/// <summary>
/// <c>speclsp check</c>'s cache file: what is read back completes to the diagnostics the analysis it was written from
/// gives, against any workspace; and bytes that are not exactly what was written read as no cache at all.
/// </summary>
public sealed class CheckCacheCodecTests : IDisposable
{
    private const string Key = "test configuration\n/ws";
    private readonly string _folder = Directory.CreateTempSubdirectory("speclsp-checkcache-").FullName;

    private static readonly SpecLanguageService Service = new(
        new FixedTemplateEnvironmentSource(TemplateEnvironment.Default), new PendingDiagnosticsTests.FixedClock(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)));

    private string File => Path.Combine(_folder, "check.bin");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Read_WhatWriteWrote_CompletesToTheSameDiagnosticsAndChoice()
    {
        var (disk, entries) = Analyse();
        var whole = WholeIndex(disk);

        CheckCacheCodec.Write(File, Key, entries);
        var contents = CheckCacheCodec.Read(File, Key, TemplateCatalog.BuiltIn, disk.Roots);

        Assert.NotNull(contents);
        Assert.Equal(entries.Count, contents.Count);
        foreach (var entry in entries)
        {
            var read = contents.Find(entry.Path, entry.Hash);
            Assert.NotNull(read);
            Assert.Equal(PendingDiagnosticsTests.Dump(entry.Analysis!.Complete(whole)), PendingDiagnosticsTests.Dump(read.Analysis!.Complete(whole)));
            Assert.Equal(entry.Choice!.Describe(), read.Choice!.Describe());
            Assert.Same(entry.Choice.Template, read.Choice.Template);
            Assert.Equal(Dump(entry.CrossFileEntry), Dump(read.CrossFileEntry));
            Assert.Null(contents.Find(entry.Path, entry.Hash + 1));
        }

        // Written again from what was read (unchanged files' bytes are copied, not encoded again), it reads the same.
        string second = Path.Combine(_folder, "again.bin");
        CheckCacheCodec.Write(second, Key, entries.Select(e => contents.Find(e.Path, e.Hash)!));
        var again = CheckCacheCodec.Read(second, Key, TemplateCatalog.BuiltIn, disk.Roots);
        Assert.NotNull(again);
        Assert.All(entries, e => Assert.Equal(
            PendingDiagnosticsTests.Dump(e.Analysis!.Complete(whole)), PendingDiagnosticsTests.Dump(again.Find(e.Path, e.Hash)!.Analysis!.Complete(whole))));

        // The index made of the read entries answers every question as the fresh one does.
        var fromCache = WorkspaceIndex.Create(disk).WithDiskFiles(entries.Select(e => contents.Find(e.Path, e.Hash)!.CrossFileEntry)).AsComplete();
        Assert.All(entries, e => Assert.Equal(PendingDiagnosticsTests.Dump(e.Analysis!.Complete(whole)), PendingDiagnosticsTests.Dump(e.Analysis.Complete(fromCache))));
    }

    [Fact]
    public void Complete_ALinkedFileAppearsAfterTheAnalysis_AnswersFromTheWorkspaceOfNow()
    {
        var (disk, entries) = Analyse();
        var export = entries.Single(e => e.Path == "/ws/specs/export.md");
        CheckCacheCodec.Write(File, Key, entries);
        var read = CheckCacheCodec.Read(File, Key, TemplateCatalog.BuiltIn, disk.Roots)!.Find(export.Path, export.Hash)!;
        Assert.Contains("File 'missing.md' does not exist.", PendingDiagnosticsTests.Dump(read.Analysis!.Complete(WholeIndex(disk))), StringComparison.Ordinal);

        disk.Add("/ws/specs/missing.md", "# Missing\n\n## Overview\n");

        string now = PendingDiagnosticsTests.Dump(read.Analysis.Complete(WholeIndex(disk)));
        Assert.DoesNotContain("missing.md", now, StringComparison.Ordinal);
        Assert.Equal(PendingDiagnosticsTests.Dump(Service.Diagnose(Service.CreateContext(Snapshot(disk, export.Path), WholeIndex(disk)))), PendingDiagnosticsTests.Dump(DiagnosticsOf(read, disk)));
    }

    [Fact]
    public void Read_AnyByteChangedOrCutShort_IsNoCache()
    {
        var (disk, entries) = Analyse();
        CheckCacheCodec.Write(File, Key, entries.Take(2));
        byte[] good = System.IO.File.ReadAllBytes(File);
        Assert.NotNull(CheckCacheCodec.Read(File, Key, TemplateCatalog.BuiltIn, disk.Roots));
        Assert.Null(CheckCacheCodec.Read(File, Key + " changed", TemplateCatalog.BuiltIn, disk.Roots));

        for (int i = 0; i < good.Length; i++)
        {
            byte[] changed = (byte[])good.Clone();
            changed[i] ^= 0x01;
            System.IO.File.WriteAllBytes(File, changed);
            Assert.True(CheckCacheCodec.Read(File, Key, TemplateCatalog.BuiltIn, disk.Roots) is null, $"byte {i} of {good.Length} changed");
            System.IO.File.WriteAllBytes(File, good[..i]);
            Assert.True(CheckCacheCodec.Read(File, Key, TemplateCatalog.BuiltIn, disk.Roots) is null, $"cut to {i} bytes");
        }
    }

    [Fact]
    public void Diagnose_AnotherDay_SameDiagnostics()
    {
        // The cache keeps diagnostics across days: none may depend on the date (only fixes and completion read it).
        var (disk, _) = Analyse();
        var later = new SpecLanguageService(new FixedTemplateEnvironmentSource(TemplateEnvironment.Default), new PendingDiagnosticsTests.FixedClock(new DateTimeOffset(2031, 11, 30, 23, 0, 0, TimeSpan.Zero)));
        string dated = "# Spec\n\n**Status:** Approved\n**Created:** 2030-01-01\n**Last Updated:** 2026-02-30\n**Target Date:** 2020-05-05\n\n## Overview\n\nDue YYYY-MM-DD.\n";
        disk.Add("/ws/specs/dated.md", dated);
        foreach (var path in disk.EnumerateSpecFiles())
        {
            Assert.Equal(
                PendingDiagnosticsTests.Dump(Service.Diagnose(Service.CreateContext(Snapshot(disk, path), WholeIndex(disk)))),
                PendingDiagnosticsTests.Dump(later.Diagnose(later.CreateContext(Snapshot(disk, path), WholeIndex(disk)))));
        }
    }

    private static IEnumerable<Diagnostics.SpecDiagnostic> DiagnosticsOf(CheckCacheEntry entry, InMemoryWorkspace disk) =>
        PendingDiagnosis.FromAnalysis(entry.Analysis!, TemplateEnvironment.Default.Configuration).Complete(WholeIndex(disk));

    private static (InMemoryWorkspace Disk, List<CheckCacheEntry> Entries) Analyse()
    {
        var disk = new InMemoryWorkspace("/ws");
        foreach (var (path, text) in PendingDiagnosticsTests.Files)
        {
            disk.Add(path, text.ReplaceLineEndings("\n"));
        }

        var empty = WorkspaceIndex.Create(disk);
        var entries = new List<CheckCacheEntry>();
        foreach (var (path, _) in PendingDiagnosticsTests.Files)
        {
            var snapshot = Snapshot(disk, path);
            var pending = Service.DiagnoseLater(Service.CreateContext(snapshot, empty));
            entries.Add(new CheckCacheEntry(
                path, ContentHash.Of(disk.ReadFile(path).Text!), snapshot.IndexEntry(disk.Roots).ForCrossFileChecks(), pending.Analysis, snapshot.Choice(TemplateEnvironment.Default)));
        }

        return (disk, entries);
    }

    private static SpecSnapshot Snapshot(InMemoryWorkspace disk, string path) =>
        new(SpecParser.Parse(SourceText.From(disk.ReadFile(path).Text!)), WorkspacePaths.ToFileUri(path));

    private static WorkspaceIndex WholeIndex(InMemoryWorkspace disk) =>
        WorkspaceIndex.Create(disk).WithDiskFiles(WorkspaceIndexer.IndexAll(disk, parallelism: 1).Files.Select(f => f.ForCrossFileChecks())).AsComplete();

    private static string Dump(FileIndex index) => string.Join(
        "\n",
        [
            index.Path, index.Title ?? "-",
            .. index.Headings.Select(h => $"{h.Title}|{h.Anchor}|{h.Slug}|{h.Level}|{h.HeadingRange}|{h.TitleRange}|{h.SectionRange}"),
            .. index.ExplicitAnchors.Select(a => $"{a.Name}|{a.Range}"),
            .. index.IdDefinitions.Select(d => $"{d.Id}|{d.Range}|{d.Kind}|{d.Title}|{d.LineRange}"),
        ]);
}
