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
/// </remarks>
public static class PlaceholderScanner
{
    private const int MaxLineLength = 4000;
    private const int MaxPhraseWords = 20;
    private const int MaxPhraseLength = 120;

    private static readonly HashSet<string> s_editorial = new(StringComparer.OrdinalIgnoreCase)
    {
        "sic", "sic!", "citation needed", "emphasis added", "emphasis mine", "edited", "optional", "required", "wip",
        "deprecated", "experimental", "beta", "alpha", "new", "breaking", "note", "tip", "warning", "important",
        "caution", "done", "blocked", "obsolete", "removed", "updated", "draft", "redacted", "translated", "n/a",
    };

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
        var headingLines = HeadingLines(document);
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

            if (!headingLines.Contains(line))
            {
                ScanEmptyFillIn(document, text, line, label, found);
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

    /// <summary>Classifies the content of a bracket; null when it is not a placeholder. <paramref name="weak"/> marks a lower-case phrase that needs more evidence.</summary>
    internal static PlaceholderKind? ClassifyBracket(string content, out bool weak)
    {
        weak = false;
        var text = content.Trim();
        if (text.Length == 0 || text[0] is '^' or '!' or '#' or '@')
        {
            return null;
        }

        if (text.StartsWith("NEEDS CLARIFICATION", StringComparison.OrdinalIgnoreCase))
        {
            // Bare, it names the marker ("No [NEEDS CLARIFICATION] markers remain"); a left one asks its question.
            return text.Length == "NEEDS CLARIFICATION".Length ? null : PlaceholderKind.NeedsClarification;
        }

        if (text.Length > MaxPhraseLength || text.IndexOfAny(['=', '<', '>', '{', '}', '"', '`', '@', '\\', '*']) >= 0 || text.Contains("://", StringComparison.Ordinal))
        {
            return null;
        }

        if (text.Contains('|', StringComparison.Ordinal))
        {
            return OptionList.Parse(text).IsEmpty ? null : PlaceholderKind.OptionList;
        }

        if (!text.Any(char.IsLetter))
        {
            return null;
        }

        if (IsDateMask(text))
        {
            return PlaceholderKind.Date;
        }

        if (text is "X" or "Y" or "Z" or "N")
        {
            return PlaceholderKind.Token;
        }

        if (s_editorial.Contains(text))
        {
            return null;
        }

        if (IsCapitalToken(text))
        {
            return PlaceholderKind.Token;
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (char.IsUpper(text[0]))
        {
            if (words.Length == 1)
            {
                return IsPlaceholderWord(text) ? PlaceholderKind.Text : null;
            }

            return words.Length <= MaxPhraseWords ? PlaceholderKind.Text : null;
        }

        if (char.IsLower(text[0]) && words.Length <= 4 && text.Length > 1 && text.All(c => char.IsLetterOrDigit(c) || c is ' ' or '/' or '_' or '-' or '\''))
        {
            weak = true;
            return PlaceholderKind.Text;
        }

        return null;
    }

    // A single word is a placeholder when written like a noun ("Description", "Library/Service"), not like an
    // identifier or a tag ("DynamicProxy", "API").
    private static bool IsPlaceholderWord(string word)
    {
        var parts = word.Split('/');
        foreach (var part in parts)
        {
            bool noun = part.Length >= 2 && char.IsLetter(part[0]) && part.Skip(1).All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
            bool acronymAmongAlternatives = parts.Length > 1 && part.Length is >= 2 and <= 4 && part.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));
            if (!noun && !acronymAmongAlternatives)
            {
                return false;
            }
        }

        return char.IsUpper(word[0]);
    }

    private static bool IsCapitalToken(string text)
    {
        // FEATURE_NAME, NUMBER, SPEC-ID: capitals with at least one underscore, or a single capital word of 4+ letters.
        if (!text.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is '_' or '-'))
        {
            return false;
        }

        return text.Contains('_', StringComparison.Ordinal) || text is "NUMBER" or "NAME" or "DATE" or "VERSION" or "ID" or "TBD" or "TODO" or "URL" or "DESCRIPTION" or "OWNER" or "AUTHOR";
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

