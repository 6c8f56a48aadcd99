using System.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.Tests.TestSupport;

/// <summary>Every field of index entries as text, links with their resolved targets: for comparing two scans.</summary>
internal static class IndexDump
{
    /// <summary>The entries in path order.</summary>
    public static string Of(IEnumerable<FileIndex> entries) =>
        string.Concat(entries.OrderBy(e => e.Path, StringComparer.Ordinal).Select(Of));

    // Every field an index entry has, links with their resolved targets.
    public static string Of(FileIndex entry)
    {
        var text = new StringBuilder();
        text.AppendLine($"{entry.Path} title={entry.Title} unreadable={entry.UnreadableReason}");
        foreach (var h in entry.Headings)
        {
            text.AppendLine($"H{h.Level} {h.Title} #{h.Anchor} slug={h.Slug} {h.HeadingRange} {h.TitleRange} {h.SectionRange}");
        }

        foreach (var a in entry.ExplicitAnchors)
        {
            text.AppendLine($"anchor {a.Name} {a.Range}");
        }

        foreach (var d in entry.IdDefinitions)
        {
            text.AppendLine($"def {d.Id} {d.Kind} {d.Title} {d.Range} {d.LineRange}");
        }

        foreach (var m in entry.IdMentions)
        {
            text.AppendLine($"mention {m.Id} {m.Range}");
        }

        foreach (var l in entry.Links)
        {
            var n = l.Node;
            text.AppendLine($"link {n.Kind} text={n.Text} dest={n.Destination} label={n.Label} {n.Range} {n.TargetRange} image={n.IsImage} undefined={n.IsUndefined} -> {l.Target}");
        }

        for (int i = 0; i < entry.ReferenceDefinitions.Length; i++)
        {
            var r = entry.ReferenceDefinitions[i];
            text.AppendLine($"refdef {r.Label} {r.Destination} {r.Range} {r.LabelRange} {r.DestinationRange} -> {entry.ReferenceDefinitionTargets[i]}");
        }

        return text.ToString();
    }
}
