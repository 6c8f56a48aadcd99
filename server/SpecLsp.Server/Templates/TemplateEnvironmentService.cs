using System.Text.Json;
using Microsoft.Extensions.Logging;
using SpecLsp.Core.Configuration;
using SpecLsp.Core.Templates;
using SpecLsp.Core.Text;
using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Conversions;
using SpecLsp.Server.Workspace;
using LspDiagnostic = SpecLsp.Protocol.Lsp.Diagnostic;

namespace SpecLsp.Server.Templates;

/// <summary>
/// The workspace's templates and configuration: <c>.speclsp.yaml</c> laid over the client's <c>speclsp</c>
/// settings. Reloaded when either changes; a reload that changes anything diagnostics read puts the new environment
/// into the <see cref="ServerState"/>, whose observers compute diagnostics again.
/// </summary>
internal sealed partial class TemplateEnvironmentService(ServerStateStore store, JsonRpcConnection connection, ClientSession session, ILogger<TemplateEnvironmentService> logger)
    : ITemplateEnvironmentSource
{
    public const string SettingsSection = "speclsp";

    private readonly Lock _lock = new();
    private ConfigurationSettings? _clientSettings;
    private string? _publishedConfigurationUri;

    /// <summary>
    /// The problems in the configuration file, by its URI: pushed (a pulling client pulls only the documents its
    /// selector names, and VS Code's names Markdown alone) and also the answer to a pull for that file.
    /// </summary>
    public (string Uri, LspDiagnostic[] Diagnostics)? ConfigurationDiagnostics { get; private set; }

    private bool _pushWorkspaceDiagnosticsSetting;

    public TemplateEnvironment Current => store.Current.Templates;

    public string? WorkspaceRoot
    {
        get
        {
            var initialize = session.InitializeParams;
            string? uri = initialize?.WorkspaceFolders is [var first, ..] ? first.Uri : initialize?.RootUri;
            if (uri is not null && Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile)
            {
                return parsed.LocalPath;
            }

            return initialize?.RootPath;
        }
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await PullClientSettingsAsync(cancellationToken).ConfigureAwait(false);
            Reload();
            await RegisterWatchersAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogLoadFailed(logger, ex);
        }
    }

    public async Task OnDidChangeConfigurationAsync(JsonElement? settings, CancellationToken cancellationToken)
    {
        try
        {
            // Most clients send null here and expect a pull; a few push the whole settings object.
            if (settings is { ValueKind: JsonValueKind.Object } all && all.TryGetProperty(SettingsSection, out var section))
            {
                SetClientSettings(section);
            }
            else
            {
                await PullClientSettingsAsync(cancellationToken).ConfigureAwait(false);
            }

            Reload();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogLoadFailed(logger, ex);
        }
    }

    public void OnFilesChanged(IEnumerable<string> uris)
    {
        if (uris.Any(IsConfigurationOrTemplate))
        {
            Reload();
        }
    }

    public void Reload()
    {
        LoadedEnvironment loaded;
        lock (_lock)
        {
            loaded = TemplateEnvironmentLoader.Load(WorkspaceRoot, _clientSettings);
            var next = loaded.Environment;
            bool push = _pushWorkspaceDiagnosticsSetting;

            // Only a change of something that affects diagnostics makes a new state: every open document's are then
            // computed again.
            store.Update(state =>
                next.Configuration.Equals(state.Templates.Configuration)
                && next.Catalog.Fingerprint == state.Templates.Catalog.Fingerprint
                && next.WorkspaceRoot == state.Templates.WorkspaceRoot
                && push == state.PushWorkspaceDiagnostics
                    ? state
                    : state.WithTemplates(next, push));
            PublishConfigurationDiagnostics(loaded);
        }

        foreach (var template in loaded.Environment.Catalog.Templates.Where(t => t.Origin == TemplateOrigin.Workspace))
        {
            foreach (var problem in template.Problems)
            {
                LogTemplateProblem(logger, template.Name, problem);
            }
        }
    }

    private bool IsConfigurationOrTemplate(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile)
        {
            return false;
        }

        string path = parsed.LocalPath;
        if (string.Equals(Path.GetFileName(path), SpecLspConfiguration.FileName, StringComparison.Ordinal))
        {
            return true;
        }

        string? root = WorkspaceRoot;
        if (root is null || !path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string folder = Path.GetFullPath(Path.Combine(root, Current.Configuration.TemplatesFolder));
        return string.Equals(Path.GetDirectoryName(path), folder.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
    }

    private async Task PullClientSettingsAsync(CancellationToken cancellationToken)
    {
        if (session.Capabilities.Workspace?.Configuration != true)
        {
            return;
        }

        var request = new ConfigurationParams { Items = [new ConfigurationItem { Section = SettingsSection }] };
        var result = await connection.SendRequestAsync(Methods.WorkspaceConfiguration, request, LspJsonContext.Default.ConfigurationParams, LspJsonContext.Default.JsonElementArray, cancellationToken).ConfigureAwait(false);
        if (result is [var section, ..])
        {
            SetClientSettings(section);
        }
    }

    private void SetClientSettings(JsonElement section)
    {
        var problems = new List<string>();
        var settings = ClientSettingsReader.Read(section, problems);
        foreach (var problem in problems)
        {
            LogBadSetting(logger, problem);
        }

        lock (_lock)
        {
            _clientSettings = settings;
            _pushWorkspaceDiagnosticsSetting = ClientSettingsReader.PushesWorkspaceDiagnostics(section);
        }
    }

    private async Task RegisterWatchersAsync(CancellationToken cancellationToken)
    {
        if (session.Capabilities.Workspace?.DidChangeWatchedFiles?.DynamicRegistration != true)
        {
            return;
        }

        var options = new DidChangeWatchedFilesRegistrationOptions
        {
            Watchers =
            [
                new Protocol.Lsp.FileSystemWatcher { GlobPattern = "**/" + SpecLspConfiguration.FileName },
                new Protocol.Lsp.FileSystemWatcher { GlobPattern = "**/" + Current.Configuration.TemplatesFolder.Trim('/') + "/*.md" },
            ],
        };
        var registration = new Registration
        {
            Id = "speclsp-configuration-watcher",
            Method = Methods.WorkspaceDidChangeWatchedFiles,
            RegisterOptions = JsonSerializer.SerializeToElement(options, LspJsonContext.Default.DidChangeWatchedFilesRegistrationOptions),
        };
        await connection.SendRequestAsync(Methods.ClientRegisterCapability, new RegistrationParams { Registrations = [registration] }, LspJsonContext.Default.RegistrationParams, LspJsonContext.Default.JsonElement, cancellationToken).ConfigureAwait(false);
    }

    private void PublishConfigurationDiagnostics(LoadedEnvironment loaded)
    {
        string? uri = loaded.ConfigurationFile is { } file ? new Uri(file).AbsoluteUri : null;
        if (_publishedConfigurationUri is { } previous && previous != uri)
        {
            connection.SendNotification(Methods.TextDocumentPublishDiagnostics, new PublishDiagnosticsParams { Uri = previous, Diagnostics = [] }, LspJsonContext.Default.PublishDiagnosticsParams);
        }

        _publishedConfigurationUri = uri;
        if (uri is null)
        {
            ConfigurationDiagnostics = null;
            return;
        }

        var text = SourceText.From(loaded.ConfigurationText ?? string.Empty);
        var diagnostics = loaded.Diagnostics.Select(d => DiagnosticConversions.ToLsp(d, uri, text, session.Encoder, _ => null)).ToArray();
        ConfigurationDiagnostics = (uri, diagnostics);
        connection.SendNotification(Methods.TextDocumentPublishDiagnostics, new PublishDiagnosticsParams { Uri = uri, Diagnostics = diagnostics }, LspJsonContext.Default.PublishDiagnosticsParams);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the speclsp configuration failed.")]
    private static partial void LogLoadFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Template '{Template}': {Problem}")]
    private static partial void LogTemplateProblem(ILogger logger, string template, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored client setting: {Problem}")]
    private static partial void LogBadSetting(ILogger logger, string problem);
}
