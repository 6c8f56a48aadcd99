using System.Collections.Immutable;
using SpecLsp.Core.Metadata;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.Placeholders;

// Bracketed placeholders: what a bracket on one line holds ([Feature Name], [YYYY-MM-DD], [A | B]), where a
// bracket is syntax or the author's own text (links, test tags, units, changelog tags, paths), and, with the
// template known, which brackets it has.
public static partial class PlaceholderScanner
{
    private static readonly HashSet<string> s_editorial = new(StringComparer.OrdinalIgnoreCase)
    {
        "sic", "sic!", "citation needed", "emphasis added", "emphasis mine", "edited", "optional", "required", "wip",
        "deprecated", "experimental", "beta", "alpha", "new", "breaking", "note", "tip", "warning", "important",
        "caution", "done", "blocked", "obsolete", "removed", "updated", "draft", "redacted", "translated", "n/a",
    };

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
}
