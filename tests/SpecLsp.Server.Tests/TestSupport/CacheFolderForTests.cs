using System.Runtime.CompilerServices;

namespace SpecLsp.Server.Tests.TestSupport;

// speclsp check keeps a cache in the user's cache folder by default: the tests (in process, and the processes they
// start, which inherit the variable) keep theirs in a folder of their own, removed when the test process ends.
internal static class CacheFolderForTests
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        if (Environment.GetEnvironmentVariable("SPECLSP_CACHE_DIR") is { Length: > 0 })
        {
            return;
        }

        string folder = Path.Combine(Path.GetTempPath(), $"speclsp-test-cache-{Environment.ProcessId}");
        Environment.SetEnvironmentVariable("SPECLSP_CACHE_DIR", folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Litter in the temporary folder at worst.
            }
        };
    }
}
