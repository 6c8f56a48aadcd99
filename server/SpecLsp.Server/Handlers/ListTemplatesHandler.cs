using SpecLsp.Core.Templates;
using SpecLsp.Server.Templates;

namespace SpecLsp.Server.Handlers;

/// <summary><c>speclsp/listTemplates</c>: the templates the extension's "New spec" picker offers, workspace ones included.</summary>
internal sealed class ListTemplatesHandler(TemplateEnvironmentService templates) : IRequestHandler<ListTemplatesParams, TemplateInfo[]>
{
    public const string Method = "speclsp/listTemplates";

    public Task<TemplateInfo[]> HandleAsync(ListTemplatesParams request, CancellationToken cancellationToken) =>
        Task.FromResult<TemplateInfo[]>([.. templates.Current.Catalog.Templates.Select(t => new TemplateInfo
        {
            Name = t.Name,
            Description = t.Description,
            BuiltIn = t.Origin == TemplateOrigin.BuiltIn,
        })]);
}
