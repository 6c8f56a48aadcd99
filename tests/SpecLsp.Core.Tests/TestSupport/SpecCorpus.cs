namespace SpecLsp.Core.Tests.TestSupport;

/// <summary>The repository's own Markdown, for the differential tests that compare two ways of parsing it.</summary>
internal static class SpecCorpus
{
    /// <summary>The repository's root folder.</summary>
    public static string RepositoryRoot => Path.GetFullPath(Path.Combine(Fixtures.SourceDirectory(), "..", ".."));

    /// <summary>The specs the repository holds (test fixtures, <c>examples/</c>, the built-in templates), full paths in ordinal order.</summary>
    public static IEnumerable<string> Specs()
    {
        string root = RepositoryRoot;
        return Directory.EnumerateFiles(Path.Combine(Fixtures.SourceDirectory(), "Fixtures"), "*.md", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "examples"), "*.md", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "server", "SpecLsp.Core", "Templates", "BuiltIn"), "*.md"))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>Every Markdown file of the repository outside <c>node_modules</c>, <c>bin</c> and <c>obj</c>, full paths in ordinal order.</summary>
    public static IEnumerable<string> AllMarkdown() =>
        Directory.EnumerateFiles(RepositoryRoot, "*.md", SearchOption.AllDirectories)
            .Where(f => !f.Replace('\\', '/').Split('/').Any(part => part is "node_modules" or "bin" or "obj"))
            .Order(StringComparer.Ordinal);

    /// <summary><paramref name="paths"/> relative to the repository root, with <c>/</c>, as theory data (readable test names).</summary>
    public static TheoryData<string> Relative(IEnumerable<string> paths)
    {
        var data = new TheoryData<string>();
        foreach (var path in paths)
        {
            data.Add(Path.GetRelativePath(RepositoryRoot, path).Replace('\\', '/'));
        }

        return data;
    }

    /// <summary>The text of a file named relative to the repository root.</summary>
    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(RepositoryRoot, relativePath));
}
