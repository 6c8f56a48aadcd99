using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using SpecLsp.Core.Configuration;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Tests.TestSupport;

namespace SpecLsp.Core.Tests.Robustness;

/// <summary>No regular expression in the server may backtrack without a bound on input a user controls.</summary>
public class RegexSafetyTests
{
    private static readonly string[] AdversarialInputs =
    [
        Repeat("a", 100_000),
        Repeat("<a ", 33_000) + "id=",
        Repeat("<a id=\"", 14_000),
        "<a " + Repeat(" ", 100_000) + "x",
        Repeat("a/", 50_000) + "!",
        Repeat("*a", 50_000),
        Repeat("{a,", 33_000),
    ];

    [Fact]
    public void GeneratedRegexes_InCore_AreNonBacktrackingOrTimedAndLinearOnAdversarialInput()
    {
        var regexes = typeof(SpecParser).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0 && !m.ContainsGenericParameters)
            .Select(m => (Name: m.DeclaringType!.Name + "." + m.Name, Regex: (Regex)m.Invoke(null, null)!))
            .ToList();

        Assert.NotEmpty(regexes);
        foreach (var (name, regex) in regexes)
        {
            AssertBounded(name, regex);
        }
    }

    [Theory]
    [InlineData("**/*.md")]
    [InlineData("specs/{a,b,c}/**/*a*a*a*a*a*a*a*a*.md")]
    [InlineData("**/**/**/**/**/**/**/**/*.md")]
    public void Glob_AdversarialPaths_AreNonBacktracking(string pattern)
    {
        var glob = Glob.TryCreate(pattern)!;
        var regex = (Regex)typeof(Glob).GetField("_regex", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(glob)!;

        AssertBounded(pattern, regex);
    }

    [Fact]
    public void Glob_HugeOrDeeplyNestedPattern_IsRefusedOrBoundedNeverThrows()
    {
        foreach (string pattern in new[] { new string('{', 2_000) + new string('}', 2_000), Repeat("*a", 20_000), Repeat("{a,", 5_000) + new string('}', 5_000) })
        {
            var glob = Glob.TryCreate(pattern);
            glob?.IsMatch(Repeat("a", 10_000));
        }
    }

    [Fact]
    public void SourceFiles_EveryRegexConstruction_IsNonBacktrackingOrHasATimeout()
    {
        string server = Path.Combine(RepositoryRoot(), "server");
        var offending = new List<string>();
        int seen = 0;
        foreach (string file in Directory.EnumerateFiles(server, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
        {
            string[] lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i];
                bool construction = line.Contains("new Regex(", StringComparison.Ordinal) || line.Contains("[GeneratedRegex(", StringComparison.Ordinal)
                    || System.Text.RegularExpressions.Regex.IsMatch(line, @"\bRegex\.(IsMatch|Match|Matches|Replace|Split|Count|EnumerateMatches)\(", RegexOptions.NonBacktracking);
                if (!construction)
                {
                    continue;
                }

                seen++;
                string statement = string.Join(' ', lines.Skip(i).Take(3));
                if (!statement.Contains("NonBacktracking", StringComparison.Ordinal) && !statement.Contains("TimeSpan", StringComparison.Ordinal)
                    && !statement.Contains("matchTimeoutMilliseconds", StringComparison.Ordinal))
                {
                    offending.Add($"{Path.GetRelativePath(server, file)}:{i + 1}: {line.Trim()}");
                }
            }
        }

        Assert.True(seen > 0, "The scan found no regular expression at all; is it looking in the right place?");
        Assert.Empty(offending);
    }

    private static void AssertBounded(string name, Regex regex)
    {
        Assert.True(
            regex.Options.HasFlag(RegexOptions.NonBacktracking) || regex.MatchTimeout != Regex.InfiniteMatchTimeout,
            $"{name} ({regex}) neither is NonBacktracking nor has a match timeout.");
        foreach (string input in AdversarialInputs)
        {
            // A timed-out backtracking regex throws; a NonBacktracking one is linear. Either way the loop ends.
            try
            {
                _ = regex.Count(input);
            }
            catch (RegexMatchTimeoutException)
            {
            }
        }
    }

    private static string RepositoryRoot()
    {
        string directory = Fixtures.SourceDirectory();
        while (!File.Exists(Path.Combine(directory, "SpecLsp.sln")))
        {
            directory = Path.GetDirectoryName(directory) ?? throw new InvalidOperationException("SpecLsp.sln not found above the tests.");
        }

        return directory;
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();
}