    /// <summary>
    /// The brackets of one line that may be placeholders, by the line's own syntax alone (no masks): start, end
    /// (after <c>]</c>) and content. Used on template text, whose HTML comments hold placeholders too.
    /// </summary>
    internal static IEnumerable<(int Start, int End, string Content)> CandidateBrackets(string text)
    {
        int i = 0;
        while (i < text.Length)
        {
            int open = text.IndexOf('[', i);
            if (open < 0)
            {
                yield break;
            }

            int close = open + 1;
            while (close < text.Length && text[close] != ']' && text[close] != '[')
            {
                close++;
            }

            if (close >= text.Length)
            {
                yield break;
            }

            if (text[close] == '[')
            {
                i = close;
                continue;
            }

            i = close + 1;
            if (!IsEscaped(text, open) && IsBracketContext(text, open, close) && !InQuotes(text, open, close))
            {
                yield return (open, close + 1, text[(open + 1)..close]);
            }
        }
    }

    private static void ScanBrackets(ReadOnlySpan<char> text, int line, int lineStart, TextMask nonProse, TextMask syntax, List<Placeholder> found, LabeledLine? label, ImmutableHashSet<string>? known, MetadataSchema schema)
    {
        var candidates = new List<(int Start, int End, PlaceholderKind Kind, bool Weak)>();
        int i = 0;
        int bracketsOnLine = 0;
        bool tagLine = false;
        while (i < text.Length)
        {
            int open = text[i..].IndexOf('[');
            if (open < 0)
            {
                break;
            }

            open += i;
            int close = open + 1;
            while (close < text.Length && text[close] != ']' && text[close] != '[')
            {
                close++;
            }

            if (close >= text.Length)
            {
                break;
            }

            if (text[close] == '[')
            {
                i = close;
                continue;
            }

            i = close + 1;
            bracketsOnLine++;
            if (IsEscaped(text, open) || !IsBracketContext(text, open, close) || InQuotes(text, open, close))
            {
                continue;
            }

            if (nonProse.Overlaps(lineStart + open, lineStart + close + 1) || syntax.Overlaps(lineStart + open, lineStart + close + 1))
            {
                continue;
            }

            var content = text[(open + 1)..close].ToString();
            if (IsTestTag(content))
            {
                tagLine = true;
            }

            if (ClassifyBracket(content, out bool weak) is { } kind)
            {
                candidates.Add((open, close + 1, kind, weak));
            }
        }

        foreach (var (start, end, kind, weak) in candidates)
        {
            var content = text[(start + 1)..(end - 1)];
            bool labelled = label is not null && label.ValueRange.Start.Character == start;
            if (known is not null && kind is PlaceholderKind.Text or PlaceholderKind.OptionList)
            {
                // The template is the evidence: what it does not have is the author's own text in brackets. An
                // option list is also unchosen as a labelled value (**Status:** [Draft | Final]), and so is a whole
                // value in brackets where the template's value for that label is one (an older template's words).
                bool templateSlot = labelled && end == label!.ValueRange.End.Character && label.NormalizedKey is { } normalizedKey
                    && schema.TemplateValues.TryGetValue(normalizedKey, out var templateValue) && templateValue.StartsWith('[') && templateValue.EndsWith(']');
                if (!known.Contains(PlaceholderKey(content)) && !(kind == PlaceholderKind.OptionList && labelled) && !templateSlot)
                {
                    continue;
                }
            }
            else if (kind == PlaceholderKind.Text && !IsFillIn(text, start, end, weak, bracketsOnLine, tagLine))
            {
                continue;
            }

            var raw = text[start..end].ToString();
            string? key = labelled ? label!.Key : null;
            var placeholder = new Placeholder(new TextRange(line, start, line, end), kind, raw) { Key = key };
            if (kind == PlaceholderKind.OptionList)
            {
                placeholder = placeholder with { Options = OptionList.Parse(raw) };
            }

            found.Add(placeholder);
        }
    }

