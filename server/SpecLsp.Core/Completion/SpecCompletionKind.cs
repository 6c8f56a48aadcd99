namespace SpecLsp.Core.Completion;

/// <summary>What a completion completes; the server maps it to an LSP CompletionItemKind.</summary>
public enum SpecCompletionKind
{
    /// <summary>A section heading (the default).</summary>
    Section,

    /// <summary>A metadata value such as a status.</summary>
    Value,

    /// <summary>A date.</summary>
    Date,

    /// <summary>A metadata key.</summary>
    Key,

    /// <summary>A file path in a link.</summary>
    File,

    /// <summary>A heading anchor.</summary>
    Anchor,

    /// <summary>A link reference label.</summary>
    ReferenceLabel,

    /// <summary>A defined ID.</summary>
    Id,

    /// <summary>The next free ID of a series.</summary>
    NewId,
}
