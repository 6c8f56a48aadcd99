namespace SpecLsp.Server.Tests.TestSupport;

internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Examples => Path.Combine(Root, "examples");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SpecLsp.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("SpecLsp.sln not found above " + AppContext.BaseDirectory);
    }
}
