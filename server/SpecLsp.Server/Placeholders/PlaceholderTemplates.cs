using SpecLsp.Core.Analysis;
using SpecLsp.Core.Placeholders;

namespace SpecLsp.Server.Placeholders;

/// <summary>The facts of the template a document follows (the templates feature's choice), for the placeholder and metadata features.</summary>
internal sealed class PlaceholderTemplates
{
    public TemplateFacts? For(AnalysisContext context) => context.Snapshot.TemplateFacts(context.Environment);
}
