using SpecLsp.Core.CodeActions;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Sections;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Tests.TestSupport;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Tests.Sections;

public class SectionCodeActionsTests
{
    private static readonly SpecTemplate s_abc = TemplateSchemaBuilder.Build(
        "abc",
        """
        ---
        required: [B/Security]
        ---
        # [Title]

        ## A
        Guide A.

        ## B
        Guide B.

        ### Performance
        Fast.

        ### Security
        - **Requirement:** [Security requirement]

        #### Threats
        [Threat list]

        ## C
        Guide C.
        """,
        TemplateOrigin.Workspace);

    [Fact]
    public void Compute_MissingSectionBetweenSiblings_InsertsItAfterThePrecedingOne()
    {
        var marked = MarkedText.Parse("""
            [|# Spec|]

            ## A
            a

            ## C
            c
            """);

        var (action, result) = ApplySingle(marked, "Insert section 'B'");

        Assert.Equal("quickfix", action.Kind);
        Assert.True(action.IsPreferred);
        Assert.Equal("missing-section", Assert.Single(action.Diagnostics).Code);
        Assert.Equal(
            """
            # Spec

            ## A
            a

            ## B
            Guide B.

            ### Performance
            Fast.

            ### Security
            - **Requirement:** [Security requirement]

            #### Threats
            [Threat list]

            ## C
            c
            """,
            result);
    }

    [Fact]
    public void Compute_MissingFirstSection_InsertsItBeforeTheNextOne()
    {
        var marked = MarkedText.Parse("[|# Spec|]\n\nIntro.\n\n## B\nb\n\n### Security\ns\n\n## C\nc\n");

        var (_, result) = ApplySingle(marked, "Insert section 'A'");

        Assert.Equal("# Spec\n\nIntro.\n\n## A\nGuide A.\n\n## B\nb\n\n### Security\ns\n\n## C\nc\n", result);
    }

    [Fact]
    public void Compute_MissingSubsection_InsertsAtItsLevelUnderItsParent()
    {
        var marked = MarkedText.Parse("# Spec\n\n## A\na\n\n[|## B|]\nb\n\n### Performance\np\n\n## C\nc");

        var (_, result) = ApplySingle(marked, "Insert section 'Security'");

        Assert.Equal(
            "# Spec\n\n## A\na\n\n## B\nb\n\n### Performance\np\n\n### Security\n- **Requirement:** [Security requirement]\n\n#### Threats\n[Threat list]\n\n## C\nc",
            result);
    }

    [Fact]
    public void Compute_MissingLastSectionInFileWithoutFinalNewline_StartsOnItsOwnParagraph()
    {
        var marked = MarkedText.Parse("[|# Spec|]\n\n## A\na\n\n## B\nb\n\n### Security\ns");

        var (_, result) = ApplySingle(marked, "Insert section 'C'");

        Assert.Equal("# Spec\n\n## A\na\n\n## B\nb\n\n### Security\ns\n\n## C\nGuide C.\n", result);
    }

    [Fact]
    public void Compute_InsertAllMissingSections_InsertsEachAtItsPlaceAsSourceAction()
    {
        var marked = MarkedText.Parse("# Spec\n\n## B\nb\n$$");
        var match = Match(marked.Text);

        var action = Assert.Single(SectionCodeActions.Compute(match, new TextRange(marked.CaretPosition, marked.CaretPosition), includeSourceActions: true), a => a.Title == "Insert all missing sections");

        Assert.Equal("source.speclsp.insertMissingSections", action.Kind);
        Assert.Equal(3, action.Diagnostics.Length);
        Assert.Equal(
            "# Spec\n\n## A\nGuide A.\n\n## B\nb\n\n### Security\n- **Requirement:** [Security requirement]\n\n#### Threats\n[Threat list]\n\n## C\nGuide C.\n",
            Apply(marked.Text, action.Edits));
    }

