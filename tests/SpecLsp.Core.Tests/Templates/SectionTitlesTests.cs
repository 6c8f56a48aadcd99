using SpecLsp.Core.Templates;

namespace SpecLsp.Core.Tests.Templates;

public class SectionTitlesTests
{
    [Theory]
    [InlineData("1. Overview", "overview")]
    [InlineData("3.2.1 Architecture", "architecture")]
    [InlineData("2) User  Stories:", "user stories")]
    [InlineData("  Non-Functional   Requirements ", "non-functional requirements")]
    [InlineData("2024 Roadmap", "2024 roadmap")]
    [InlineData("1.0", "1.0")]
    [InlineData("", "")]
    [InlineData("Alternatives (Optional)", "alternatives")]
    [InlineData("4. Rejected Ideas *(optional)*", "rejected ideas")]
    [InlineData("Stored Records (include if the change keeps data)", "stored records")]
    [InlineData("Outcomes *(mandatory)*", "outcomes")]
    [InlineData("Rollout (Priority: P1)", "rollout (priority: p1)")]
    [InlineData("(Optional)", "(optional)")]
    public void Normalize_Title_DropsNumberingCaseAndSpacing(string title, string expected) =>
        Assert.Equal(expected, SectionTitles.Normalize(title));

    [Theory]
    [InlineData("FR1: [Requirement Name]", "fr", 1, "FR3:")]
    [InlineData("US-2: Login", "us", 2, "US-3:")]
    [InlineData("Test Case 1: [Description]", "testcase", 1, "Test Case 3:")]
    [InlineData("Phase 12 - Polish", "phase", 12, "Phase 3 -")]
    [InlineData("FR-001: Import", "fr", 1, "FR-003:")]
    [InlineData("Risk 1", "risk", 1, "Risk 3:")]
    public void ParseNumbered_GroupMember_ReadsKeyNumberAndFormat(string title, string key, int number, string third)
    {
        var numbered = SectionTitles.ParseNumbered(title);

        Assert.NotNull(numbered);
        Assert.Equal(key, numbered.Key);
        Assert.Equal(number, numbered.Number);
        Assert.Equal(third, numbered.FormatLabel(3));
    }

    [Theory]
    [InlineData("Web 2.0 Support")]
    [InlineData("1.1 Summary")]
    [InlineData("Feature Specification: [Feature Name]")]
    [InlineData("Overview")]
    [InlineData("Top 10Things")]
    public void ParseNumbered_OrdinaryTitle_IsNotAMember(string title) =>
        Assert.Null(SectionTitles.ParseNumbered(title));

    [Theory]
    [InlineData("Feature Specification: [Feature Name]", "Feature Specification: CSV Export", true)]
    [InlineData("Feature Specification: [Feature Name]", "Feature Specification: [Feature Name]", true)]
    [InlineData("Feature Specification: [Feature Name]", "Feature Spec: CSV", false)]
    [InlineData("[Feature Name]", "Anything at all", true)]
    [InlineData("Endpoint: [HTTP Method] [Path]", "Endpoint: GET /users", true)]
    [InlineData("[Area] Notes", "Security Notes", true)]
    [InlineData("[Area] Notes", "Security Remarks", false)]
    [InlineData("YYYY-MM-DD", "2026-01-05", true)]
    public void TitlePattern_Placeholders_MatchAnyText(string template, string title, bool expected)
    {
        var pattern = TitlePattern.TryCreate(SectionTitles.Normalize(template));

        Assert.NotNull(pattern);
        Assert.Equal(expected, pattern.IsMatch(SectionTitles.Normalize(title)));
    }

    [Fact]
    public void TitlePattern_FixedTitle_IsNull() => Assert.Null(TitlePattern.TryCreate("overview"));
}
