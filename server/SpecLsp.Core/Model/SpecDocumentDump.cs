using System.Globalization;
using System.Text;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Model;

/// <summary>What <see cref="SpecDocumentDump"/> writes besides the outline (sections, metadata, IDs, front matter, diagnostics).</summary>
[Flags]
public enum SpecDumpDetail
{
    /// <summary>The outline only.</summary>
    None = 0,

    /// <summary>ID mentions.</summary>
    Mentions = 1,

    /// <summary>Links and reference definitions.</summary>
    Links = 2,

    /// <summary>Task items.</summary>
    Tasks = 4,

    /// <summary>Code blocks and inline code spans.</summary>
    Code = 8,

    /// <summary>HTML comments and explicit anchors.</summary>
    Html = 16,

    /// <summary>Block spans (paragraphs, list items, tables, block quotes, HTML blocks).</summary>
    Blocks = 32,

    /// <summary>Everything but block spans.</summary>
    All = Mentions | Links | Tasks | Code | Html,
}

/// <summary>How <see cref="SpecDocumentDump"/> writes a position.</summary>
public enum SpecDumpPositions
{
    /// <summary><c>(line,character)</c>, zero-based, as the model and LSP count: what tests compare.</summary>
    ZeroBased,

    /// <summary><c>line:column</c>, one-based, as editors show them and <c>speclsp check</c> prints them.</summary>
    OneBased,
}

/// <summary>
/// A readable text dump of a <see cref="SpecDocument"/>, one node a line: the section tree indented by depth,
/// each node under the deepest section that holds it, positions as <c>(line,character)</c>, zero-based (tests
/// compare it with expected text), or as <c>line:column</c>, one-based (<c>speclsp outline</c>, so that a user
/// sees what the server sees, counted as <c>speclsp check</c> and the editor count).
/// </summary>
public static class SpecDocumentDump
{
    /// <summary>The outline: front matter, metadata, sections with their anchors, defined IDs and parse diagnostics.</summary>
    public static string Write(SpecDocument document) => Write(document, SpecDumpDetail.None);

    /// <summary>The outline plus the nodes <paramref name="detail"/> asks for.</summary>
    public static string Write(SpecDocument document, SpecDumpDetail detail) => Write(document, detail, SpecDumpPositions.ZeroBased);

