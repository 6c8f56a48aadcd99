using SpecLsp.Server.Cli;

namespace SpecLsp.Server;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        // stdout is the protocol channel: keep the real stream for it and send every stray Console.Write to stderr.
        var stdout = Console.OpenStandardOutput();
        Console.SetOut(Console.Error);
        return await CommandLine.RunAsync(args, Console.OpenStandardInput(), stdout, Console.Error).ConfigureAwait(false);
    }
}
