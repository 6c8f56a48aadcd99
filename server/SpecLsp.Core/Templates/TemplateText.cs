using System.Text;

namespace SpecLsp.Core.Templates;

/// <summary>
/// Turns template text into editor snippets: each placeholder (<c>[Requirement Name]</c>) becomes a tabstop
/// (<c>${1:Requirement Name}</c>) and every other <c>$</c>, <c>}</c> and <c>\</c> is escaped. A placeholder is a
/// bracketed text on one line outside fenced code that is not a task box (<c>[ ]</c>, <c>[x]</c>), a link
/// (<c>[text](url)</c>, <c>[text][label]</c>), a reference definition (<c>[label]:</c>) or an index (<c>a[0]</c>).
/// </summary>
public static class TemplateText
{
    /// <summary>The snippet of <paramref name="text"/>, with <c>$0</c> at its end.</summary>
    public static string ToSnippet(string text)
    {
        var builder = new StringBuilder(text.Length + 32);
        int tabstop = 1;
        bool inFence = false;
        string fence = string.Empty;
        var lines = text.Split('\n');
        for (int l = 0; l < lines.Length; l++)
        {
            string line = lines[l];
            if (l > 0)
            {
                builder.Append('\n');
            }

            string trimmed = line.TrimStart();
            if (!inFence && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal)))
            {
                inFence = true;
                fence = trimmed[..3];
                Escape(builder, line);
                continue;
            }

            if (inFence)
            {
                if (trimmed.StartsWith(fence, StringComparison.Ordinal) && trimmed.Trim().Trim(fence[0]).Length == 0)
                {
                    inFence = false;
                }

                Escape(builder, line);
                continue;
            }

            int at = 0;
            foreach (var (start, length) in Placeholders(line))
            {
                Escape(builder, line.AsSpan(at, start - at));
                builder.Append("${").Append(tabstop++).Append(':');
                Escape(builder, line.AsSpan(start + 1, length - 2));
                builder.Append('}');
                at = start + length;
            }

            Escape(builder, line.AsSpan(at));
        }

        builder.Append("$0");
        return builder.ToString();
    }

    /// <summary>The placeholders of one line outside code: start offset and length, brackets included.</summary>
    public static IEnumerable<(int Start, int Length)> Placeholders(string line)
    {
        int i = 0;
        while (i < line.Length)
        {
            int open = line.IndexOf('[', i);
            if (open < 0)
            {
                yield break;
            }

            int close = line.IndexOf(']', open + 1);
            if (close < 0)
            {
                yield break;
            }

            int nested = line.IndexOf('[', open + 1, close - open - 1);
            if (nested >= 0)
            {
                i = nested;
                continue;
            }

            var inner = line.AsSpan(open + 1, close - open - 1);
            bool isTaskBox = inner is " " or "x" or "X";
            bool isLink = close + 1 < line.Length && line[close + 1] is '(' or '[' or ':';
            bool isIndexOrImage = open > 0 && (char.IsLetterOrDigit(line[open - 1]) || line[open - 1] is '!' or ']' or '_');
            if (inner.Trim().Length > 0 && inner.Length <= 100 && !isTaskBox && !isLink && !isIndexOrImage)
            {
                yield return (open, close - open + 1);
            }

            i = close + 1;
        }
    }

    private static void Escape(StringBuilder builder, ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (c is '$' or '}' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }
    }
}
