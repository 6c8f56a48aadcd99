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
}
