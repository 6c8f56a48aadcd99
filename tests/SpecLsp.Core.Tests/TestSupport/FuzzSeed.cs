namespace SpecLsp.Core.Tests.TestSupport;

/// <summary>
/// The seed of a randomised test: fixed, so a run repeats, unless <c>SPECLSP_FUZZ_SEED</c> names another one to explore
/// or replay. Every such test prints the seed it used in its failure message.
/// </summary>
internal static class FuzzSeed
{
    /// <summary><c>SPECLSP_FUZZ_SEED</c> when it is set to a number, else <paramref name="fixedSeed"/>.</summary>
    public static int Or(int fixedSeed) =>
        int.TryParse(Environment.GetEnvironmentVariable("SPECLSP_FUZZ_SEED"), out int seed) ? seed : fixedSeed;
}
