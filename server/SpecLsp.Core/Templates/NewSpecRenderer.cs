using System.Globalization;
using System.Text;

namespace SpecLsp.Core.Templates;

/// <summary>Renders a new spec from a template: the title put into the H1 and today's date into the creation fields.</summary>
public static class NewSpecRenderer
{
    private static readonly string[] s_dateKeys = ["created", "created date", "date created", "last updated", "updated", "spec id", "date"];
    private static readonly string[] s_datePlaceholders = ["[YYYY-MM-DD]", "YYYY-MM-DD", "[Date]", "[date]", "[DATE]"];

    /// <summary>
    /// The text of a new spec from <paramref name="template"/>: the H1's first placeholder (or, without one, its
    /// whole text) replaced by <paramref name="title"/> when given and the template has a title heading, and the date placeholder of each Created, Last
    /// Updated and Spec ID field replaced by <paramref name="today"/>. Line breaks are <c>\n</c>.
    /// </summary>
    public static string Render(SpecTemplate template, string? title, DateOnly today)
    {
        string date = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var lines = template.Body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        bool titleDone = string.IsNullOrWhiteSpace(title) || !template.HasTitle;
        bool inFence = false;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            string trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                continue;
            }

            if (!titleDone && trimmed.StartsWith("# ", StringComparison.Ordinal))
            {
                lines[i] = WithTitle(line, title!.Trim());
                titleDone = true;
                continue;
            }

            if (IsDateField(trimmed))
            {
                foreach (var placeholder in s_datePlaceholders)
                {
                    int at = line.IndexOf(placeholder, StringComparison.Ordinal);
                    if (at >= 0)
                    {
                        lines[i] = string.Concat(line.AsSpan(0, at), date, line.AsSpan(at + placeholder.Length));
                        break;
                    }
                }
            }
        }

        var text = string.Join('\n', lines);
        return text.EndsWith('\n') ? text : text + "\n";
    }

    private static string WithTitle(string line, string title)
    {
        int open = line.IndexOf('[', StringComparison.Ordinal);
        int close = open < 0 ? -1 : line.IndexOf(']', open + 1);
        if (open >= 0 && close > open)
        {
            return string.Concat(line.AsSpan(0, open), title, line.AsSpan(close + 1));
        }

        return "# " + title;
    }

    private static bool IsDateField(string line)
    {
        var key = new StringBuilder();
        foreach (char c in line)
        {
            if (c == ':')
            {
                break;
            }

            if (char.IsLetter(c) || c == ' ')
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        string k = key.ToString().Trim();
        return line.Contains(':', StringComparison.Ordinal) && s_dateKeys.Contains(k, StringComparer.Ordinal);
    }
}
