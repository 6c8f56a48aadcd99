using System.Collections.Immutable;
using SpecLsp.Core.Model;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Text;
using SpecLsp.Core.Yaml;

namespace SpecLsp.Core.Templates;

/// <summary>
/// Derives a template's schema from its Markdown: headings are sections, numbered siblings (<c>FR1</c>,
/// <c>FR2</c>) one repeatable group, every H2 required and deeper sections optional unless the front matter's
/// <c>required:</c> / <c>optional:</c> lists say otherwise, a section whose heading ends in <c>(Optional)</c> or a
/// condition (<c>*(include if …)*</c>) or whose body starts with an italic condition (<c>*(If this spec involves …)*</c>)
/// optional, and one whose heading ends in <c>*(mandatory)*</c> required; the marker is not part of the title.
/// </summary>
public static class TemplateSchemaBuilder
{
    /// <summary>
    /// Builds the template <paramref name="name"/> from <paramref name="text"/>; <paramref name="defaultDescription"/>
    /// applies when the front matter has no <c>description:</c>. Never throws.
    /// </summary>
    public static SpecTemplate Build(string name, string text, TemplateOrigin origin, string? filePath = null, string? defaultDescription = null)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var problems = ImmutableArray.CreateBuilder<string>();
        var (frontMatter, body) = SplitFrontMatter(text);
        string? description = null;
        var required = new List<string>();
        var optional = new List<string>();
        var paths = new List<string>();
        var markers = new List<string>();
        var titleMarkers = new List<string>();
        bool ordered = true;
        bool titled = true;
        if (frontMatter is not null)
        {
            ReadFrontMatter(frontMatter, problems, ref description, ref ordered, ref titled, required, optional, paths, markers, titleMarkers);
        }

        var document = SpecParser.Parse(SourceText.From(body));
        var title = titled ? document.Title : null;
        string rootTitle = title?.Title ?? (titled ? "[Title]" : string.Empty);
        string rootKey = SectionTitles.Normalize(rootTitle);
        var root = new TemplateSection
        {
            Title = rootTitle,
            DisplayTitle = rootTitle,
            Key = rootKey,
            Pattern = titled ? TitlePattern.TryCreate(rootKey) : null,
            Level = 1,
            IsRequired = true,
            Path = string.Empty,
            IndexPath = string.Empty,
            Index = 0,
            HeadingLine = title is not null ? document.Source.GetLineText(title.HeadingRange.Start.Line) : titled ? "# " + rootTitle : string.Empty,
            Body = title is null ? string.Empty : Trim(document.Source.GetText(title.BodyRange)),
            Text = string.Empty,
        };
        root.Children = BuildChildren(document, DocumentSections.TopLevel(document, titled), root, topLevel: true);