    /// <summary>
    /// Without the template, whether a bracketed phrase or word (<see cref="PlaceholderKind.Text"/>) is a fill-in rather
    /// than the author's bracketed text: not a test tag or a word on a line of test tags (<c>[sig-node] [Serial]</c>),
    /// not a unit (<c>latency [ms]</c>), not a single word right after a word (<c>Pod [Guaranteed]</c>, an annotation),
    /// and a lower-case phrase only with more evidence (<see cref="WeakHasEvidence"/>).
    /// </summary>
    private static bool IsFillIn(ReadOnlySpan<char> text, int start, int end, bool weak, int bracketsOnLine, bool tagLine)
    {
        var content = text[(start + 1)..(end - 1)].Trim();
        bool singleWord = !content.Contains(' ');
        if (IsTestTag(content) || IsUnit(content) || (tagLine && singleWord))
        {
            return false;
        }

        // A segment of a path or route (src/app/[id]/page.tsx, /users/[name]) is the path's own syntax.
        if ((start > 0 && text[start - 1] == '/') || (end < text.Length && text[end] == '/'))
        {
            return false;
        }

        if (singleWord && !weak && !content.Contains('/'))
        {
            var before = text[..start].TrimEnd(' ');
            if (before.Length > 0 && before.Length < start && char.IsLetterOrDigit(before[^1]))
            {
                return false;
            }
        }

        return !weak || WeakHasEvidence(text, start, end, bracketsOnLine);
    }

