namespace SpecLsp.Core.Templates;

/// <summary>Gives the workspace's current <see cref="TemplateEnvironment"/>; the server swaps it when configuration or templates change.</summary>
public interface ITemplateEnvironmentSource
{
    /// <summary>The environment now in force.</summary>
    TemplateEnvironment Current { get; }
}

/// <summary>An environment source that never changes (tests, the command line).</summary>
/// <param name="environment">The environment.</param>
public sealed class FixedTemplateEnvironmentSource(TemplateEnvironment environment) : ITemplateEnvironmentSource
{
    /// <inheritdoc />
    public TemplateEnvironment Current { get; } = environment;
}
