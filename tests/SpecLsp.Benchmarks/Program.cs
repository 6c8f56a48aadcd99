namespace SpecLsp.Benchmarks; internal static class Program { private static void Main() { } }
