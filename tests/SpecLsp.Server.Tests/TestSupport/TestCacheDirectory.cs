using System.Runtime.CompilerServices;

namespace SpecLsp.Server.Tests.TestSupport;

/// <summary>
/// Points the caches of every server these tests run, in this process or started from it, at a folder of this test
/// run's own: no test reads or writes the user's <c>~/.cache/speclsp</c>, nor a cache another run left.
/// </summary>
internal static class TestCacheDirectory
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        Environment.SetEnvironmentVariable("SPECLSP_CACHE_DIR", SpeclspProcess.CacheDirectory);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(SpeclspProcess.CacheDirectory, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Not there (no test scanned a workspace), or a server still writing: litter in the temporary folder.
            }
        };
    }
}