    /// <summary>The outline plus the nodes <paramref name="detail"/> asks for, positions written as <paramref name="positions"/> says.</summary>
    public static string Write(SpecDocument document, SpecDumpDetail detail, SpecDumpPositions positions)
    {
        ArgumentNullException.ThrowIfNull(document);
        bool oneBased = positions == SpecDumpPositions.OneBased;
        string R(TextRange range) => oneBased
            ? string.Create(CultureInfo.InvariantCulture, $"{range.Start.Line + 1}:{range.Start.Character + 1}-{range.End.Line + 1}:{range.End.Character + 1}")
            : range.ToString();
        var items = new List<(Position At, int Order, string Line)>();
        void Add(Position at, string line) => items.Add((at, items.Count, line));

        if (document.FrontMatter is { } frontMatter)
        {
            Add(frontMatter.Range.Start, $"FRONTMATTER {R(frontMatter.Range)}{(frontMatter.IsValid ? string.Empty : " invalid")}");
        }

        foreach (var field in document.Metadata)
        {
            Add(field.KeyRange.Start, $"META {field.Key} = {Quote(field.Value)} {R(field.KeyRange)} {R(field.ValueRange)} {field.Style}");
        }

        foreach (var definition in document.IdDefinitions)
        {
            Add(definition.Range.Start, $"ID {definition.Id} {Quote(definition.Title)} {R(definition.Range)} {definition.Kind}");
        }

        if (detail.HasFlag(SpecDumpDetail.Mentions))
        {
            foreach (var mention in document.IdMentions)
            {
                Add(mention.Range.Start, $"MENTION {mention.Id} {R(mention.Range)}");
            }
        }

        if (detail.HasFlag(SpecDumpDetail.Links))
        {
            foreach (var link in document.Links)
            {
                string target = link.Kind == LinkKind.Reference ? $"[{link.Label}]" : link.Destination ?? string.Empty;
                Add(link.Range.Start, $"{(link.IsImage ? "IMAGE" : "LINK")} {link.Kind} {Quote(link.Text)} -> {Quote(target)} {R(link.Range)} target {R(link.TargetRange)}{(link.IsUndefined ? " undefined" : string.Empty)}");
            }

            foreach (var definition in document.ReferenceDefinitions)
            {
                Add(definition.Range.Start, $"REFDEF [{definition.Label}] -> {Quote(definition.Destination)} {R(definition.Range)} label {R(definition.LabelRange)} dest {R(definition.DestinationRange)}");
            }
        }

        if (detail.HasFlag(SpecDumpDetail.Tasks))
        {
            foreach (var task in document.TaskItems)
            {
                Add(task.Range.Start, $"TASK [{(task.IsChecked ? "x" : " ")}] {Quote(task.Text)} {R(task.Range)} box {R(task.CheckboxRange)}");
            }
        }

        if (detail.HasFlag(SpecDumpDetail.Code))
        {
            foreach (var code in document.CodeBlocks)
            {
                int lines = code.Content.Length == 0 ? 0 : code.Content.Count(c => c == '\n') + 1;
                Add(code.Range.Start, $"CODE {(code.IsFenced ? "fenced" : "indented")} {code.Info ?? "-"} {R(code.Range)} {lines.ToString(CultureInfo.InvariantCulture)} line{(lines == 1 ? string.Empty : "s")}");
            }

            foreach (var span in document.CodeSpans)
            {
                Add(span.Start, $"CODESPAN {Quote(document.Source.GetText(span))} {R(span)}");
            }
        }

        if (detail.HasFlag(SpecDumpDetail.Html))
        {
            foreach (var comment in document.HtmlComments)
            {
                Add(comment.Range.Start, $"COMMENT {Quote(comment.Content)} {R(comment.Range)}");
            }

            foreach (var anchor in document.ExplicitAnchors)
            {
                Add(anchor.Range.Start, $"ANCHOR #{anchor.Name} {R(anchor.Range)}");
            }
        }

        if (detail.HasFlag(SpecDumpDetail.Blocks))
        {
            foreach (var block in document.Blocks)
            {
                Add(block.Range.Start, $"BLOCK {block.Kind} {R(block.Range)}");
            }
        }

        foreach (var diagnostic in document.ParseDiagnostics)
        {
            Add(diagnostic.Range.Start, $"DIAGNOSTIC {diagnostic.Code} {diagnostic.Severity} {R(diagnostic.Range)} {Quote(diagnostic.Message)}");
        }

        items.Sort(static (a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Order.CompareTo(b.Order));

        var output = new StringBuilder();
        int next = 0;
        void WriteItemsBefore(Position end, int depth, bool inclusiveEnd)
        {
            while (next < items.Count && (items[next].At < end || (inclusiveEnd && items[next].At == end)))
            {
                output.Append(' ', depth * 2).Append(items[next].Line).Append('\n');
                next++;
            }
        }

        var endOfText = document.Source.FullRange.End;

        // Pre-order walk with an explicit stack; a section's items are written before its first child.
        var stack = new Stack<(Section Section, int Depth, bool Entered)>();
        for (int i = document.Sections.Length - 1; i >= 0; i--)
        {
            stack.Push((document.Sections[i], 0, false));
        }

        if (document.Sections.Length > 0)
        {
            WriteItemsBefore(document.Sections[0].Range.Start, 0, false);
        }

        while (stack.Count > 0)
        {
            var (section, depth, entered) = stack.Pop();
            if (entered)
            {
                // Items after the last child but still in this section.
                WriteItemsBefore(section.Range.End, depth + 1, section.Range.End == endOfText);
                continue;
            }

            output.Append(' ', depth * 2)
                .Append('H').Append(section.Level.ToString(CultureInfo.InvariantCulture)).Append(' ')
                .Append(Quote(section.Title)).Append(' ').Append(R(section.Range))
                .Append(" #").Append(section.Anchor)
                .Append(section.IsSetext ? " setext" : string.Empty)
                .Append('\n');
            var until = section.Children.Length > 0 ? section.Children[0].Range.Start : section.Range.End;
            WriteItemsBefore(until, depth + 1, section.Children.Length == 0 && section.Range.End == endOfText);
            stack.Push((section, depth, true));
            for (int i = section.Children.Length - 1; i >= 0; i--)
            {
                stack.Push((section.Children[i], depth + 1, false));
            }
        }

        WriteItemsBefore(endOfText, 0, true);
        return output.ToString();
    }

    private static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (char c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
