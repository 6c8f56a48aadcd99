using System.Text;
using System.Text.Json;
using SpecLsp.Core;
using SpecLsp.Core.Analysis;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;
using SpecLsp.Server.Check;

namespace SpecLsp.Server.Tests.Check;

/// <summary>
/// <c>speclsp check</c> parses each spec once and answers the cross-file questions once the index is complete: its
/// report must be what analysing every file against the complete index gives (what the two-pass check printed).
/// </summary>
public sealed class CheckOnePassTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("speclsp-onepass-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Json_MultiFileWorkspace_EqualsEachFileDiagnosedAgainstTheCompleteIndex()
    {
        for (int i = 0; i < 12; i++)
        {
            // Each spec links to the next one's anchors (one misspelt), mentions its SPEC- ID, and every third one
            // reuses the ID of the spec before it.
            int next = (i + 1) % 12;
            int id = i % 3 == 2 ? i - 1 : i;
            Write($"specs/area-{i % 2}/spec-{i}.md", $"""
                # Feature Specification: Feature {i}

                **Spec ID:** SPEC-2026-01-05-{id:D3}
                **Status:** In Review

                ## Overview

                See [next](../area-{next % 2}/spec-{next}.md#overview), [typo](../area-{next % 2}/spec-{next}.md#requirments),
                [missing](../area-{next % 2}/gone.md) and SPEC-2026-01-05-{next:D3}, SPEC-2026-09-09-{i:D3}.

                ## Requirements

                #### FR1: Export [Feature Name]
                Needs FR2 and [itself](#fr1-export-feature-name).
                """);
        }

        Write("specs/001-audit/spec.md", "# Feature Specification: Audit\n\n## Requirements\n\n- **FR-001**: Audit\n- Uses FR-002 and FR-009.\n");
        Write("specs/001-audit/plan.md", "# Implementation Plan: Audit\n\n## Requirements\n\n- **FR-002**: Store\n");
        File.WriteAllBytes(Path.Combine(_root, "specs", "binary.md"), [0x23, 0x20, 0x00]);

        using var stdout = new MemoryStream();
        await CheckCommand.RunAsync(["specs", "--format", "json"], stdout, new StringWriter(), _root, stdoutIsTerminal: false);
        using var json = JsonDocument.Parse(stdout.ToArray());
        var reported = json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => $"{d.GetProperty("path").GetString()} {Position(d, "start")}-{Position(d, "end")} {d.GetProperty("code").GetString()} {d.GetProperty("message").GetString()}")
            .ToList();

        var expected = Expected();
        Assert.Equal(expected, reported);
        Assert.Contains(reported, r => r.Contains("broken-anchor No heading or anchor '#requirments' in 'spec-", StringComparison.Ordinal));
        Assert.Contains(reported, r => r.Contains("duplicate-id SPEC-2026-01-05-001 is also defined in spec-", StringComparison.Ordinal));
        Assert.Contains(reported, r => r.Contains("undefined-id No spec in the workspace defines SPEC-2026-09-09-", StringComparison.Ordinal));
        Assert.Contains(reported, r => r.Contains("undefined-id FR-009 is not defined in this spec.", StringComparison.Ordinal));
        Assert.Contains(reported, r => r.Contains("unreadable-file", StringComparison.Ordinal));
    }

    // What the check printed before: every file indexed (the slim entries), then each analysed against that index.
    private List<string> Expected()
    {
        var environment = TemplateEnvironmentLoader.Load(_root).Environment;
        var workspace = new DiskWorkspace([_root], environment.Configuration.IsSpec);
        var index = WorkspaceIndex.Create(workspace).WithDiskFiles(WorkspaceIndexer.IndexAll(workspace).Files.Select(f => f.ForCrossFileChecks())).AsComplete();
        var service = new SpecLanguageService(new FixedTemplateEnvironmentSource(environment), TimeProvider.System);
        var lines = new List<string>();
        foreach (var path in workspace.EnumerateSpecFiles().OrderBy(p => p, StringComparer.Ordinal))
        {
            string display = Path.GetRelativePath(_root, path).Replace('\\', '/');
            if (workspace.ReadFile(path).Text is not { } text)
            {
                lines.Add($"{display} (0,0)-(0,0) unreadable-file Cannot read the file as text: {workspace.ReadFile(path).Error}.");
                continue;
            }

            var context = service.CreateContext(new SpecSnapshot(SpecParser.Parse(SourceText.From(text)), WorkspacePaths.ToFileUri(path)), index);
            lines.AddRange(service.Diagnose(context).Select(d => $"{display} {d.Range.Start}-{d.Range.End} {d.Code} {d.Message}"));
        }

        return lines;
    }

    private static string Position(JsonElement diagnostic, string end)
    {
        var position = diagnostic.GetProperty("range").GetProperty(end);
        return $"({position.GetProperty("line").GetInt32()},{position.GetProperty("character").GetInt32()})";
    }

    private void Write(string relative, string text)
    {
        string path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"), new UTF8Encoding(false));
    }
}
