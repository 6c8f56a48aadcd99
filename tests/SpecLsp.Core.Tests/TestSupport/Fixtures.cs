using System.Runtime.CompilerServices;

namespace SpecLsp.Core.Tests.TestSupport;

/// <summary>Reads fixtures and compares text with expected files kept beside them.</summary>
internal static class Fixtures
{
    public static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(Path.GetDirectoryName(path))!;

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(SourceDirectory(), "Fixtures", relativePath));

    /// <summary>
    /// Asserts that <paramref name="actual"/> equals the expected file. With SPECLSP_UPDATE_EXPECTED=1 the file is
    /// (re)written instead, for a human to review in the diff before committing.
    /// </summary>
    public static void AssertMatchesExpected(string relativePath, string actual)
    {
        string path = Path.Combine(SourceDirectory(), "Fixtures", relativePath);
        if (Environment.GetEnvironmentVariable("SPECLSP_UPDATE_EXPECTED") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Missing expected file {path}; run with SPECLSP_UPDATE_EXPECTED=1 and review it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}
