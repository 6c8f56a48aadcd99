using System.Text;
using SpecLsp.Core.CodeActions;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Symbols;

/// <summary>
/// The "table of contents" source action: a nested list of links to the document's sections between
/// <c>&lt;!-- toc --&gt;</c> and <c>&lt;!-- tocstop --&gt;</c> (or <c>&lt;!-- /toc --&gt;</c>, as the KEP template and
/// mdtoc write it). Inserted at the caret's line when there is none; replaced in place when there is one.
/// </summary>
public static class TableOfContents
{
    /// <summary>The action's kind.</summary>
    public const string Kind = "source.speclsp.tableOfContents";

    private const string Start = "<!-- toc -->";
    private const string End = "<!-- tocstop -->";

    /// <summary>The list for <paramref name="document"/>: its sections below the title (all of them without one), nested two spaces a level of the tree, lines ending in LF.</summary>
    public static string Render(SpecDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var builder = new StringBuilder();
        void Walk(IEnumerable<Section> sections, int depth)
        {
            foreach (var section in sections)
            {
                if (section == document.Title)
                {
                    Walk(section.Children, depth);
                    continue;
                }

                if (!IsContentsHeading(section.Title))
                {
                    builder.Append(' ', depth * 2).Append("- [").Append(Escape(section.Title)).Append("](#").Append(section.Anchor).Append(")\n");
                }

                Walk(section.Children, depth + 1);
            }
        }

        Walk(document.Sections, 0);
        return builder.ToString();
    }

    /// <summary>
    /// "Update table of contents" when the document has one (null when it is already current), else "Insert table of
    /// contents" at the start of <paramref name="caret"/>'s line; null for a document without sections.
    /// </summary>
    public static SpecCodeAction? Action(SpecDocument document, Position caret)
    {
        ArgumentNullException.ThrowIfNull(document);
        var list = Render(document);
        if (list.Length == 0)
        {
            return null;
        }

        var source = document.Source;
        string lineBreak = source.Text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        list = list.Replace("\n", lineBreak, StringComparison.Ordinal);
        if (Find(document) is var (startLine, endLine))
        {
            var range = new TextRange(startLine + 1, 0, endLine, 0);
            if (source.GetText(range) == list)
            {
                return null;
            }

            return new SpecCodeAction("Update table of contents", Kind, [new SpecTextEdit(range, list)]) { IsSafeToAutoApply = true };
        }

        int line = Math.Min(caret.Line, source.LineCount - 1);
        var at = new Position(Math.Max(line, 0), 0);
        var text = Start + lineBreak + list + End + lineBreak + (source.GetLineText(at.Line).Trim().Length == 0 ? string.Empty : lineBreak);
        return new SpecCodeAction("Insert table of contents", Kind, [new SpecTextEdit(new TextRange(at, at), text)]);
    }

    /// <summary>True when <paramref name="line"/> lies between (or on) the markers of the document's table of contents.</summary>
    public static bool Contains(SpecDocument document, int line)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Find(document) is var (start, end) && line >= start && line <= end;
    }

    // The lines of the start and end markers: HTML comments of their own line, as the parser found them (a marker in
    // a code block is not a comment); read from the model, since code actions are asked on every caret move.
    private static (int Start, int End)? Find(SpecDocument document)
    {
        int? start = null;
        foreach (var comment in document.HtmlComments)
        {
            bool ownLine = comment.Range.Start.Line == comment.Range.End.Line
                && document.Source.GetLineText(comment.Range.Start.Line).Trim().Length == comment.Range.End.Character - comment.Range.Start.Character;
            if (!ownLine)
            {
                continue;
            }

            if (start is null && comment.Content.Equals("toc", StringComparison.OrdinalIgnoreCase))
            {
                start = comment.Range.Start.Line;
            }
            else if (start is { } s && (comment.Content.Equals("tocstop", StringComparison.OrdinalIgnoreCase) || comment.Content.Equals("/toc", StringComparison.OrdinalIgnoreCase)))
            {
                return (s, comment.Range.Start.Line);
            }
        }

        return null;
    }

    private static bool IsContentsHeading(string title) =>
        title.Equals("Table of Contents", StringComparison.OrdinalIgnoreCase) || title.Equals("Contents", StringComparison.OrdinalIgnoreCase) || title.Equals("TOC", StringComparison.OrdinalIgnoreCase);

    private static string Escape(string title) => title.Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
}
