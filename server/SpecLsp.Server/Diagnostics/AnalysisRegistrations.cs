using Microsoft.Extensions.DependencyInjection;
using SpecLsp.Core.Analysis;
using SpecLsp.Core.Metadata;
using SpecLsp.Core.Placeholders;
using SpecLsp.Core.References;
using SpecLsp.Core.Sections;
using SpecLsp.Server.Handlers;
using SpecLsp.Server.Placeholders;

namespace SpecLsp.Server.Diagnostics;

/// <summary>
/// The one place each diagnostic feature registers its analyzer and fix source. The language server and
/// <c>speclsp check</c> both build their engine from here, so CI reports exactly what the editor shows.
/// Needs an <see cref="Core.Templates.ITemplateEnvironmentSource"/> registered by the caller.
/// </summary>
internal static class AnalysisRegistrations
{
    public static IServiceCollection AddSpecAnalysis(this IServiceCollection services)
    {
        services.AddSingleton<IDocumentAnalyzer, SectionAnalyzer>();
        services.AddSingleton<IDocumentAnalyzer, LinkAnalyzer>();
        services.AddSingleton<IDocumentAnalyzer, IdAnalyzer>();
        services.AddSingleton<PlaceholderTemplates>();
        services.AddSingleton<IDocumentAnalyzer>(s => new PlaceholderAnalyzer(s.GetRequiredService<PlaceholderTemplates>().For));
        services.AddSingleton<IDocumentAnalyzer>(s => new MetadataAnalyzer(s.GetRequiredService<PlaceholderTemplates>().For));
        services.AddSingleton<DiagnosticEngine>();

        services.AddSingleton<PlaceholderFeatures>();
        services.AddSingleton<ICodeActionSource>(s => s.GetRequiredService<PlaceholderFeatures>());
        services.AddSingleton<ICompletionSource>(s => s.GetRequiredService<PlaceholderFeatures>());
        return services;
    }
}
