using System.Runtime.CompilerServices;

namespace SpecLsp.Server.Tests.TestSupport;

/// <summary>
/// Points the caches of every server these tests run, in this process or started from it, at
/// <see cref="SpeclspProcess.CacheDirectory"/>: no test reads or writes the user's <c>~/.cache/speclsp</c>.
/// </summary>
internal static class TestCacheDirectory
{
    [ModuleInitializer]
    internal static void Initialize() => Environment.SetEnvironmentVariable("SPECLSP_CACHE_DIR", SpeclspProcess.CacheDirectory);
}
