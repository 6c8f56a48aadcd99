using SpecLsp.Core.Text;

namespace SpecLsp.Core.Hover;

/// <summary>A hover: Markdown for the range it explains.</summary>
/// <param name="Markdown">The content.</param>
/// <param name="Range">The text it is about.</param>
public sealed record SpecHover(string Markdown, TextRange Range);
