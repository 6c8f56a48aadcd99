using System.Text;

namespace SpecLsp.Core.Model;

/// <summary>
/// A readable text dump of a <see cref="SpecDocument"/>, one node a line. Placeholder added by the LSP
/// branch so <c>speclsp outline</c> compiles; the model branch owns the real format and replaces this file.
/// </summary>
public static class SpecDocumentDump
{
    /// <summary>The dump of <paramref name="document"/>: metadata, then the section tree with the IDs each defines.</summary>
    public static string Write(SpecDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var builder = new StringBuilder();
        foreach (var field in document.Metadata)
        {
            builder.Append("Meta ").Append(field.Key).Append(" = \"").Append(field.Value).Append("\" ").Append(field.ValueRange).Append('\n');
        }

        foreach (var section in document.AllSections)
        {
            builder.Append(' ', 2 * (section.Level - 1)).Append('H').Append(section.Level).Append(" \"").Append(section.Title).Append("\" ").Append(section.Range).Append('\n');
            foreach (var id in document.IdDefinitions)
            {
                if (document.FindSection(id.Range.Start) == section)
                {
                    builder.Append(' ', 2 * section.Level).Append("Id ").Append(id.Id).Append(" \"").Append(id.Title).Append("\" ").Append(id.Range).Append('\n');
                }
            }
        }

        return builder.ToString();
    }
}
