using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Conversions;

namespace SpecLsp.Server;

/// <summary>What the client told us at initialize, and what was negotiated from it.</summary>
internal sealed class ClientSession
{
    public InitializeParams? InitializeParams { get; private set; }

    public PositionEncoder Encoder { get; private set; } = PositionEncoder.Utf16;

    public ClientCapabilities Capabilities => InitializeParams?.Capabilities ?? new ClientCapabilities();

    public bool PullsDiagnostics => Capabilities.TextDocument?.Diagnostic is not null;

    /// <summary>Whether diagnostics may carry relatedInformation: the pushed or pulled capability says so.</summary>
    public bool SupportsRelatedInformation => PullsDiagnostics
        ? Capabilities.TextDocument?.Diagnostic?.RelatedInformation == true
        : Capabilities.TextDocument?.PublishDiagnostics?.RelatedInformation == true;

    /// <summary>Whether hover may be Markdown: no contentFormat declared (lenient) or one listing markdown.</summary>
    public bool HoverMarkdown => Capabilities.TextDocument?.Hover?.ContentFormat is not { } formats || formats.Contains(MarkupKind.Markdown);

    public bool SupportsHierarchicalDocumentSymbols => Capabilities.TextDocument?.DocumentSymbol?.HierarchicalDocumentSymbolSupport == true;

    public void Initialize(InitializeParams @params, string positionEncoding)
    {
        InitializeParams = @params;
        Encoder = PositionEncoder.For(positionEncoding);
    }
}
