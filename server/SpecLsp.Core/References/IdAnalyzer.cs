using System.Collections.Immutable;
using SpecLsp.Core.Analysis;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.References;

/// <summary><c>undefined-id</c> and <c>duplicate-id</c>.</summary>
public sealed class IdAnalyzer : ICrossFileAnalyzer
{
    /// <inheritdoc />
    public IEnumerable<SpecDiagnostic> Analyze(AnalysisContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return AnalyzeLater(context, cancellationToken).Complete(context.View.Workspace);
    }

    /// <inheritdoc />
    /// <remarks>SPEC- IDs and the IDs of a feature folder wait for the workspace: other files define them.</remarks>
    public PendingDiagnostics AnalyzeLater(AnalysisContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var view = context.View;
        var result = new PendingDiagnostics();
        CheckMentions(view, result);
        CheckLocalDuplicates(view, result);
        CheckWorkspaceDuplicates(view, result);
        return result;
    }

    private static void CheckMentions(DocumentView view, PendingDiagnostics result)
    {
        var defined = view.Index.IdDefinitions.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);

        // A prefix is this spec's when it defines IDs with it, not counting the document's own ID in its title
        // ("# KEP-5573: …" names the document; KEP-4569 in its prose is another document, not a missing definition).
        // A one-letter prefix (Q4, T1, A4) is too often an ordinary word to call a mention of it undefined.
        int? titleLine = view.Document.Title?.HeadingRange.Start.Line;
        var prefixes = view.Index.IdDefinitions
            .Where(d => !IdSyntax.IsWorkspaceWide(d.Id) && !(d.Kind == IdDefinitionKind.Heading && d.Range.Start.Line == titleLine) && d.Prefix.Length > 1)
            .Select(d => d.Prefix)
            .ToHashSet(StringComparer.Ordinal);

