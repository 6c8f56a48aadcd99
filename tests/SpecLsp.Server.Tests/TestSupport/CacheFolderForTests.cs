using System.Runtime.CompilerServices;

namespace SpecLsp.Server.Tests.TestSupport;

// speclsp check keeps a cache in the user's cache folder by default: the tests (in process, and the processes they
// start, which inherit the variable) keep theirs in a folder of their own, never in the home folder.
internal static class CacheFolderForTests
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        if (Environment.GetEnvironmentVariable("SPECLSP_CACHE_DIR") is not { Length: > 0 })
        {
            Environment.SetEnvironmentVariable("SPECLSP_CACHE_DIR", Path.Combine(Path.GetTempPath(), $"speclsp-test-cache-{Environment.ProcessId}"));
        }
    }
}
