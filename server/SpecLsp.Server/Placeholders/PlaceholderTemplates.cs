using SpecLsp.Core.Analysis;
using SpecLsp.Core.Placeholders;

namespace SpecLsp.Server.Placeholders;

/// <summary>
/// The template a document follows, as the placeholder and metadata features need it. Until the templates
/// feature's choice is wired in here, no document has a template: placeholders are still found, but template
/// text, template prompts, option checks and metadata completions wait for it.
/// </summary>
internal sealed class PlaceholderTemplates
{
    public TemplateFacts? For(AnalysisContext context)
    {
        _ = context;
        return null;
    }
}
