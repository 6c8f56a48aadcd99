using System.Globalization;
using System.Text;

namespace SpecLsp.Benchmarks;

/// <summary>Generates a realistic spec in the templates' styles: metadata, nested sections, IDs, tasks, tables, code, links.</summary>
internal static class SpecGenerator
{
    public static string Generate(int targetLines)
    {
        var text = new StringBuilder();
        int lines = 0;
        void Line(string line = "")
        {
            text.Append(line).Append('\n');
            lines++;
        }

        Line("# Feature Specification: Export Pipeline");
        Line();
        Line("**Feature ID:** `export_pipeline`");
        Line("**Status:** Draft");
        Line("**Created:** 2026-01-05");
        Line("**Spec ID:** SPEC-2026-01-05-001");
        Line();
        int part = 0;
        int fr = 0;
        while (lines < targetLines)
        {
            part++;
            string p = part.ToString(CultureInfo.InvariantCulture);
            Line($"## {p}. Area {p}: Requirements & Design");
            Line();
            Line($"This area covers the export of reports for team {p}. See FR{Math.Max(1, fr)} and [the overview](#overview) or [docs](./docs/area-{p}.md#details).");
            Line("It must stay fast under load; *emphasis*, **strong** and `inline code` appear in prose.");
            Line();
            Line($"### {p}.1 Functional Requirements");
            Line();
            for (int i = 0; i < 4; i++)
            {
                fr++;
                string id = fr.ToString(CultureInfo.InvariantCulture);
                Line($"#### FR{id}: Export format {id}");
                Line($"**Description:** The system exports data set {id} as CSV, depends on FR{Math.Max(1, fr - 1)}.");
                Line("**Acceptance Criteria:**");
                Line($"- [ ] Criterion {id}.1 is met");
                Line($"- [x] Criterion {id}.2 is met");
                Line();
            }

            Line($"### {p}.2 Non-Functional Requirements");
            Line();
            Line("| ID | Requirement | Target |");
            Line("|----|-------------|--------|");
            for (int i = 0; i < 3; i++)
            {
                Line($"| NFR{part * 3 + i} | Latency of step {i} | < {100 + i} ms |");
            }

            Line();
            Line($"### {p}.3 Data Model");
            Line();
            Line("```python");
            Line("@dataclass");
            Line($"class Export{p}:");
            Line("    name: str  # [Description]");
            Line("```");
            Line();
            Line("<!-- Describe the data model changes here -->");
            Line();
            Line("> **Note**: review with the data team.");
            Line();
        }

        Line("---");
        Line("Created: 2026-01-05");
        Line("Owner: Ann");
        return text.ToString();
    }
}
