using SpecLsp.Core.Diagnostics;
using static SpecLsp.Core.Tests.Placeholders.PlaceholderTestSupport;

namespace SpecLsp.Core.Tests.Placeholders;

public class PlaceholderSeverityTests
{
    [Theory]
    [InlineData("**Status:** Draft", DiagnosticSeverity.Hint)]
    [InlineData("**Status:** 📋 Planned", DiagnosticSeverity.Hint)]
    [InlineData("**Status:** ðŸ“‹ Planned", DiagnosticSeverity.Hint)]
    [InlineData("**Status:** [Draft | In Review | Approved]", DiagnosticSeverity.Hint)]
    [InlineData("**Status:** In Review", DiagnosticSeverity.Warning)]
    [InlineData("**Status:** 🚧 In Progress", DiagnosticSeverity.Warning)]
    [InlineData("- **Status**: Shipped", DiagnosticSeverity.Warning)]
    [InlineData("**Owner:** Jonas", DiagnosticSeverity.Hint)] // no Status at all: a draft
    [InlineData("**Status:** approved", DiagnosticSeverity.Error)]
    [InlineData("> **Status**: Completed", DiagnosticSeverity.Error)]
    [InlineData("**Status:** ✅ Implemented", DiagnosticSeverity.Error)]
    [InlineData("**Status:** PRODUCTION", DiagnosticSeverity.Error)]
    public void Severity_FollowsStatus(string statusLine, DiagnosticSeverity expected)
    {
        var diagnostics = Analyze($"# Spec\n\n{statusLine}\n\n## Notes\n[Any additional notes]\n", null, DiagnosticCodes.UnfilledPlaceholder);
        var notes = Assert.Single(diagnostics, d => d.Range.Start.Line == 5);
        Assert.Equal(expected, notes.Severity);
    }
}
