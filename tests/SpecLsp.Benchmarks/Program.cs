using BenchmarkDotNet.Running;

namespace SpecLsp.Benchmarks;

internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "edit-profile")
        {
            return Latency.EditPathProfile.Run(args);
        }

        if (args.Length > 0 && args[0] == "latency")
        {
            return Latency.LatencyBenchmark.RunAsync(args).GetAwaiter().GetResult();
        }

        if (args.Length > 0 && args[0] == "index-workspace")
        {
            return WorkspaceIndexBenchmark.Run(args);
        }

        if (args.Length > 0 && args[0] == "index-cache-verify")
        {
            return IndexCacheVerify.Run(args);
        }

        if (args.Length > 0 && args[0] == "cache-profile")
        {
            return CacheProfile.Run(args);
        }

        if (args.Length > 0 && args[0] == "check-profile")
        {
            return CheckProfile.Run(args);
        }

        if (args.Length > 0 && args[0] == "workspace-symbols")
        {
            return WorkspaceSymbolBenchmark.Run(args);
        }

        if (args.Length > 0 && args[0] == "adversarial")
        {
            return AdversarialBenchmark.Run();
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