    [Fact]
    public void Compute_InsertAll_OnlyWhereAMissingSectionIsReportedOrWhenSourceActionsAreAsked()
    {
        // The missing sections are reported on "# Spec" (A, C) and "## B" (Security); "b" is plain text.
        var marked = MarkedText.Parse("# Spec\n\n## B\n[|b|]\n");
        var match = Match(marked.Text);
        var onTitle = match.Document.Title!.HeadingRange;

        Assert.DoesNotContain(SectionCodeActions.Compute(match, marked.Range), a => a.Kind == SpecCodeActionKinds.InsertMissingSections);
        Assert.Contains(SectionCodeActions.Compute(match, marked.Range, includeSourceActions: true), a => a.Kind == SpecCodeActionKinds.InsertMissingSections);
        Assert.Contains(SectionCodeActions.Compute(match, onTitle), a => a.Kind == SpecCodeActionKinds.InsertMissingSections);
    }

    [Fact]
    public void Compute_SectionOutOfOrder_MovesItToItsTemplatePosition()
    {
        var marked = MarkedText.Parse("# Spec\n\n[|## C|]\nc\n\n## A\na\n\n## B\nb\n\n### Security\ns\n");

        var (action, result) = ApplySingle(marked, "Move section into template order");

        Assert.Equal("section-order", Assert.Single(action.Diagnostics).Code);
        Assert.Equal("# Spec\n\n## A\na\n\n## B\nb\n\n### Security\ns\n\n## C\nc\n", result);
    }

    [Fact]
    public void Compute_CrLfDocument_InsertsCrLfLineBreaks()
    {
        var marked = MarkedText.Parse("[|# Spec|]\r\n\r\n## A\r\na\r\n\r\n## C\r\nc\r\n");
        var match = Match(marked.Text);

        var action = SectionCodeActions.Compute(match, marked.Range).Single(a => a.Title == "Insert section 'B'");

        Assert.StartsWith("## B\r\nGuide B.\r\n", Assert.Single(action.Edits).NewText, StringComparison.Ordinal);
        Assert.DoesNotContain("\r\r", Apply(marked.Text, action.Edits), StringComparison.Ordinal);
        Assert.DoesNotMatch("[^\r]\n", Apply(marked.Text, action.Edits));
    }

    [Fact]
    public void Compute_ClientDiagnosticsForOtherTemplate_AreIgnored()
    {
        var marked = MarkedText.Parse("[|# Spec|]\n\n## A\na\n\n## C\nc\n");
        var match = Match(marked.Text);
        var foreign = new Core.Diagnostics.SpecDiagnostic(marked.Range, Core.Diagnostics.DiagnosticSeverity.Warning, "missing-section", "x")
        {
            Data = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("template", "other").Add("indexPath", "1"),
        };

        var actions = SectionCodeActions.Compute(match, marked.Range, [foreign]);

        Assert.DoesNotContain(actions, a => a.Kind == SpecCodeActionKinds.QuickFix);
    }

    [Fact]
    public void Compute_StaleClientDiagnostic_StillFindsTheUniqueParent()
    {
        var marked = MarkedText.Parse("# Spec\n\nNew intro line.\n\n## A\na\n\n[|## B|]\nb\n\n## C\nc\n");
        var match = Match(marked.Text);
        var stale = SectionDiagnosticsFor(match).Single();
        var shifted = stale with
        {
            Data = stale.Data.SetItem("parentLine", "2"),
        };

        var action = SectionCodeActions.Compute(match, marked.Range, [shifted]).Single(a => a.Kind == SpecCodeActionKinds.QuickFix);

        Assert.Equal("Insert section 'Security'", action.Title);
    }

    private static IEnumerable<Core.Diagnostics.SpecDiagnostic> SectionDiagnosticsFor(TemplateMatch match) =>
        Core.Sections.SectionDiagnostics.Compute(match).Where(d => d.Code == "missing-section");

    private static TemplateMatch Match(string text) => TemplateMatch.Create(SpecParser.Parse(SourceText.From(text)), s_abc);

    private static (SpecCodeAction Action, string Result) ApplySingle(MarkedText marked, string title)
    {
        var actions = SectionCodeActions.Compute(Match(marked.Text), marked.Range);
        var action = Assert.Single(actions, a => a.Title == title);
        return (action, Apply(marked.Text, action.Edits));
    }

    internal static string Apply(string text, IEnumerable<SpecTextEdit> edits)
    {
        var source = SourceText.From(text);
        foreach (var edit in edits.OrderByDescending(e => e.Range.Start).ThenByDescending(e => e.Range.End))
        {
            source = source.WithChange(edit.Range, edit.NewText);
        }

        return source.Text;
    }
}
