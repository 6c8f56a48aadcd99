using System.Diagnostics;

namespace SpecLsp.Server.Tests.TestSupport;

/// <summary>Runs the built <c>speclsp.dll</c> with <c>dotnet</c>, as users and editors do.</summary>
public static class SpeclspProcess
{
    public static string DllPath { get; } = FindDll();

    /// <summary>
    /// The cache folder of the servers these tests run, never the user's. Shared by test runs: every test's workspace
    /// is a folder of its own (the caches are per workspace), a cache from another build is never read, and the servers remove
    /// caches a month old.
    /// </summary>
    public static string CacheDirectory { get; } = Path.Combine(Path.GetTempPath(), "speclsp-test-cache");

    public static Process Start(params string[] args) => Start(args, environment: null);

    /// <summary>Starts the server with <paramref name="args"/>, and <paramref name="environment"/> over the test defaults.</summary>
    public static Process Start(string[] args, IReadOnlyDictionary<string, string?>? environment)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(DllPath);
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["SPECLSP_CACHE_DIR"] = CacheDirectory;
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[name] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    /// <summary>Runs a command to completion and returns its exit code and output.</summary>
    public static Task<(int ExitCode, string StandardOutput, string StandardError)> RunAsync(params string[] args) =>
        RunAsync(environment: null, args);

    /// <summary>Runs a command to completion with <paramref name="environment"/> over the test defaults.</summary>
    public static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunAsync(IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        using var process = Start(args, environment);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(LspTestClient.Timeout);
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string FindDll()
    {
        // The test build copies the referenced executable next to the tests.
        string local = Path.Combine(AppContext.BaseDirectory, "speclsp.dll");
        if (File.Exists(local) && File.Exists(Path.Combine(AppContext.BaseDirectory, "speclsp.runtimeconfig.json")))
        {
            return local;
        }

        throw new FileNotFoundException($"speclsp.dll and its runtimeconfig.json were not found in {AppContext.BaseDirectory}.");
    }
}
