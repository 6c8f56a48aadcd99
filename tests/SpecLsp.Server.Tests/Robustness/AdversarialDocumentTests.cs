using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Tests.TestSupport;
using SpecLsp.Server.Workspace;

namespace SpecLsp.Server.Tests.Robustness;

/// <summary>
/// The adversarial documents of the robustness issue, opened in the server: every feature answers on them and their
/// diagnostics arrive, while another document keeps being served. Times are the benchmark's
/// (tests/SpecLsp.Benchmarks, <c>adversarial</c>); these tests assert behaviour, with timeouts only as hang guards.
/// </summary>
public sealed class AdversarialDocumentTests
{
    private const string Heavy = "file:///adversarial/heavy.md";
    private const string Small = "file:///adversarial/small.md";

    private static readonly Dictionary<string, Func<string>> Documents = new(StringComparer.Ordinal)
    {
        ["1 MB single line"] = () => "# T\n\n" + Repeat("lorem ipsum ", 1_000_000 / 12) + "\n",
        ["100 KB of [a]("] = () => Repeat("[a](", 25_000),
        ["100 KB of ![a]("] = () => Repeat("![a](", 20_000),
        ["10,000 nested lists"] = () => Repeat("- ", 10_000) + "x\n",
        ["10,000 nested block quotes"] = () => new string('>', 10_000) + " x\nlazy\n",
        ["10,000 nested lists and quotes"] = () => Repeat("- > ", 5_000) + "x\n",
        ["front matter of 100,000 ["] = () => "---\n" + new string('[', 100_000) + "\n---\n# T\n",
        ["YAML alias bomb"] = AliasBomb,
        ["50,000 headings"] = () => Repeat("## Heading\n\ntext\n\n", 50_000),
        ["3,000 list levels, one per line"] = StairOfLists,
        ["100 KB of *a"] = () => Repeat("*a", 50_000),
        ["100,000 unclosed ["] = () => new string('[', 100_000),
        ["NUL and lone surrogates"] = () => "# \0T\uD800\n\n- [ ] FR1: \0\uDC00 [a](\0)\n",
    };

