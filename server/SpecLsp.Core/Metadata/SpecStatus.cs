using System.Collections.Immutable;
using SpecLsp.Core.Model;

namespace SpecLsp.Core.Metadata;

/// <summary>The lifecycle stage a spec's Status field puts it in.</summary>
public enum SpecStage
{
    /// <summary>No Status field.</summary>
    Unknown,

    /// <summary>The Status is still the template's option list.</summary>
    Unfilled,

    /// <summary>Draft or Planned: work in progress, placeholders expected.</summary>
    Draft,

    /// <summary>Any other status (In Review, In Development, Staging…).</summary>
    InProgress,

    /// <summary>Approved, Implemented, Completed or in Production: placeholders are now errors.</summary>
    Final,
}

/// <summary>Reads a spec's Status field.</summary>
public static class SpecStatus
{
    /// <summary>The Status value as written, or null when the spec has none.</summary>
    public static string? Read(SpecDocument document) => Read(document, LabeledLine.FindAll(document));

    /// <summary>As <see cref="Read(SpecDocument)"/>, with the document's labelled lines already found.</summary>
    public static string? Read(SpecDocument document, ImmutableArray<LabeledLine> labeledLines)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var field in document.Metadata)
        {
            if (MetadataKeys.Normalize(field.Key) == "status")
            {
                return field.Value;
            }
        }

        var block = MetadataBlock.Lines(document);
        foreach (var line in labeledLines)
        {
            if (line.NormalizedKey == "status" && block.Contains(line.Line))
            {
                return line.Value;
            }
        }

        return null;
    }

    /// <summary>The stage of <paramref name="document"/>: its Status compared without case and emoji.</summary>
    public static SpecStage Stage(SpecDocument document) => StageOf(Read(document));

    /// <summary>The stage a Status value names.</summary>
    public static SpecStage StageOf(string? status)
    {
        if (status is null)
        {
            return SpecStage.Unknown;
        }

        if (!OptionList.Parse(status).IsEmpty || status.TrimStart().StartsWith('['))
        {
            return SpecStage.Unfilled;
        }

        return MetadataKeys.NormalizeValue(status) switch
        {
            "" => SpecStage.Unfilled,
            "draft" or "planned" => SpecStage.Draft,
            "approved" or "implemented" or "completed" or "complete" or "production" or "in production" => SpecStage.Final,
            _ => SpecStage.InProgress,
        };
    }
}
