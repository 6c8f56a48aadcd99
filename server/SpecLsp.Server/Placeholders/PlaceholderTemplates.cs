using SpecLsp.Core.Analysis;
using SpecLsp.Core.Placeholders;
using SpecLsp.Core.Templates;

namespace SpecLsp.Server.Placeholders;

/// <summary>The facts of the template a document follows (the templates feature's choice), for the placeholder and metadata features.</summary>
internal sealed class PlaceholderTemplates(ITemplateEnvironmentSource templates)
{
    public TemplateFacts? For(AnalysisContext context) =>
        templates.Current.Choose(context.Document, context.DocumentUri).Template is { } template ? TemplateFacts.For(template.Name, template.Body) : null;
}