        var draft = new SpecTemplate { Name = name, Origin = origin, Body = body, Root = root };
        ApplyOverrides(draft, required, isRequired: true, problems);
        ApplyOverrides(draft, optional, isRequired: false, problems);
        return new SpecTemplate
        {
            Name = name,
            Origin = origin,
            FilePath = filePath,
            Body = body,
            Description = description ?? defaultDescription,
            Root = root,
            PathConventions = [.. paths],
            Markers = [.. markers],
            TitleMarkers = [.. titleMarkers.Where(t => t.Length > 0)],
            IsOrdered = ordered,
            HasTitle = titled,
            Problems = problems.ToImmutable(),
        };
    }

    /// <summary>Splits <paramref name="text"/> (LF line breaks) into its front matter's YAML (or null) and the rest.</summary>
    public static (string? FrontMatter, string Body) SplitFrontMatter(string text)
    {
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            return (null, text);
        }

        int at = 4;
        while (at <= text.Length)
        {
            int lineEnd = text.IndexOf('\n', at);
            var line = lineEnd < 0 ? text.AsSpan(at) : text.AsSpan(at, lineEnd - at);
            if (line.TrimEnd().SequenceEqual("---") || line.TrimEnd().SequenceEqual("..."))
            {
                string yaml = text[4..at];
                string body = lineEnd < 0 ? string.Empty : text[(lineEnd + 1)..];
                return (yaml, body);
            }

            if (lineEnd < 0)
            {
                break;
            }

            at = lineEnd + 1;
        }

        return (null, text);
    }

    private static void ReadFrontMatter(
        string yaml, ImmutableArray<string>.Builder problems, ref string? description, ref bool ordered, ref bool titled, List<string> required, List<string> optional, List<string> paths, List<string> markers, List<string> titleMarkers)
    {
        var result = SafeYaml.Load(yaml);
        if (result.Error is { } error)
        {
            problems.Add($"Front matter: {error.Message}");
            return;
        }

        if (result.Root is not SafeYamlMapping mapping)
        {
            return;
        }

        foreach (var (key, value) in mapping.Entries)
        {
            switch ((key as SafeYamlScalar)?.Value)
            {
                case "description":
                    description = Configuration.ConfigurationParser.AsString(value);
                    break;
                case "required":
                    ReadList(value, required, "required", problems);
                    break;
                case "optional":
                    ReadList(value, optional, "optional", problems);
                    break;
                case "match" when value is SafeYamlMapping match:
                    foreach (var (matchKey, matchValue) in match.Entries)
                    {
                        switch ((matchKey as SafeYamlScalar)?.Value)
                        {
                            case "paths":
                                ReadList(matchValue, paths, "match.paths", problems);
                                break;
                            case "markers":
                                ReadList(matchValue, markers, "match.markers", problems);
                                break;
                            case "titles":
                                ReadList(matchValue, titleMarkers, "match.titles", problems);
                                break;
                        }
                    }

                    break;
                case "match":
                    problems.Add("Front matter: 'match' should be a mapping with 'paths' and 'markers' lists.");
                    break;
                case "title":
                    switch (Configuration.ConfigurationParser.AsString(value)?.Trim())
                    {
                        case "none":
                            titled = false;
                            break;
                        case "heading":
                            titled = true;
                            break;
                        default:
                            problems.Add("Front matter: 'title' should be 'heading' (one H1 title, sections under it, the default) or 'none' (no title; the outermost headings are the sections).");
                            break;
                    }

                    break;
                case "order":
                    switch (Configuration.ConfigurationParser.AsString(value)?.Trim())
                    {
                        case "free":
                            ordered = false;
                            break;
                        case "template":
                            ordered = true;
                            break;
                        default:
                            problems.Add("Front matter: 'order' should be 'template' (sections in the template's order, the default) or 'free'.");
                            break;
                    }

                    break;
            }
        }
    }

    private static void ReadList(SafeYamlNode value, List<string> into, string key, ImmutableArray<string>.Builder problems)
    {
        if (value is SafeYamlSequence sequence)
        {
            foreach (var item in sequence.Items)
            {
                if (Configuration.ConfigurationParser.AsString(item) is { Length: > 0 } path)
                {
                    into.Add(path.Trim());
                }
            }
        }
        else if (Configuration.ConfigurationParser.AsString(value) is { Length: > 0 } single)
        {
            into.Add(single.Trim());
        }
        else
        {
            problems.Add(key.StartsWith("match.", StringComparison.Ordinal) ? $"Front matter: '{key}' should be a list." : $"Front matter: '{key}' should be a list of section paths.");
        }
    }

    private static void ApplyOverrides(SpecTemplate template, List<string> paths, bool isRequired, ImmutableArray<string>.Builder problems)
    {
        foreach (var path in paths)
        {
            var section = template.FindByPath(path);
            if (section is null || ReferenceEquals(section, template.Root))
            {
                problems.Add($"Front matter: no section '{path}' in this template.");
                continue;
            }

            section.IsRequired = isRequired;
        }
    }

    private static ImmutableArray<TemplateSection> BuildChildren(SpecDocument document, ImmutableArray<Section> sections, TemplateSection parent, bool topLevel)
    {
        var built = ImmutableArray.CreateBuilder<TemplateSection>();
        var groups = new HashSet<string>(StringComparer.Ordinal);
        var byKey = new Dictionary<string, TemplateSection>(StringComparer.Ordinal);
        foreach (var section in sections)
        {
            var numbered = SectionTitles.ParseNumbered(section.Title);
            if (numbered is not null && !groups.Add(numbered.Key))
            {
                continue;
            }

            string key = SectionTitles.Normalize(section.Title);
            if (numbered is null && byKey.TryGetValue(key, out var repeated))
            {
                repeated.IsRepeatable = true;
                continue;
            }

            string unmarked = SectionTitles.StripMarker(section.Title, out var marker);
            string display = numbered is null ? SectionTitles.StripOutlineNumber(unmarked).ToString() : unmarked;
            string bodyText = Trim(document.Source.GetText(section.BodyRange));
            int index = built.Count;
            var node = new TemplateSection
            {
                Title = section.Title,
                DisplayTitle = display,
                Key = key,
                Pattern = numbered is null ? TitlePattern.TryCreate(key) : null,
                Group = numbered,
                Level = section.Level,
                IsRequired = marker switch
                {
                    SectionMarker.Optional => false,
                    SectionMarker.Mandatory => true,
                    _ => topLevel && !StartsWithCondition(bodyText),
                },
                Path = parent.Path.Length == 0 ? display : parent.Path + "/" + display,
                IndexPath = parent.IndexPath.Length == 0 ? index.ToString(System.Globalization.CultureInfo.InvariantCulture) : parent.IndexPath + "." + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Index = index,
                HeadingLine = document.Source.GetLineText(section.HeadingRange.Start.Line),
                Body = bodyText,
                Text = SectionText(document, section, out var headingLines),
                HeadingLineIndices = headingLines,
                Parent = parent,
            };
            node.IsRepeatable = numbered is not null;
            node.Children = BuildChildren(document, section.Children, node, topLevel: false);
            byKey.TryAdd(key, node);
            built.Add(node);
        }

        return built.ToImmutable();
    }

    /// <summary>True when <paramref name="body"/> starts with an italic condition such as <c>*(If …)*</c>.</summary>
    internal static bool StartsWithCondition(string body)
    {
        int lineEnd = body.IndexOf('\n', StringComparison.Ordinal);
        var first = (lineEnd < 0 ? body.AsSpan() : body.AsSpan(0, lineEnd)).Trim();
        return first.Length > 4
            && ((first.StartsWith("*(") && first.EndsWith(")*")) || (first.StartsWith("_(") && first.EndsWith(")_")));
    }

    private static string SectionText(SpecDocument document, Section section, out ImmutableArray<int> headingLines)
    {
        int firstLine = section.HeadingRange.Start.Line;
        string text = Trim(document.Source.GetText(new TextRange(new Position(firstLine, 0), section.Range.End)));
        int lineCount = text.Count(c => c == '\n') + 1;
        var lines = ImmutableArray.CreateBuilder<int>();
        var stack = new Stack<Section>();
        stack.Push(section);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            int relative = current.HeadingRange.Start.Line - firstLine;
            if (!current.IsSetext && relative >= 0 && relative < lineCount)
            {
                lines.Add(relative);
            }

            foreach (var child in current.Children)
            {
                stack.Push(child);
            }
        }

        lines.Sort();
        headingLines = lines.ToImmutable();
        return text;
    }

    /// <summary><paramref name="text"/> without leading blank lines and trailing blank lines or separator rules (<c>---</c>).</summary>
    internal static string Trim(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        while (lines.Count > 0 && (string.IsNullOrWhiteSpace(lines[^1]) || (lines[^1].Trim() == "---")))
        {
            lines.RemoveAt(lines.Count - 1);
        }

        int start = 0;
        while (start < lines.Count && string.IsNullOrWhiteSpace(lines[start]))
        {
            start++;
        }

        return string.Join('\n', lines.Skip(start)).TrimEnd();
    }
}
