using System.Text.Json;
using SpecLsp.Core.Configuration;
using SpecLsp.Server.Templates;

namespace SpecLsp.Server.Tests.Templates;

public class ClientSettingsReaderTests
{
    [Fact]
    public void Read_EveryKey_IsTakenAndFileStillWins()
    {
        const string json = """
            {"templatesFolder":"client/tpl","severity":{"empty-section":"off","missing-section":"error"},
             "maxDiagnosticsPerDocument":25,"templates":{"rfcs/**":"proposal"},"specs":["docs/**/*.md"]}
            """;
        var problems = new List<string>();

        var client = ClientSettingsReader.Read(JsonDocument.Parse(json).RootElement, problems);
        var merged = SpecLspConfiguration.Merge(client, ConfigurationParser.Parse("templatesFolder: file/tpl\n").Settings);

        Assert.Empty(problems);
        Assert.Equal("file/tpl", merged.TemplatesFolder);
        Assert.Equal(DiagnosticLevel.Off, merged.Severity["empty-section"]);
        Assert.Equal(DiagnosticLevel.Error, merged.Severity["missing-section"]);
        Assert.Equal(25, merged.MaxDiagnosticsPerDocument);
        Assert.Equal("proposal", merged.TemplateFor("rfcs/a.md"));
        Assert.Equal<string>(["docs/**/*.md"], merged.Specs);
    }

    [Fact]
    public void Read_WrongShapes_AreSkippedAndReported()
    {
        const string json = """{"maxDiagnosticsPerDocument":"many","severity":{"nope":"error","empty-section":"loud"},"colour":1,"templatesFolder":null}""";
        var problems = new List<string>();

        var settings = ClientSettingsReader.Read(JsonDocument.Parse(json).RootElement, problems);

        Assert.Null(settings.MaxDiagnosticsPerDocument);
        Assert.Empty(settings.Severity!);
        Assert.Null(settings.TemplatesFolder);
        Assert.Equal(4, problems.Count);
    }

    [Theory]
    [InlineData("""{"diagnostics":{"workspace":"on"}}""", true, 0)]
    [InlineData("""{"diagnostics":{"workspace":"off"}}""", false, 0)]
    [InlineData("""{"diagnostics":{}}""", false, 0)]
    [InlineData("""{}""", false, 0)]
    [InlineData("""{"diagnostics":{"workspace":"always"}}""", false, 1)]
    [InlineData("""{"diagnostics":{"workspace":true}}""", false, 1)]
    [InlineData("""{"diagnostics":"on"}""", false, 1)]
    public void Read_WorkspaceDiagnostics_OnOnlyWhenSaidAndOtherValuesReported(string json, bool pushes, int problemCount)
    {
        var section = JsonDocument.Parse(json).RootElement;
        var problems = new List<string>();

        ClientSettingsReader.Read(section, problems);

        Assert.Equal(pushes, ClientSettingsReader.PushesWorkspaceDiagnostics(section));
        Assert.Equal(problemCount, problems.Count);
    }
}