        // "[FR2 of the export spec](export.md#fr2-…)" names another spec's ID: not this spec's to define.
        var linksElsewhere = view.Index.Links.Where(l => l.Target.Kind is LinkTargetKind.File or LinkTargetKind.Outside or LinkTargetKind.External).Select(l => l.Node.Range).ToList();
        foreach (var mention in view.Index.IdMentions)
        {
            if (defined.Contains(mention.Id) || linksElsewhere.Any(r => r.Contains(mention.Range)))
            {
                continue;
            }

            if (IdSyntax.IsWorkspaceWide(mention.Id))
            {
                // Until the workspace is fully indexed (or with no workspace at all) a SPEC- ID may be defined in a file not seen yet.
                result.Later(new IdQuestion(IdQuestionKind.WorkspaceIdDefined, view.Path, mention.Id, mention.Range));
            }
            else if (prefixes.Contains(IdSyntax.GetPrefix(mention.Id)))
            {
                result.Later(new IdQuestion(IdQuestionKind.FolderIdDefined, view.Path, mention.Id, mention.Range));
            }
        }
    }

    // The questions the mentions and SPEC- definitions left for the complete workspace.
    internal static SpecDiagnostic? AnswerId(IdQuestion q, QuestionAnswers answers)
    {
        var workspace = answers.Workspace;
        return q.Kind switch
        {
            IdQuestionKind.WorkspaceIdDefined =>
                workspace.IsComplete && workspace.Roots.Length > 0 && !workspace.FindWorkspaceIdDefinitions(q.Id).Any(d => !IsSelf(q.DocumentPath, d.Path))
                    ? new SpecDiagnostic(q.Range, DiagnosticSeverity.Warning, DiagnosticCodes.UndefinedId, $"No spec in the workspace defines {q.Id}.")
                    : null,
            IdQuestionKind.FolderIdDefined => FolderMayDefine(q.DocumentPath, q.Id, answers)
                ? null
                : new SpecDiagnostic(q.Range, DiagnosticSeverity.Warning, DiagnosticCodes.UndefinedId, $"{q.Id} is not defined in this spec."),
            _ => DuplicateInWorkspace(q, workspace),
        };
    }

    private static void CheckLocalDuplicates(DocumentView view, PendingDiagnostics result)
    {
        // Only definitions of the same kind clash: "#### FR1: …" and a traceability row "| FR1 | … |" are one requirement.
        // Checklist items clash only within one section: "- [ ] FR1: …" under Implementation and again under Testing
        // tracks one requirement twice. Table rows clash only within one table: "| T1 | … |" as a row label in three
        // tables is three tables' first rows, not three definitions.
        foreach (var group in view.Index.IdDefinitions
            .Where(d => !IdSyntax.IsWorkspaceWide(d.Id) && d.Kind != IdDefinitionKind.Metadata)
            .GroupBy(d => (d.Id, d.Kind, Scope: d.Kind switch
            {
                IdDefinitionKind.TaskItem => view.Document.FindSection(d.Range.Start)?.HeadingRange.Start.Line,
                IdDefinitionKind.TableCell => TableStartLine(view, d.Range.Start.Line),
                _ => null,
            }))
            .Where(g => g.Count() > 1))
        {
            var all = group.ToList();
            foreach (var definition in all)
            {
                result.Add(new SpecDiagnostic(definition.Range, DiagnosticSeverity.Warning, DiagnosticCodes.DuplicateId, $"{definition.Id} is defined {all.Count} times in this spec.")
                {
                    Related = [.. all.Where(o => o != definition).Select(o => new RelatedLocation(view.Path, o.Range, $"{o.Id} is also defined here"))],
                });
            }
        }
    }

    private static void CheckWorkspaceDuplicates(DocumentView view, PendingDiagnostics result)
    {
        if (view.Path is null)
        {
            return;
        }

        foreach (var definition in view.Index.IdDefinitions.Where(d => IdSyntax.IsWorkspaceWide(d.Id)).DistinctBy(d => d.Id))
        {
            result.Later(new IdQuestion(IdQuestionKind.WorkspaceIdDuplicate, view.Path, definition.Id, definition.Range));
        }
    }

    private static SpecDiagnostic? DuplicateInWorkspace(IdQuestion definition, WorkspaceIndex workspace)
    {
        var others = workspace.FindWorkspaceIdDefinitions(definition.Id).Where(d => !IsSelf(definition.DocumentPath, d.Path)).ToList();
        if (others.Count == 0)
        {
            return null;
        }

        var files = others.Select(o => WorkspacePaths.GetFileName(o.Path)).Distinct().ToList();
        return new SpecDiagnostic(
            definition.Range,
            DiagnosticSeverity.Warning,
            DiagnosticCodes.DuplicateId,
            $"{definition.Id} is also defined in {string.Join(", ", files)}: a spec ID must be unique in the workspace.")
        {
            Related = [.. others.Select(o => new RelatedLocation(o.Path, o.Definition.Range, $"{o.Definition.Id} is also defined here"))],
        };
    }

    // The first line of the table holding the row at line: rows run on while lines start with "|".
    private static int TableStartLine(DocumentView view, int line)
    {
        var source = view.Document.Source;
        while (line > 0 && source.GetLineText(line - 1).TrimStart().StartsWith('|'))
        {
            line--;
        }

        return line;
    }

    private static bool IsSelf(string? self, string path) => self is not null && WorkspacePaths.Comparer.Equals(self, path);

    internal static ImmutableArray<SpecDiagnostic> None => [];

    // A feature folder (spec, plan, tasks, checklists) is one scope: what any of its documents defines is known.
    // Looked up once per document and workspace, only for a mention the document leaves undefined, so typing in a
    // spec costs nothing more.
    private static bool FolderMayDefine(string? path, string id, QuestionAnswers answers)
    {
        var scratch = answers.Scratch;
        if (scratch.FolderIds is null)
        {
            var folder = FeatureFolder.Find(path, answers.Workspace);
            scratch.FolderIds = folder?.Definitions.Select(d => d.Definition.Id).ToHashSet(StringComparer.Ordinal) ?? [];
            scratch.FolderKnown = folder is null || folder.IsComplete;
        }

        return scratch.FolderIds.Contains(id) || !scratch.FolderKnown; // until the workspace is indexed, another document may define it
    }
}