    private static readonly HashSet<string> s_testTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "serial", "slow", "disruptive", "flaky", "conformance", "nodeconformance", "linuxonly", "it", "privileged",
    };

    /// <summary>A test suite's label: <c>[Serial]</c>, <c>[Slow]</c>, <c>[sig-network]</c>, <c>[Feature:X]</c>, <c>[NodeFeature:Y]</c>.</summary>
    internal static bool IsTestTag(ReadOnlySpan<char> content)
    {
        var text = content.Trim();
        if (text.IsEmpty || text.Contains(' '))
        {
            return false;
        }

        if (s_testTags.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text))
        {
            return true;
        }

        if (text.StartsWith("sig-", StringComparison.OrdinalIgnoreCase) && text.Length > 4)
        {
            return true;
        }

        // Word:Value with no space, as test suites write feature labels.
        int colon = text.IndexOf(':');
        return colon > 0 && colon < text.Length - 1 && char.IsAsciiLetter(text[0]);
    }

    private static readonly HashSet<string> s_units = new(StringComparer.OrdinalIgnoreCase)
    {
        "ms", "s", "sec", "secs", "second", "seconds", "min", "mins", "minute", "minutes", "h", "hr", "hrs", "hour", "hours",
        "day", "days", "us", "µs", "ns", "core", "cores", "millicores", "cpu", "cpus", "b", "byte", "bytes", "kb", "mb", "gb",
        "tb", "kib", "mib", "gib", "tib", "kbps", "mbps", "gbps", "qps", "rps", "tps", "op", "ops", "alloc", "allocs", "req",
        "requests", "%", "percent", "pods", "nodes", "count",
    };

    /// <summary>A unit of measure, alone or as a ratio: <c>[ms]</c>, <c>[cores]</c>, <c>[MiB]</c>, <c>[ns/op]</c>, <c>[req/s]</c>.</summary>
    internal static bool IsUnit(ReadOnlySpan<char> content)
    {
        var lookup = s_units.GetAlternateLookup<ReadOnlySpan<char>>();
        var text = content.Trim();
        if (text.IsEmpty || text.Contains(' '))
        {
            return false;
        }

        foreach (var part in text.Split('/'))
        {
            if (!lookup.Contains(text[part]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when the bracket <c>[open..close]</c> is inside quotes on its line: straight or curly double quotes,
    /// single quotes that open after a non-letter and close before one (an apostrophe in <c>team's</c> is neither),
    /// or backticks. Quoted text is being talked about (a log format, <c>"syncing [namespace]/[name] failed"</c>).
    /// </summary>
    internal static bool InQuotes(ReadOnlySpan<char> text, int open, int close)
    {
        var before = text[..open];
        var after = text[(close + 1)..];
        if ((before.Count('"') & 1) == 1 && after.Contains('"'))
        {
            return true;
        }

        if ((before.Count('`') & 1) == 1 && after.Contains('`'))
        {
            return true;
        }

        if (before.LastIndexOf('“') > before.LastIndexOf('”') && after.Contains('”'))
        {
            return true;
        }

        return InSingleQuotes(text, open, close, '\'', '\'') || InSingleQuotes(text, open, close, '‘', '’') || InSingleQuotes(text, open, close, '\'', '’');
    }

    private static bool InSingleQuotes(ReadOnlySpan<char> text, int open, int close, char opening, char closing)
    {
        bool inside = false;
        for (int i = 0; i < open; i++)
        {
            if (!inside && text[i] == opening && (i == 0 || !char.IsLetterOrDigit(text[i - 1])) && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
            {
                inside = true;
            }
            else if (inside && text[i] == closing && (i + 1 == text.Length || !char.IsLetterOrDigit(text[i + 1])))
            {
                inside = false;
            }
        }

        if (!inside)
        {
            return false;
        }

        for (int i = close + 1; i < text.Length; i++)
        {
            if (text[i] == closing && (i + 1 == text.Length || !char.IsLetterOrDigit(text[i + 1])) && !char.IsWhiteSpace(text[i - 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool WeakHasEvidence(ReadOnlySpan<char> text, int start, int end, int bracketsOnLine)
    {
        if (text[start..end].Contains('/') || bracketsOnLine >= 2)
        {
            return true;
        }

        var before = text[..start].TrimEnd();
        return before.EndsWith("**", StringComparison.Ordinal) || before.EndsWith("**:", StringComparison.Ordinal);
    }

    private static bool IsEscaped(ReadOnlySpan<char> text, int index)
    {
        int backslashes = 0;
        while (index - backslashes - 1 >= 0 && text[index - backslashes - 1] == '\\')
        {
            backslashes++;
        }

        return (backslashes & 1) == 1;
    }

    private static bool IsBracketContext(ReadOnlySpan<char> text, int open, int close)
    {
        if (open > 0)
        {
            char before = text[open - 1];
            if (char.IsLetterOrDigit(before) || before is '!' or ']' or '[')
            {
                return false;
            }

            // <<[UNRESOLVED …]>>: a marker of an open debate, as some templates write it, not a fill-in.
            if (before == '<' && close + 1 < text.Length && text[close + 1] == '>')
            {
                return false;
            }
        }

        if (close + 1 < text.Length)
        {
            char after = text[close + 1];
            if (after is '(' or '[' or ']')
            {
                return false;
            }

            // Glued to a word after it ("non-[EC]DHE") it is part of that word; only a unit may follow a token ("[X]ms").
            if (char.IsLetterOrDigit(after) && !(close - open == 2 && text[open + 1] is 'X' or 'Y' or 'Z' or 'N'))
            {
                return false;
            }

            // "[Component] Fix the cache" opening a line is a changelog tag, not a placeholder; so is one opening a
            // heading or a bold label ("#### [Later] Windows", "**[New] Pooling:**", "**[Chosen]** Option 2").
            int next = close + 1;
            while (next < text.Length && text[next] is '*' or '_')
            {
                next++;
            }

            if (next < text.Length - 1 && text[next] == ' ' && char.IsLetterOrDigit(text[next + 1]) && IsLineOpening(text[..open]) && !text[(open + 1)..close].Contains('|'))
            {
                return false;
            }

            // A bold one-word term a legend explains ("- **[Story]**: which user story a task serves", spec-kit's task
            // format): the term itself, not a slot to fill.
            if (next > close + 1 && next < text.Length && text[next] == ':' && IsLineOpening(text[..open]) && !text[(open + 1)..close].ContainsAny(' ', '|'))
            {
                return false;
            }

            // A link reference definition the parser did not record (`[label]: https://…`).
            if (after == ':' && text[..open].Trim().IsEmpty)
            {
                var rest = text[(close + 2)..].TrimStart();
                if (rest.StartsWith("http", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("/", StringComparison.Ordinal) || rest.StartsWith("./", StringComparison.Ordinal) || rest.StartsWith("#", StringComparison.Ordinal) || rest.StartsWith("<", StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsLineOpening(ReadOnlySpan<char> before)
    {
        var rest = before.Trim().TrimEnd("*_").TrimEnd();
        if (rest.StartsWith(">"))
        {
            rest = rest[1..].TrimStart();
        }

        if (rest.Length is > 0 and <= 6 && rest.Trim('#').IsEmpty)
        {
            return true;
        }

        if (rest.Length == 1 && rest[0] is '-' or '*' or '+')
        {
            return true;
        }

        int digits = 0;
        while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
        {
            digits++;
        }

        return rest.IsEmpty || (digits > 0 && digits == rest.Length - 1 && rest[^1] is '.' or ')');
    }

    private static void ScanTokens(ReadOnlySpan<char> text, int line, int lineStart, TextMask nonProse, List<Placeholder> found, int firstOnLine)
    {
        AddToken(text, "YYYY-MM-DD", PlaceholderKind.Date, line, lineStart, nonProse, found, firstOnLine);
        AddToken(text, "DD/MM/YYYY", PlaceholderKind.Date, line, lineStart, nonProse, found, firstOnLine);
        AddToken(text, "MM/DD/YYYY", PlaceholderKind.Date, line, lineStart, nonProse, found, firstOnLine);
        AddToken(text, "X.Y.Z", PlaceholderKind.Token, line, lineStart, nonProse, found, firstOnLine);
        AddToken(text, "TBD", PlaceholderKind.Token, line, lineStart, nonProse, found, firstOnLine);
        AddToken(text, "TODO", PlaceholderKind.Token, line, lineStart, nonProse, found, firstOnLine);
        AddComparisonX(text, line, lineStart, nonProse, found, firstOnLine);
    }

    private static void AddToken(ReadOnlySpan<char> text, string token, PlaceholderKind kind, int line, int lineStart, TextMask nonProse, List<Placeholder> found, int firstOnLine)
    {
        int from = 0;
        while (from < text.Length)
        {
            int at = text[from..].IndexOf(token, StringComparison.Ordinal);
            if (at < 0)
            {
                return;
            }

            at += from;
            int end = at + token.Length;
            from = end;
            bool dotted = token.Contains('.', StringComparison.Ordinal);
            if (at > 0 && (char.IsLetterOrDigit(text[at - 1]) || text[at - 1] == '_' || (dotted && text[at - 1] == '.')) && !(dotted && text[at - 1] == 'v' && (at < 2 || !char.IsLetter(text[at - 2]))))
            {
                continue;
            }

            if (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_' || (dotted && text[end] == '.' && end + 1 < text.Length && char.IsLetterOrDigit(text[end + 1]))))
            {
                continue;
            }

            // A token in quotes is being talked about ("dates as "YYYY-MM-DD""), not left unfilled.
            if ((at > 0 && text[at - 1] is '"' or '\'' or '“' or '‘') || (end < text.Length && text[end] is '"' or '\'' or '”' or '’'))
            {
                continue;
            }

            // Part of a URL (".../badge/TBD-red") is an address, and one glued after a folder ("archive/YYYY-MM-DD-<name>/")
            // names a pattern of paths: neither is a blank.
            if (InUrl(text, at) || (at > 0 && text[at - 1] == '/' && kind == PlaceholderKind.Date))
            {
                continue;
            }

            // TODO is a marker when it opens a note ("TODO: decide") or stands alone; "remove outdated TODO" mentions one.
            if (token == "TODO" && !text[end..].TrimStart().StartsWith(":") && !IsAloneOnLine(text, "TODO"))
            {
                continue;
            }

            // TBD as a word of a sentence ("a TBD follow-up", "(details TBD)") is a remark, not a value left open.
            if (token == "TBD" && (IsInParentheses(text, at, end) || (end + 1 < text.Length && text[end] == ' ' && char.IsLetter(text[end + 1]) && AfterArticle(text[..at]))))
            {
                continue;
            }

            // Nor is one that a sentence goes on from mid-line ("…gengo/v2.  TBD as to whether this is worth it"): a value
            // left open stands at the start of its line or item, after a label ("Owner: TBD once …"), or ends its clause
            // ("The date is TBD."). A reference labelled TBD ("[open][TBD]", "[TBD]: …/badge/TBD-red") is a badge.
            if (token == "TBD" && ((end + 1 < text.Length && text[end] == ' ' && char.IsAsciiLetterLower(text[end + 1]) && !OpensValue(text[..at]))
                || (text[..at].Trim().SequenceEqual("[") && text[end..].StartsWith("]:"))
                || (text[..at].EndsWith("][") && text[end..].StartsWith("]"))))
            {
                continue;
            }

            if (InQuotes(text, at, end - 1))
            {
                continue;
            }

            if (nonProse.Overlaps(lineStart + at, lineStart + end) || InFound(found, firstOnLine, line, at, end))
            {
                continue;
            }

            found.Add(new Placeholder(new TextRange(line, at, line, end), kind, token));
        }
    }

    private static bool InUrl(ReadOnlySpan<char> text, int at)
    {
        int start = at;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]) && text[start - 1] is not ('(' or '<'))
        {
            start--;
        }

        return text[start..at].Contains("://", StringComparison.Ordinal);
    }

    // Before a value: nothing but a list marker, quote, table pipe or emphasis; or a label's ':' (or '=', '|', a dash).
    private static bool OpensValue(ReadOnlySpan<char> before)
    {
        var rest = before.TrimEnd().TrimEnd("*_`[");
        rest = rest.TrimEnd();
        if (rest.IsEmpty || rest[^1] is ':' or '=' or '|' or '-' or '—' or '–' or '>')
        {
            return true;
        }

        return rest.Trim().TrimStart("-*+>|0123456789.) ").IsEmpty;
    }

    private static bool AfterArticle(ReadOnlySpan<char> before)
    {
        var rest = before.TrimEnd();
        int i = rest.Length;
        while (i > 0 && char.IsLetter(rest[i - 1]))
        {
            i--;
        }

        var word = rest[i..];
        return word.Equals("a", StringComparison.OrdinalIgnoreCase) || word.Equals("an", StringComparison.OrdinalIgnoreCase) || word.Equals("the", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsInParentheses(ReadOnlySpan<char> text, int start, int end)
    {
        var before = text[..start];
        var after = text[end..];
        int close = after.IndexOf(')');
        int open = after.IndexOf('(');
        return before.LastIndexOf('(') > before.LastIndexOf(')') && close >= 0 && (open < 0 || open > close);
    }

    private static bool IsAloneOnLine(ReadOnlySpan<char> text, string token)
    {
        int letters = 0;
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                letters++;
            }
        }

        return letters == token.Length;
    }

    private static void AddComparisonX(ReadOnlySpan<char> text, int line, int lineStart, TextMask nonProse, List<Placeholder> found, int firstOnLine)
    {
        int firstNonSpace = 0;
        while (firstNonSpace < text.Length && text[firstNonSpace] == ' ')
        {
            firstNonSpace++;
        }

        for (int i = 1; i < text.Length; i++)
        {
            if (text[i] != 'X' || (i + 1 < text.Length && (char.IsLetterOrDigit(text[i + 1]) || text[i + 1] is '.' or '-' or '_' or '\'')))
            {
                continue;
            }

            int j = i - 1;
            if (text[j] == ' ')
            {
                j--;
            }

            if (j < 0 || text[j] is not ('<' or '>' or '≤' or '≥' or '~' or '≈') || j == firstNonSpace || (j > 0 && text[j - 1] != ' ' && text[j - 1] is not ('<' or '>' or '=')))
            {
                continue;
            }

            // "version Y > X" compares two named variables; only a value left open ("< X ms") is a placeholder.
            int w = j - 1;
            while (w >= 0 && text[w] is ' ' or '=' or '<' or '>')
            {
                w--;
            }

            if (w >= 0 && char.IsAsciiLetterUpper(text[w]) && (w == 0 || !char.IsLetterOrDigit(text[w - 1])))
            {
                continue;
            }

            if (!nonProse.Overlaps(lineStart + i, lineStart + i + 1) && !InFound(found, firstOnLine, line, i, i + 1))
            {
                found.Add(new Placeholder(new TextRange(line, i, line, i + 1), PlaceholderKind.Token, "X"));
            }
        }
    }

    private static bool InFound(List<Placeholder> found, int firstOnLine, int line, int start, int end)
    {
        for (int k = firstOnLine; k < found.Count; k++)
        {
            var r = found[k].Range;
            if (r.Start.Line == line && r.Start.Character < end && r.End.Character > start)
            {
                return true;
            }
        }

        return false;
    }

    private static ImmutableArray<string>? UnbracketedOptions(LabeledLine label, MetadataSchema schema)
    {
        var value = label.Value;
        if (value.Length == 0 || value[0] == '[')
        {
            return null;
        }

        var options = OptionList.Parse(value);
        if (options.IsEmpty)
        {
            return null;
        }

        var templateOptions = schema.OptionsFor(label.Key);
        if (!templateOptions.IsEmpty)
        {
            var allowed = templateOptions.Select(MetadataKeys.NormalizeValue).ToHashSet(StringComparer.Ordinal);
            if (options.All(o => allowed.Contains(MetadataKeys.NormalizeValue(o))))
            {
                return options;
            }
        }

        bool templateLike = options.Length >= 3 && options.All(o =>
        {
            var stripped = MetadataKeys.StripDecorations(o);
            return stripped.Length > 0 && char.IsUpper(stripped[0]) && stripped.Split(' ').Length <= 4;
        });
        return templateLike ? options : null;
    }

    /// <summary>True for the whole Low/Medium/High scale in one value (any order, split by <c>/</c> or <c>|</c>).</summary>
    internal static bool IsFullScale(string value)
    {
        var parts = value.Trim().Trim('[', ']').Split(['/', '|'], StringSplitOptions.TrimEntries);
        if (parts.Length != 3)
        {
            return false;
        }

        var set = parts.Select(p => p.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return set.SetEquals(["low", "medium", "high"]) && !value.Contains('[', StringComparison.Ordinal);
    }

    private static ImmutableArray<string> ScaleOptions(string value) =>
        [.. value.Trim().Split(['/', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private static void ScanEmptyFillIn(SpecDocument document, ReadOnlySpan<char> text, int line, LabeledLine? label, List<Placeholder> found)
    {
        var source = document.Source;
        if (label is { IsListItem: true, Value.Length: 0 })
        {
            if (EndsItem(source, line, Indent(text)))
            {
                found.Add(new Placeholder(label.LabelRange, PlaceholderKind.EmptyLabel, source.GetText(label.LabelRange)) { Key = label.Key });
            }

            return;
        }

        int indent = Indent(text);
        var rest = text[indent..].TrimEnd();
        if (rest.IsEmpty || rest.Length > 10)
        {
            return;
        }

        int digits = 0;
        while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
        {
            digits++;
        }

        bool ordered = digits > 0 && digits < 10 && rest.Length == digits + 1 && rest[digits] is '.' or ')';
        bool bullet = rest.Length == 1 && rest[0] is '-' or '*' or '+';
        if (!ordered && !bullet)
        {
            return;
        }

        // Only a list item the parser saw: a lone '-' under a paragraph is a setext underline, "3." after text a continuation.
        bool isItem = document.Blocks.Any(b => b.Kind == BlockKind.ListItem && b.Range.Start.Line == line);
        if (isItem && EndsItem(source, line, indent))
        {
            found.Add(new Placeholder(new TextRange(line, indent, line, indent + rest.Length), PlaceholderKind.EmptyListItem, rest.ToString()));
        }
    }

    /// <summary>True when nothing after <paramref name="line"/> belongs to its list item: no nested or continuation line.</summary>
    private static bool EndsItem(SourceText source, int line, int indent)
    {
        if (line + 1 >= source.LineCount)
        {
            return true;
        }

        var next = source.GetLineText(line + 1);
        if (string.IsNullOrWhiteSpace(next))
        {
            // After a blank line only a sibling item or a heading shows the item ended; anything else may be
            // what the label introduces (a code block, a paragraph).
            for (int l = line + 2; l < source.LineCount; l++)
            {
                var after = source.GetLineText(l);
                if (!string.IsNullOrWhiteSpace(after))
                {
                    int afterIndent = Indent(after);
                    var trimmedAfter = after.AsSpan(afterIndent);
                    return afterIndent <= indent && (trimmedAfter.StartsWith("#", StringComparison.Ordinal) || StartsListItem(trimmedAfter));
                }
            }

            return true;
        }

        int nextIndent = Indent(next);
        if (nextIndent > indent)
        {
            return false;
        }

        var trimmed = next.AsSpan(nextIndent);
        return trimmed.StartsWith("#", StringComparison.Ordinal) || StartsListItem(trimmed);
    }

    private static bool StartsListItem(ReadOnlySpan<char> text)
    {
        if (text.Length >= 1 && text[0] is '-' or '*' or '+' && (text.Length == 1 || text[1] == ' '))
        {
            return true;
        }

        int digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        return digits > 0 && digits < text.Length && text[digits] is '.' or ')' && (digits + 1 == text.Length || text[digits + 1] == ' ');
    }

    private static int Indent(ReadOnlySpan<char> text)
    {
        int i = 0;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        return i;
    }

    private static void ScanTables(SpecDocument document, TextMask nonProse, List<Placeholder> found)
    {
        var source = document.Source;
        foreach (var table in document.Blocks.Where(b => b.Kind == BlockKind.Table))
        {
            // The header row and the delimiter row are structure; only body rows are fill-ins.
            int last = table.Range.End.Character == 0 && table.Range.End.Line > table.Range.Start.Line ? table.Range.End.Line - 1 : table.Range.End.Line;
            bool allEmpty = true;
            for (int line = table.Range.Start.Line + 2; line <= last && line < source.LineCount; line++)
            {
                if (source.GetLineText(line).Any(c => c != '|' && !char.IsWhiteSpace(c)))
                {
                    allEmpty = false;
                    break;
                }
            }

            for (int line = table.Range.Start.Line + 2; line <= last && line < source.LineCount; line++)
            {
                var text = source.GetLineText(line);
                int start = Indent(text);
                var row = text.AsSpan(start).TrimEnd();
                if (row.IsEmpty || nonProse.Overlaps(source.Lines.GetLineStart(line) + start, source.Lines.GetLineStart(line) + start + row.Length))
                {
                    continue;
                }

                var cells = SplitCells(row);
                if (cells.Count > 0 && cells.All(c => string.IsNullOrWhiteSpace(c.Text)) && row.Contains('|'))
                {
                    // An empty row in a filled table is often layout; in a table with no content at all it is the template's.
                    if (allEmpty)
                    {
                        found.Add(new Placeholder(new TextRange(line, start, line, start + row.Length), PlaceholderKind.EmptyTableRow, row.ToString()));
                    }

                    continue;
                }

                foreach (var cell in cells)
                {
                    if (IsFullScale(cell.Text))
                    {
                        var trimmed = cell.Text.Trim();
                        int at = start + cell.Start + cell.Text.IndexOf(trimmed, StringComparison.Ordinal);
                        found.Add(new Placeholder(new TextRange(line, at, line, at + trimmed.Length), PlaceholderKind.OptionList, trimmed) { Options = ScaleOptions(trimmed) });
                    }
                }
            }
        }
    }

    private static List<(int Start, string Text)> SplitCells(ReadOnlySpan<char> row)
    {
        var cells = new List<(int Start, string Text)>();
        int i = row.Length > 0 && row[0] == '|' ? 1 : 0;
        int end = row.Length > 1 && row[^1] == '|' && row[^2] != '\\' ? row.Length - 1 : row.Length;
        int cellStart = i;
        for (; i <= end; i++)
        {
            if (i == end || (row[i] == '|' && row[i - 1] != '\\'))
            {
                cells.Add((cellStart, row[cellStart..i].ToString()));
                cellStart = i + 1;
            }
        }

        return cells;
    }

    private static HashSet<int> HeadingLines(SpecDocument document)
    {
        var lines = new HashSet<int>();
        foreach (var section in document.AllSections)
        {
            for (int l = section.HeadingRange.Start.Line; l <= section.HeadingRange.End.Line; l++)
            {
                lines.Add(l);
            }
        }

        return lines;
    }
}
