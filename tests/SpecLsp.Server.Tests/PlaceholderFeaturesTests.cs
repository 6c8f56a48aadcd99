using System.Text.Json;
using SpecLsp.Core.Diagnostics;
using SpecLsp.Core.Placeholders;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Tests.TestSupport;

namespace SpecLsp.Server.Tests;

/// <summary>The placeholder and metadata features end to end: diagnostics, quick fixes, completion, checklist progress.</summary>
public sealed class PlaceholderFeaturesTests
{
    private const string Uri = "file:///work/search.md";

    private const string Spec = """
        # Feature Specification: Search

        **Status:** In Review
        **Created:** [YYYY-MM-DD]

        ## Requirements
        1. Typing shows matches
        2.

        ## Status
        - [x] Specification review
        - [ ] Design review
        - [ ] Implementation started
        """;

    private const string InlayCapabilities = """{"textDocument":{"inlayHint":{"dynamicRegistration":false},"completion":{"completionItem":{"snippetSupport":false}}},"window":{"showDocument":{"support":true}}}""";

    private static Protocol.Lsp.Diagnostic[] Placeholders(Protocol.Lsp.Diagnostic[] diagnostics) =>
        [.. diagnostics.Where(d => d.Code?.String == DiagnosticCodes.UnfilledPlaceholder)];

