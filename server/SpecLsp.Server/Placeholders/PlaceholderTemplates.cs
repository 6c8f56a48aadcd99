using System.Runtime.CompilerServices;
using SpecLsp.Core.Analysis;
using SpecLsp.Core.Placeholders;
using SpecLsp.Core.Templates;

namespace SpecLsp.Server.Placeholders;

/// <summary>The facts of the template a document follows (the templates feature's choice), for the placeholder and metadata features.</summary>
internal sealed class PlaceholderTemplates(ITemplateEnvironmentSource templates)
{
    // The choice is cached by the environment; the facts depend only on the template, so they are built once per template.
    private readonly ConditionalWeakTable<SpecTemplate, TemplateFacts> _facts = [];

    public TemplateFacts? For(AnalysisContext context) =>
        templates.Current.Choose(context.Document, context.DocumentUri).Template is { } template
            ? _facts.GetValue(template, static t => TemplateFacts.For(t.Name, t.Body))
            : null;
}
