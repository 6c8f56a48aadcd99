using System.Runtime.CompilerServices;
using SpecLsp.Core.Analysis;
using SpecLsp.Core.Model;
using SpecLsp.Core.Placeholders;
using SpecLsp.Core.Templates;

namespace SpecLsp.Server.Placeholders;

/// <summary>The facts of the template a document follows (the templates feature's choice), for the placeholder and metadata features.</summary>
internal sealed class PlaceholderTemplates(ITemplateEnvironmentSource templates)
{
    // Both analyzers and the completion ask for the same document version; choosing scores every template, so once is enough.
    private readonly ConditionalWeakTable<SpecDocument, Choice> _choices = [];

    public TemplateFacts? For(AnalysisContext context)
    {
        var environment = templates.Current;
        if (_choices.TryGetValue(context.Document, out var cached) && ReferenceEquals(cached.Environment, environment) && cached.Uri == context.DocumentUri)
        {
            return cached.Facts;
        }

        var facts = environment.Choose(context.Document, context.DocumentUri).Template is { } template ? TemplateFacts.For(template.Name, template.Body) : null;
        _choices.AddOrUpdate(context.Document, new Choice(environment, context.DocumentUri, facts));
        return facts;
    }

    private sealed record Choice(TemplateEnvironment Environment, string? Uri, TemplateFacts? Facts);
}
