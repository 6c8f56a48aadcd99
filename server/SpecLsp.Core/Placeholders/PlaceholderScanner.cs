using System.Collections.Immutable;
using SpecLsp.Core.Analysis;
using SpecLsp.Core.Metadata;
using SpecLsp.Core.Model;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Placeholders;

/// <summary>
/// Finds template text a spec author has not filled in. Conservative by design: a missed placeholder costs less
/// than a false one, so every rule below needs positive evidence of a template.
/// </summary>
/// <remarks>
/// <para><b>Where nothing is ever reported:</b> fenced and indented code, code spans, HTML comments and HTML
/// blocks, front matter, links <c>[text](url)</c> and <c>[text][ref]</c> (both halves), link reference
/// definitions, task boxes <c>[ ]</c>/<c>[x]</c>, footnotes <c>[^1]</c>, images, GitHub alerts <c>[!NOTE]</c>,
/// escaped brackets <c>\[</c>, brackets glued to a word before or after them (<c>list[int]</c>,
/// <c>non-[EC]DHE</c>; only a unit may follow a one-letter token, <c>[X]ms</c>), and a bracket opening a line
/// before more text, the changelog-tag convention (<c>- [Core] Fix the cache</c>).</para>
/// <para><b>A bracket <c>[…]</c> on one line is a placeholder when its content is</b>:
/// <list type="bullet">
/// <item>an option list, two or more short options split by <c>|</c>: <c>[Draft | In Review | Approved]</c>;</item>
/// <item><c>NEEDS CLARIFICATION: …</c>;</item>
/// <item>a mask or token in capitals: <c>[YYYY-MM-DD]</c>, <c>[FEATURE_NAME]</c>, <c>[NUMBER]</c>, or one of the
/// letters X, Y, Z, N (<c>[X]ms</c>, <c>≥[X]/10</c>);</item>
/// <item>a single word written as a noun, <c>[Description]</c>, or alternatives joined by <c>/</c>,
/// <c>[Library/Service]</c>, <c>[Unit/Integration/E2E]</c>; not an identifier or acronym alone
/// (<c>[DynamicProxy]</c>, <c>[API]</c>);</item>
/// <item>a phrase of two to 20 words that starts with a capital letter: <c>[Feature Name]</c>,
/// <c>[X days/weeks]</c>, <c>[Brief description of what this feature does]</c>;</item>
/// <item>a phrase of at most four lower-case words (<c>[user type]</c>, <c>[benefit/value]</c>) only with more
/// evidence: it holds a <c>/</c>, or its line holds another bracket, or it follows a bold label
/// (<c>**As a** [user type]</c>).</item>
/// </list>
/// With the template known, a phrase, a word or an unlabelled option list is a placeholder only when the template
/// has it (see <c>templatePlaceholders</c> of <see cref="Scan(SpecDocument, MetadataSchema?, ImmutableHashSet{string}?, CancellationToken)"/>); without it, never a test label or a word on a line
/// of test labels (<c>[Serial]</c>, <c>[sig-network]</c>, <c>[Feature:X]</c>), a unit (<c>[ms]</c>, <c>[ns/op]</c>)
/// or a single word right after a word (<c>Pod [Guaranteed]</c>). Never anything in quotes (<c>"sync [ns]/[name]"</c>,
/// single quotes, backticks), an open-debate marker (<c>&lt;&lt;[UNRESOLVED …]&gt;&gt;</c>) or a tag opening a
/// heading or a bold label (<c>#### [Later] Windows</c>, <c>**[New] Pooling:**</c>).
/// Never: editorial tags (<c>[sic]</c>, <c>[citation needed]</c>, <c>[WIP]</c>, <c>[Optional]</c>), single
/// letters other than the tokens (<c>[x]</c>), numbers (<c>[1]</c>, <c>[2-3]</c>), or anything with code-like
/// characters (<c>= &lt; &gt; { } " @ `</c>, <c>://</c>).</para>
/// <para><b>Bare tokens</b> (whole words, case-sensitive, not in quotes): <c>YYYY-MM-DD</c> (and
/// <c>DD/MM/YYYY</c>, <c>MM/DD/YYYY</c>), <c>X.Y.Z</c>, <c>TBD</c> (not as a word of a sentence: "a TBD follow-up",
/// "(details TBD)"); <c>TODO</c> only before a colon or alone on its line ("TODO: decide" is a marker, "remove
/// outdated TODO" a mention); an <c>X</c> right after a comparison inside a line (<c>&lt; X ms</c>, not a block
/// quote's <c>&gt; X</c> nor a comparison of two variables, <c>Y &gt; X</c>).</para>
/// <para><b>Option lists without brackets</b> as a labelled value: three or more options split by <c>|</c>, each
/// at most four words starting with a capital (<c>📋 Planned | 🚧 In Progress | ✅ Implemented</c>,
/// <c>Package | Application | Feature</c>), or two or more when the template lists the same options. The full
/// Low/Medium/High scale as a whole table cell or value (<c>Low/Medium/High</c>, any order) is an option list
/// too: all three levels together say nothing. <c>Medium/High</c> is a choice and is not reported.</para>
/// <para><b>Empty fill-ins</b>: a list item with no text (<c>3.</c>); a list item that is only a label with a
/// colon (<c>- **Accessibility**:</c>) followed by a sibling item, a heading or the end (not by nested content,
/// a continuation line, or a block the label introduces); the rows of a table whose body rows are all empty (an
/// empty row in a filled table is layout). A row of bracketed placeholders gets one diagnostic per bracket, not
/// one for the row.</para>
/// <para>One file a rule family: <c>PlaceholderScanner.Brackets.cs</c>, <c>.Tokens.cs</c>, <c>.OptionLists.cs</c>,
/// <c>.FillIns.cs</c> (lists and tables as the model has them) and <c>.Quotes.cs</c>, the quote rule the first two
/// share; this file walks the lines and calls them.</para>
/// </remarks>
public static partial class PlaceholderScanner
{
    private const int MaxLineLength = 4000;
    private const int MaxPhraseWords = 20;
    private const int MaxPhraseLength = 120;