    [Fact]
    public async Task Diagnostics_Placeholders_PublishedWithDataAndStatusSeverity()
    {
        await using var client = LspTestClient.StartInProcess();
        await client.InitializeAsync();
        await client.OpenAsync(Uri, Spec);

        var diagnostics = Placeholders((await client.WaitForDiagnosticsAsync(Uri, version: 1)).Diagnostics);

        Assert.Equal(
            ["3:13 unfilled-placeholder Date", "7:0 unfilled-placeholder EmptyListItem"],
            diagnostics.Select(d => $"{d.Range.Start.Line}:{d.Range.Start.Character} {d.Code?.String} {d.Data!.Value.GetProperty(PlaceholderData.Kind).GetString()}"));
        Assert.All(diagnostics, d => Assert.Equal(Protocol.Lsp.DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public async Task Diagnostics_DocumentFollowingBuiltInTemplate_TemplatePromptFromChosenTemplate()
    {
        await using var client = LspTestClient.StartInProcess();
        await client.InitializeAsync();
        await client.OpenAsync(Uri, """
            # Feature Specification: Search

            ## Overview

            ### Purpose
            Find projects while typing.

            ### Non-Goals
            <!-- What this feature explicitly does NOT aim to do -->

            ## Requirements

            ## Technical Design

            ## Implementation Plan

            ## Testing Strategy
            """);

        var diagnostics = (await client.WaitForDiagnosticsAsync(Uri, version: 1)).Diagnostics;

        var prompt = Assert.Single(diagnostics, d => d.Code?.String == DiagnosticCodes.TemplatePrompt);
        Assert.Equal((8, 0), (prompt.Range.Start.Line, prompt.Range.Start.Character));
        Assert.Equal([DiagnosticTag.Unnecessary], prompt.Tags);
    }

    [Fact]
    public async Task CodeAction_DiagnosticsSentBack_FixesFromTheirData()
    {
        await using var client = LspTestClient.StartInProcess();
        await client.InitializeAsync();
        await client.OpenAsync(Uri, Spec);
        var diagnostics = Placeholders((await client.WaitForDiagnosticsAsync(Uri, version: 1)).Diagnostics);

        var actions = await client.RequestAsync(
            Methods.TextDocumentCodeAction,
            new CodeActionParams { TextDocument = new TextDocumentIdentifier { Uri = Uri }, Range = diagnostics[1].Range, Context = new CodeActionContext { Diagnostics = [diagnostics[1]] } },
            LspJsonContext.Default.CodeActionParams,
            LspJsonContext.Default.CodeActionArray);

        var action = Assert.Single(actions!, a => a.Kind == CodeActionKind.QuickFix);
        Assert.Equal("Remove empty list item", action.Title);
        Assert.Equal(CodeActionKind.QuickFix, action.Kind);
        var edit = Assert.Single(action.Edit!.Changes![Uri]);
        Assert.Equal((7, 0, 8, 0, ""), (edit.Range.Start.Line, edit.Range.Start.Character, edit.Range.End.Line, edit.Range.End.Character, edit.NewText));
        Assert.Equal(DiagnosticCodes.UnfilledPlaceholder, Assert.Single(action.Diagnostics!).Code?.String);
    }

    [Fact]
    public async Task Completion_AfterDateKey_OffersTodayAsPlainText()
    {
        await using var client = LspTestClient.StartInProcess();
        await client.InitializeAsync(InlayCapabilities);
        await client.OpenAsync(Uri, "# Spec\n\n**Last Updated:** \n");
        var before = DateOnly.FromDateTime(DateTime.Now);

        var list = await client.RequestAsync(
            Methods.TextDocumentCompletion,
            new CompletionParams { TextDocument = new TextDocumentIdentifier { Uri = Uri }, Position = new Position { Line = 2, Character = 18 } },
            LspJsonContext.Default.CompletionParams,
            LspJsonContext.Default.CompletionList);

        var after = DateOnly.FromDateTime(DateTime.Now);
        var item = Assert.Single(list!.Items);
        // Today as the server read it: the day the request started or, across midnight, the next one.
        Assert.Contains(item.TextEdit!.NewText, new[] { before, after }.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(InsertTextFormat.PlainText, item.InsertTextFormat);
    }

    [Fact]
    public async Task ChecklistProgress_ClientWithoutInlayHints_CodeLensOnHeadings()
    {
        await using var client = LspTestClient.StartInProcess();
        var result = await client.InitializeAsync();
        Assert.NotNull(result.Capabilities.CodeLensProvider);
        Assert.Null(result.Capabilities.InlayHintProvider);
        await client.OpenAsync(Uri, Spec);

        var lenses = await client.RequestAsync(
            Methods.TextDocumentCodeLens,
            new CodeLensParams { TextDocument = new TextDocumentIdentifier { Uri = Uri } },
            LspJsonContext.Default.CodeLensParams,
            LspJsonContext.Default.CodeLensArray);

        Assert.Equal(["0: 1/3 done", "9: 1/3 done"], lenses!.Select(l => $"{l.Range.Start.Line}: {l.Command!.Title}"));
    }

    [Fact]
    public async Task ChecklistProgress_ClientWithInlayHints_InlayHintAtHeadingEnd()
    {
        await using var client = LspTestClient.StartInProcess();
        var result = await client.InitializeAsync(InlayCapabilities);
        Assert.Null(result.Capabilities.CodeLensProvider);
        Assert.True(result.Capabilities.InlayHintProvider);
        await client.OpenAsync(Uri, Spec);

        var hints = await client.RequestAsync(
            Methods.TextDocumentInlayHint,
            new InlayHintParams { TextDocument = new TextDocumentIdentifier { Uri = Uri }, Range = new Protocol.Lsp.Range { Start = new Position { Line = 5, Character = 0 }, End = new Position { Line = 20, Character = 0 } } },
            LspJsonContext.Default.InlayHintParams,
            LspJsonContext.Default.InlayHintArray);

        var hint = Assert.Single(hints!);
        Assert.Equal((9, 9, "1/3 done"), (hint.Position.Line, hint.Position.Character, hint.Label));
    }

    [Fact]
    public async Task ExecuteCommand_SelectRange_AsksClientToShowDocumentWithSelection()
    {
        await using var client = LspTestClient.StartInProcess();
        JsonElement? shown = null;
        client.ServerRequestHandler = (method, @params) =>
        {
            if (method == Methods.WindowShowDocument)
            {
                shown = @params.Clone();
                return """{"success":true}""";
            }

            return "null";
        };
        var result = await client.InitializeAsync(InlayCapabilities);
        Assert.Contains(PlaceholderFixes.SelectRangeCommand, result.Capabilities.ExecuteCommandProvider!.Commands);
        await client.OpenAsync(Uri, Spec);

        var arguments = $"[\"{Uri}\",{{\"start\":{{\"line\":3,\"character\":13}},\"end\":{{\"line\":3,\"character\":25}}}}]";
        var response = await client.RequestAsync(Methods.WorkspaceExecuteCommand, $"{{\"command\":\"{PlaceholderFixes.SelectRangeCommand}\",\"arguments\":{arguments}}}");

        Assert.False(response.IsError, response.ErrorMessage);
        Assert.NotNull(shown);
        Assert.Equal(Uri, shown.Value.GetProperty("uri").GetString());
        Assert.Equal(25, shown.Value.GetProperty("selection").GetProperty("end").GetProperty("character").GetInt32());
    }
}
