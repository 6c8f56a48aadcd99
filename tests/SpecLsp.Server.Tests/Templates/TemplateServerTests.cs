using System.Text.Json;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Tests.TestSupport;

namespace SpecLsp.Server.Tests.Templates;

/// <summary>Template features end to end, in process over pipes.</summary>
public sealed class TemplateServerTests : IDisposable
{
    private const string SnippetCapabilities = """
        {"textDocument":{"completion":{"completionItem":{"snippetSupport":true}},"publishDiagnostics":{"versionSupport":true}},
         "workspace":{"configuration":true},"general":{"positionEncodings":["utf-16"]}}
        """;

    private const string Spec = """
        # Feature Specification: CSV Export

        ## Overview

        ### Purpose
        Export projects.

        ## Requirements
        Text.

        ## Implementation Plan
        Text.

        ##
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("speclsp-e2e").FullName;

    private string SpecUri => new Uri(Path.Combine(_folder, "specs", "csv.md")).AbsoluteUri;

    [Fact]
    public async Task Completion_OnHashLine_OffersMissingSectionsAsSnippetsInTemplateOrder()
    {
        await using var client = LspTestClient.StartInProcess();
        await client.InitializeAsync(SnippetCapabilities);
        await client.OpenAsync(SpecUri, Spec);

        var list = await client.RequestAsync(
            Methods.TextDocumentCompletion,
            new CompletionParams { TextDocument = new TextDocumentIdentifier { Uri = SpecUri }, Position = new Position { Line = 13, Character = 2 } },
            LspJsonContext.Default.CompletionParams,
            LspJsonContext.Default.CompletionList);

        // Technical Design belongs before Implementation Plan: offered after what belongs at the end, saying so.
        var items = list!.Items.OrderBy(i => i.SortText, StringComparer.Ordinal).ToList();
        Assert.Equal(["Testing Strategy", "Documentation", "Rollout Plan"], items.Take(3).Select(i => i.Label));
        var technical = items.Single(i => i.Label == "Technical Design");
        Assert.StartsWith("belongs before 'Implementation Plan' · ", technical.Detail, StringComparison.Ordinal);
        Assert.True(items.IndexOf(technical) > items.FindIndex(i => i.Label == "Changelog"));
        Assert.Equal(InsertTextFormat.Snippet, technical.InsertTextFormat);
        Assert.Equal((13, 0, 13, 2), (technical.TextEdit!.Range.Start.Line, technical.TextEdit.Range.Start.Character, technical.TextEdit.Range.End.Line, technical.TextEdit.Range.End.Character));
        Assert.StartsWith("## Technical Design\n\n### Architecture Overview\n<!-- High-level architecture and components -->", technical.TextEdit.NewText, StringComparison.Ordinal);
        Assert.EndsWith("$0", technical.TextEdit.NewText, StringComparison.Ordinal);
        Assert.DoesNotContain(items, i => i.Label is "Overview" or "Requirements");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Completion_ClientWithoutSnippets_HeadingLineReplacesWhatWasTypedAndTheBodyFollowsAsAdditionalEdit(bool lineAfter)
    {
        // Neovim 0.7's omnifunc inserts the main edit as one word (a newline would become NUL) and starts it at the
        // edit's start only when there is no filterText; it filters on the label.
        string text = lineAfter ? Spec + "\n" : Spec;
        await using var client = LspTestClient.StartInProcess();
        await client.InitializeAsync();
        await client.OpenAsync(SpecUri, text);

        var list = await client.RequestAsync(
            Methods.TextDocumentCompletion,
            new CompletionParams { TextDocument = new TextDocumentIdentifier { Uri = SpecUri }, Position = new Position { Line = 13, Character = 2 } },
            LspJsonContext.Default.CompletionParams,
            LspJsonContext.Default.CompletionList);

        var technical = list!.Items.Single(i => i.Label == "## Technical Design");
        Assert.Equal(InsertTextFormat.PlainText, technical.InsertTextFormat);
        Assert.Null(technical.FilterText);
        Assert.Equal("## Technical Design", technical.TextEdit!.NewText);
        Assert.Equal((13, 0, 13, 2), (technical.TextEdit.Range.Start.Line, technical.TextEdit.Range.Start.Character, technical.TextEdit.Range.End.Line, technical.TextEdit.Range.End.Character));
        var body = Assert.Single(technical.AdditionalTextEdits!);
        Assert.DoesNotContain("$", body.NewText, StringComparison.Ordinal);

        string result = Apply(text, [technical.TextEdit, body]);
        Assert.StartsWith(text[..text.LastIndexOf("##", StringComparison.Ordinal)] + "## Technical Design\n\n### Architecture Overview\n<!-- High-level architecture and components -->", result, StringComparison.Ordinal);
        Assert.EndsWith(lineAfter ? "\n\n" : "\n", result, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", result, StringComparison.Ordinal);
    }

    // Applies non-overlapping LSP edits (positions in the original text), last first.
    private static string Apply(string text, IEnumerable<TextEdit> edits)
    {
        var source = Core.Text.SourceText.From(text);
        int Offset(Position p) => source.GetOffset(new Core.Text.Position(p.Line, p.Character));
        foreach (var edit in edits.OrderByDescending(e => Offset(e.Range.Start)))
        {
            text = text[..Offset(edit.Range.Start)] + edit.NewText + text[Offset(edit.Range.End)..];
        }

        return text;
    }

    [Fact]
    public async Task Completion_SpaceTypedAfterHashes_OffersSections()
    {
        await using var client = LspTestClient.StartInProcess();
        await client.InitializeAsync();
        await client.OpenAsync(SpecUri, Spec + " ");

        var list = await client.RequestAsync(
            Methods.TextDocumentCompletion,
            new CompletionParams
            {
                TextDocument = new TextDocumentIdentifier { Uri = SpecUri },
                Position = new Position { Line = 13, Character = 3 },
                Context = new CompletionContext { TriggerKind = CompletionTriggerKind.TriggerCharacter, TriggerCharacter = " " },
            },
            LspJsonContext.Default.CompletionParams,
            LspJsonContext.Default.CompletionList);

        var technical = list!.Items.Single(i => i.Label == "## Technical Design");
        Assert.Equal((13, 0, 13, 3), (technical.TextEdit!.Range.Start.Line, technical.TextEdit.Range.Start.Character, technical.TextEdit.Range.End.Line, technical.TextEdit.Range.End.Character));
    }

    [Fact]
    public async Task Hover_ClientWithPlaintextOnly_GetsPlaintext()
    {
        var hover = await HoverOverviewHeadingAsync("""{"textDocument":{"hover":{"contentFormat":["plaintext"]}}}""");

        Assert.Equal(MarkupKind.PlainText, hover!.Contents.Markup!.Kind);
        Assert.Contains("Brief description of what this feature does and why it's needed", hover.Contents.Markup.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("*", hover.Contents.Markup.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CodeAction_MissingSectionDiagnostic_QuickFixInsertsItInTemplateOrder()
    {
        await using var client = LspTestClient.StartInProcess();
        await client.InitializeAsync(SnippetCapabilities);
        string text = Spec.Replace("\n##\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
        await client.OpenAsync(SpecUri, text);

        var published = await client.WaitForDiagnosticsAsync(SpecUri, version: 1);
        var missing = published.Diagnostics.Where(d => d.Code?.String == "missing-section").ToList();
        Assert.Equal(8, missing.Count);
        var technical = missing.Single(d => d.Message.Contains("'Technical Design'", StringComparison.Ordinal));
        Assert.Equal("lightweight", technical.Data!.Value.GetProperty("template").GetString());

        var actions = await client.RequestAsync(
            Methods.TextDocumentCodeAction,
            new CodeActionParams { TextDocument = new TextDocumentIdentifier { Uri = SpecUri }, Range = technical.Range, Context = new CodeActionContext { Diagnostics = [technical] } },
            LspJsonContext.Default.CodeActionParams,
            LspJsonContext.Default.CodeActionArray);

        var fix = Assert.Single(actions!, a => a.Kind == CodeActionKind.QuickFix);
        Assert.Equal("Insert section 'Technical Design'", fix.Title);
        Assert.True(fix.IsPreferred);
        var edit = Assert.Single(fix.Edit!.Changes![SpecUri]);
        Assert.Equal((10, 0), (edit.Range.Start.Line, edit.Range.Start.Character));
        Assert.StartsWith("## Technical Design\n", edit.NewText, StringComparison.Ordinal);
        Assert.Contains(actions!, a => a.Kind == "source.speclsp.insertMissingSections");
    }

    [Fact]
    public async Task CodeAction_OnABrokenAnchor_ItsFixComesFirstAndInsertAllOnlyAsSourceAction()
    {
        string text = Spec.Replace("## Requirements\nText.", "## Requirements\nSee [the plan](#implementaton-plan).", StringComparison.Ordinal);
        await using var client = LspTestClient.StartInProcess();
        await client.InitializeAsync();
        await client.OpenAsync(SpecUri, text);
        var published = await client.WaitForDiagnosticsAsync(SpecUri, version: 1);
        var anchor = published.Diagnostics.Single(d => d.Code?.String == "broken-anchor");
        Assert.Contains(published.Diagnostics, d => d.Code?.String == "missing-section");

        async Task<CodeAction[]> ActionsAsync(string[]? only) => (await client.RequestAsync(
            Methods.TextDocumentCodeAction,
            new CodeActionParams { TextDocument = new TextDocumentIdentifier { Uri = SpecUri }, Range = anchor.Range, Context = new CodeActionContext { Diagnostics = [anchor], Only = only } },
            LspJsonContext.Default.CodeActionParams,
            LspJsonContext.Default.CodeActionArray))!;

        var onLine = await ActionsAsync(null);
        var source = await ActionsAsync([CodeActionKind.Source]);

        // Menus that list actions in order (Neovim, Emacs) show the anchor's fix first, and it is the default.
        Assert.Equal("Change to #implementation-plan", onLine[0].Title);
        Assert.True(onLine[0].IsPreferred);
        Assert.DoesNotContain(onLine, a => a.Kind == "source.speclsp.insertMissingSections");
        Assert.Equal(["source.speclsp.insertMissingSections", "source.speclsp.tableOfContents"], source.Select(a => a.Kind));
    }

    [Fact]
    public async Task Hover_OnKnownHeading_ShowsGuidance()
    {
        var hover = await HoverOverviewHeadingAsync(LspTestClient.DefaultCapabilities);

        Assert.Equal(MarkupKind.Markdown, hover!.Contents.Markup!.Kind);
        Assert.Contains("*Brief description of what this feature does and why it's needed*", hover.Contents.Markup.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configuration_YamlSeverityOff_AndInvalidFileReportedOnItself()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, ".speclsp.yaml"), "severity:\n  missing-section: off\n  empty-section: [\n");
        await using var client = LspTestClient.StartInProcess();
        await InitializeWithRootAsync(client);

        var configUri = new Uri(Path.Combine(_folder, ".speclsp.yaml")).AbsoluteUri;
        var invalid = await client.WaitForDiagnosticsAsync(configUri);
        Assert.Equal("invalid-configuration", Assert.Single(invalid.Diagnostics).Code?.String);

        await client.OpenAsync(SpecUri, Spec);
        Assert.Contains((await client.WaitForDiagnosticsAsync(SpecUri, version: 1)).Diagnostics, d => d.Code?.String == "missing-section");

        await File.WriteAllTextAsync(Path.Combine(_folder, ".speclsp.yaml"), "severity:\n  missing-section: off\n");
        await client.NotifyAsync(Methods.WorkspaceDidChangeWatchedFiles, $$"""{"changes":[{"uri":"{{configUri}}","type":2}]}""");

        await client.WaitForNotificationAsync(Methods.TextDocumentPublishDiagnostics, p =>
            p.GetProperty("uri").GetString() == configUri && p.GetProperty("diagnostics").GetArrayLength() == 0);
        await client.WaitForNotificationAsync(Methods.TextDocumentPublishDiagnostics, p =>
            p.GetProperty("uri").GetString() == SpecUri
            && !p.GetProperty("diagnostics").EnumerateArray().Any(d => d.GetProperty("code").GetString() == "missing-section"));
    }

    [Fact]
    public async Task Configuration_InvalidFile_PullForItAnswersItsProblems()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, ".speclsp.yaml"), "severity: [\n");
        await using var client = LspTestClient.StartInProcess();
        string root = new Uri(_folder).AbsoluteUri;
        var response = await client.RequestAsync(Methods.Initialize, "{\"processId\":null,\"rootUri\":\"" + root + "\",\"capabilities\":{\"textDocument\":{\"diagnostic\":{}}}}");
        Assert.False(response.IsError, response.ErrorMessage);
        await client.NotifyAsync(Methods.Initialized, "{}");
        var configUri = new Uri(Path.Combine(_folder, ".speclsp.yaml")).AbsoluteUri;
        await client.WaitForDiagnosticsAsync(configUri);

        var report = await client.RequestAsync(Methods.TextDocumentDiagnostic, "{\"textDocument\":{\"uri\":\"" + configUri + "\"}}");

        Assert.False(report.IsError, report.ErrorMessage);
        Assert.Equal("invalid-configuration", Assert.Single(report.Result.GetProperty("items").EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Configuration_ClientSettingsChange_AppliesWithoutRestart()
    {
        await using var client = LspTestClient.StartInProcess();
        string severity = "warning";
        client.ServerRequestHandler = (method, _) => method == Methods.WorkspaceConfiguration
            ? $$$"""[{"severity":{"missing-section":"{{{severity}}}"}}]"""
            : "null";
        await client.InitializeAsync();
        await client.OpenAsync(SpecUri, Spec);
        await client.WaitForNotificationAsync(Methods.TextDocumentPublishDiagnostics, p => HasMissingWithSeverity(p, 2));

        severity = "error";
        await client.NotifyAsync(Methods.WorkspaceDidChangeConfiguration, """{"settings":null}""");

        await client.WaitForNotificationAsync(Methods.TextDocumentPublishDiagnostics, p => HasMissingWithSeverity(p, 1));
    }

    [Fact]
    public async Task NewSpec_WritesFileOnceAndNeverOverwrites()
    {
        await using var client = LspTestClient.StartInProcess();
        await client.InitializeAsync();
        string uri = new Uri(Path.Combine(_folder, "new", "export.md")).AbsoluteUri;
        string request = $$"""{"templateName":"package","title":"Export","uri":"{{uri}}"}""";

        var first = await client.RequestAsync("speclsp/newSpec", request);
        var second = await client.RequestAsync("speclsp/newSpec", request);

        Assert.Equal(uri, first.Result.GetProperty("uri").GetString());
        Assert.StartsWith("# Export\n", await File.ReadAllTextAsync(new Uri(uri).LocalPath), StringComparison.Ordinal);
        Assert.True(second.IsError);
        Assert.Contains("already exists", second.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListTemplates_WorkspaceTemplate_ListedAfterBuiltIns()
    {
        Directory.CreateDirectory(Path.Combine(_folder, ".spec", "templates"));
        await File.WriteAllTextAsync(Path.Combine(_folder, ".spec", "templates", "decision.md"), "---\ndescription: Our decisions\n---\n# Decision: [Title]\n\n## Motivation\n");
        await using var client = LspTestClient.StartInProcess();
        await InitializeWithRootAsync(client);

        var names = new List<string>();
        for (int attempt = 0; attempt < 100 && !names.Contains("decision"); attempt++)
        {
            // The configuration loads right after initialized; it may still be on its way.
            var response = await client.RequestAsync("speclsp/listTemplates", "{}");
            names = [.. response.Result.EnumerateArray().Select(t => $"{t.GetProperty("name").GetString()}")];
            if (!names.Contains("decision"))
            {
                await Task.Delay(50);
            }
        }

        Assert.Equal(["detailed", "product", "proposal", "lightweight", "package", "speckit-spec", "speckit-plan", "speckit-tasks", "speckit-checklist", "kep", "rfc", "adr", "adr-tyree", "madr", "openspec-proposal", "openspec-tasks", "openspec-delta", "openspec-spec", "decision"], names);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static bool HasMissingWithSeverity(JsonElement published, int severity) =>
        published.GetProperty("diagnostics").EnumerateArray().Any(d => d.GetProperty("code").GetString() == "missing-section" && d.GetProperty("severity").GetInt32() == severity);

    // Hover on the spec's Overview heading, for a client with these capabilities.
    private async Task<Hover?> HoverOverviewHeadingAsync(string capabilities)
    {
        await using var client = LspTestClient.StartInProcess();
        await client.InitializeAsync(capabilities);
        await client.OpenAsync(SpecUri, Spec);
        var hover = await client.RequestAsync(
            Methods.TextDocumentHover,
            new HoverParams { TextDocument = new TextDocumentIdentifier { Uri = SpecUri }, Position = new Position { Line = 4, Character = 6 } },
            LspJsonContext.Default.HoverParams,
            LspJsonContext.Default.Hover);
        return hover;
    }

    private async Task InitializeWithRootAsync(LspTestClient client)
    {
        string root = new Uri(_folder).AbsoluteUri;
        var response = await client.RequestAsync(Methods.Initialize, $$$$"""{"processId":null,"rootUri":"{{{{root}}}}","capabilities":{"workspace":{"configuration":true}}}""");
        Assert.False(response.IsError, response.ErrorMessage);
        await client.NotifyAsync(Methods.Initialized, "{}");
    }
}