    /// <summary>Every placeholder of <paramref name="document"/>, in document order.</summary>
    /// <param name="document">The spec.</param>
    /// <param name="schema">What its template says about metadata (option lists); <see cref="MetadataSchema.Empty"/> when unknown.</param>
    /// <param name="templatePlaceholders">
    /// The bracketed placeholders of the spec's template (<see cref="TemplateFacts.Placeholders"/>), or null when it is
    /// not known. When known, a bracketed phrase or word (<c>[Feature Name]</c>, <c>[persona]</c>) and an option list
    /// outside a labelled value are placeholders only when the template has them: the rest is the author's own text
    /// written in brackets (<c>- [Cache warms up slowly]</c>, <c>[Serial]</c>).
    /// </param>
    /// <param name="cancellationToken">Stops a long scan.</param>
    public static ImmutableArray<Placeholder> Scan(SpecDocument document, MetadataSchema? schema = null, ImmutableHashSet<string>? templatePlaceholders = null, CancellationToken cancellationToken = default) =>
        Scan(new SpecSnapshot(document), schema, templatePlaceholders, cancellationToken);

    /// <summary>As <see cref="Scan(SpecDocument, MetadataSchema?, ImmutableHashSet{string}?, CancellationToken)"/>, reading the version's masks and labelled lines from <paramref name="snapshot"/>.</summary>
    public static ImmutableArray<Placeholder> Scan(SpecSnapshot snapshot, MetadataSchema? schema = null, ImmutableHashSet<string>? templatePlaceholders = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var document = snapshot.Document;
        schema ??= MetadataSchema.Empty;
        var source = document.Source;
        var nonProse = snapshot.NonProse;
        var syntax = TextMask.BracketSyntax(document);
        var structure = new Structure(document);
        var found = new List<Placeholder>();
        var labeled = snapshot.LabeledLines;
        var labeledByLine = labeled.ToDictionary(l => l.Line);

        for (int line = 0; line < source.LineCount; line++)
        {
            if ((line & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            int lineStart = source.Lines.GetLineStart(line);
            int lineEnd = source.Lines.GetLineEnd(line, source.Text);
            if (lineEnd == lineStart || lineEnd - lineStart > MaxLineLength || nonProse.Covers(lineStart, lineEnd))
            {
                continue;
            }

            var text = source.Text.AsSpan(lineStart, lineEnd - lineStart);
            int before = found.Count;
            labeledByLine.TryGetValue(line, out var label);
            if (label is not null && UnbracketedOptions(label, schema) is { } options && !nonProse.Overlaps(lineStart + label.ValueRange.Start.Character, lineStart + label.ValueRange.End.Character))
            {
                found.Add(new Placeholder(label.ValueRange, PlaceholderKind.OptionList, label.Value) { Options = options, Key = label.Key });
            }
            else
            {
                ScanBrackets(text, line, lineStart, nonProse, syntax, found, label, templatePlaceholders, schema);
                ScanTokens(text, line, lineStart, nonProse, found, before);
                if (label is not null && IsFullScale(label.Value))
                {
                    found.Add(new Placeholder(label.ValueRange, PlaceholderKind.OptionList, label.Value) { Options = ScaleOptions(label.Value), Key = label.Key });
                }
            }

            if (!structure.HeadingLines.Contains(line))
            {
                ScanEmptyFillIn(document, structure, line, label, found);
            }
        }

        ScanTables(document, nonProse, found);
        found.Sort(static (a, b) => a.Range.Start.CompareTo(b.Range.Start));
        return [.. found];
    }

    /// <summary>True for a date mask such as <c>YYYY-MM-DD</c>, <c>DD/MM/YYYY</c>, <c>Date</c>, <c>Start Date</c>.</summary>
    public static bool IsDateMask(string text)
    {
        var t = text.Trim();
        return t is "YYYY-MM-DD" or "DD/MM/YYYY" or "MM/DD/YYYY" or "YYYY-MM" || string.Equals(t, "Date", StringComparison.OrdinalIgnoreCase)
            || (t.EndsWith(" Date", StringComparison.OrdinalIgnoreCase) && t.Length < 30 && !t.Contains('|', StringComparison.Ordinal));
    }

    /// <summary>The comparison form of a bracket's content: lower case, single spaces, digit runs as <c>#</c> (<c>[Metric 3]</c> is <c>[Metric 1]</c>).</summary>
    public static string PlaceholderKey(ReadOnlySpan<char> content)
    {
        var builder = new System.Text.StringBuilder(content.Length);
        foreach (char c in content.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else if (char.IsAsciiDigit(c))
            {
                if (builder.Length == 0 || builder[^1] != '#')
                {
                    builder.Append('#');
                }
            }
            else
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
