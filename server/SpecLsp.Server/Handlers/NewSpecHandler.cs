using SpecLsp.Core;
using SpecLsp.Core.Templates;
using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Server.Templates;

namespace SpecLsp.Server.Handlers;

/// <summary><c>speclsp/newSpec</c>: writes a new spec from a template for the extension's "New spec" command.</summary>
internal sealed class NewSpecHandler(SpecLanguageService service) : IRequestHandler<NewSpecParams, NewSpecResult>
{
    public const string Method = "speclsp/newSpec";

    public async Task<NewSpecResult> HandleAsync(NewSpecParams request, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(request.Uri, UriKind.Absolute, out var uri) || !uri.IsFile)
        {
            throw new JsonRpcException(ErrorCodes.InvalidParams, $"'{request.Uri}' is not a file URI.");
        }

        var catalog = service.Environment.Catalog;
        var template = catalog.Find(request.TemplateName)
            ?? throw new JsonRpcException(ErrorCodes.InvalidParams, $"Unknown template '{request.TemplateName}'; known: {string.Join(", ", catalog.Names)}.");
        string text = NewSpecRenderer.Render(template, request.Title, service.Today);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(uri.LocalPath)!);

            // CreateNew fails if the file exists, even if it appeared a moment ago: never overwrite.
            var stream = new FileStream(uri.LocalPath, FileMode.CreateNew, FileAccess.Write);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(new System.Text.UTF8Encoding(false).GetBytes(text), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (IOException ex) when (File.Exists(uri.LocalPath))
        {
            throw new JsonRpcException(ErrorCodes.RequestFailed, $"{uri.LocalPath} already exists: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new JsonRpcException(ErrorCodes.RequestFailed, $"Cannot write {uri.LocalPath}: {ex.Message}");
        }

        return new NewSpecResult { Uri = uri.AbsoluteUri };
    }
}