    public static TheoryData<string> Names => [.. Documents.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task AdversarialDocument_Opened_EveryFeatureAnswersAndDiagnosticsArrive(string name)
    {
        await using var client = LspTestClient.StartInProcess();
        await client.InitializeAsync();
        await client.OpenAsync(Small, "# Small\n\n## Part\n");

        await client.OpenAsync(Heavy, Documents[name]());
        var small = await client.RequestAsync(Methods.TextDocumentDocumentSymbol, TextDocument(Small));
        var answers = new Dictionary<string, LspResponse>(StringComparer.Ordinal)
        {
            ["documentSymbol"] = await client.RequestAsync(Methods.TextDocumentDocumentSymbol, TextDocument(Heavy)),
            ["foldingRange"] = await client.RequestAsync(Methods.TextDocumentFoldingRange, TextDocument(Heavy)),
            ["hover"] = await client.RequestAsync(Methods.TextDocumentHover, AtPosition(Heavy, 0, 3)),
            ["completion"] = await client.RequestAsync(Methods.TextDocumentCompletion, AtPosition(Heavy, 0, 3)),
            ["definition"] = await client.RequestAsync(Methods.TextDocumentDefinition, AtPosition(Heavy, 0, 3)),
            ["documentLink"] = await client.RequestAsync(Methods.TextDocumentDocumentLink, TextDocument(Heavy)),
            ["codeAction"] = await client.RequestAsync(Methods.TextDocumentCodeAction, $$$"""{"textDocument":{"uri":"{{{Heavy}}}"},"range":{"start":{"line":0,"character":0},"end":{"line":1,"character":0}},"context":{"diagnostics":[]}}"""),
            ["workspace/symbol"] = await client.RequestAsync(Methods.WorkspaceSymbol, """{"query":"Head"}"""),
        };
        var diagnostics = await client.WaitForDiagnosticsAsync(Heavy, 1);

        Assert.False(small.IsError, small.ErrorMessage);
        Assert.All(answers, a => Assert.False(a.Value.IsError, $"{name}: {a.Key} answered {a.Value.ErrorCode} {a.Value.ErrorMessage}"));
        Assert.Equal(1, diagnostics.Version);
        Assert.False(client.ServerExit.IsCompleted);
    }

    [Fact]
    public async Task DocumentSymbol_FiftyThousandHeadings_AnswerIsCutToTheLimitAndTheLogSaysSo()
    {
        await using var client = LspTestClient.StartInProcess();
        await client.InitializeAsync();
        await client.OpenAsync(Heavy, Repeat("## Heading\n\ntext\n\n", 50_000));

        var answer = await client.RequestAsync(Methods.TextDocumentDocumentSymbol, TextDocument(Heavy));
        var log = await client.WaitForNotificationAsync("window/logMessage", m => m.GetProperty("message").GetString()!.Contains("Outline of", StringComparison.Ordinal));

        Assert.Equal(10_000, answer.Result.GetArrayLength());
        Assert.Equal(9_999, answer.Result[answer.Result.GetArrayLength() - 1].GetProperty("range").GetProperty("start").GetProperty("line").GetInt32() / 4);
        Assert.Contains("first 10000 symbols; 40000 more were left out", log.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StairOfLists_EditedLineByLine_EachVersionIsParsedAndAnswered()
    {
        await using var client = LspTestClient.StartInProcess();
        await client.InitializeAsync();
        await client.OpenAsync(Heavy, StairOfLists());

        // Typing in the middle and at the deep end: each keystroke reparses the region it touches.
        int version = 1;
        foreach (int line in new[] { 1_500, 1_500, 2_999, 10 })
        {
            var at = new Protocol.Lsp.Position { Line = line, Character = 2 * line };
            await client.ChangeAsync(Heavy, ++version, new TextDocumentContentChangeEvent { Range = new Protocol.Lsp.Range { Start = at, End = at }, Text = "x" });
        }

        var symbols = await client.RequestAsync(Methods.TextDocumentDocumentSymbol, TextDocument(Heavy));
        var folding = await client.RequestAsync(Methods.TextDocumentFoldingRange, TextDocument(Heavy));
        var diagnostics = await client.WaitForDiagnosticsAsync(Heavy, version);

        Assert.False(symbols.IsError, symbols.ErrorMessage);
        Assert.False(folding.IsError, folding.ErrorMessage);
        Assert.Equal(5, diagnostics.Version);
        Assert.False(client.ServerExit.IsCompleted);
    }

    [Fact]
    public async Task HeavyParseInFlight_OtherDocumentsRequestsAndEditsAnsweredMeanwhile()
    {
        using var parser = new GatedParser();
        await using var client = LspTestClient.StartInProcess(services => services.AddSingleton(new DocumentParser(parser.Parse)));
        await client.InitializeAsync();

        await client.OpenAsync(Heavy, "# SLOW\n" + Repeat("[a](", 25_000));
        var heavy = client.RequestAsync(Methods.TextDocumentDocumentSymbol, TextDocument(Heavy));
        await client.OpenAsync(Small, "# Small\n");
        await client.ChangeAsync(Small, 2, new TextDocumentContentChangeEvent { Text = "# Small\n\n## Edited\n" });
        var small = await client.RequestAsync(Methods.TextDocumentDocumentSymbol, TextDocument(Small));
        var diagnostics = await client.WaitForDiagnosticsAsync(Small, 2);

        // The small document was served in full while the heavy parse was still held.
        Assert.False(heavy.IsCompleted);
        Assert.Contains("Edited", small.Result.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(2, diagnostics.Version);
        parser.Release();
        Assert.False((await heavy).IsError);
    }

    private static string TextDocument(string uri) => $$$"""{"textDocument":{"uri":"{{{uri}}}"}}""";

    private static string AtPosition(string uri, int line, int character) =>
        $$$"""{"textDocument":{"uri":"{{{uri}}}"},"position":{"line":{{{line}}},"character":{{{character}}}}}""";

    // Each line indented two more columns than the last: 3,000 nested list levels built over 3,000 lines.
    private static string StairOfLists()
    {
        var text = new StringBuilder();
        for (int i = 0; i < 3_000; i++)
        {
            text.Append(' ', 2 * i).Append("- item\n");
        }

        return text.ToString();
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static string AliasBomb()
    {
        var yaml = new StringBuilder("---\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"a{i}: &a{i} [").AppendJoin(", ", Enumerable.Repeat($"*a{i - 1}", 9)).Append("]\n");
        }

        return yaml.Append("---\n# T\n").ToString();
    }
}
