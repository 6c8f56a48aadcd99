using System.Text;
using System.Text.RegularExpressions;
using SpecLsp.Server.Tests.TestSupport;

namespace SpecLsp.Server.Tests.Check;

/// <summary>
/// <c>speclsp check</c> with its cache prints byte for byte what <c>--no-cache</c> prints, over the real process,
/// while the workspace changes between runs: headings other files link to, linked files and folders that appear and
/// go, SPEC- IDs defined twice, a feature folder's marker, the configuration, a template, and the cache file itself.
/// </summary>
public sealed partial class CheckCacheEndToEndTests : IDisposable
{
    private static readonly string[] Words = ["Overview", "Requirements", "Export", "Rollout", "Risks", "Design", "Goals", "Metrics"];
    private readonly string _root = Directory.CreateTempSubdirectory("speclsp-cache-e2e-").FullName;
    private readonly string _cache;

    public CheckCacheEndToEndTests() => _cache = Path.Combine(_root, "..", Path.GetFileName(_root) + "-cache");

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    [Fact]
    public async Task Check_RandomChangesBetweenRuns_CachedOutputEqualsUncachedOutput()
    {
        // Fixed, so a run repeats; SPECLSP_FUZZ_SEED tries others, SPECLSP_FUZZ_STEPS runs longer. Every failure names the seed.
        int seed = int.TryParse(Environment.GetEnvironmentVariable("SPECLSP_FUZZ_SEED"), out int s) ? s : 20261204;
        int steps = int.TryParse(Environment.GetEnvironmentVariable("SPECLSP_FUZZ_STEPS"), out int n) ? n : 14;
        var random = new Random(seed);
        CreateWorkspace(random);
        int reused = 0;
        var history = new List<string>();
        for (int step = 0; step < steps; step++)
        {
            string format = step % 3 == 2 ? "text" : "json";

            // Mostly the whole workspace; sometimes one file or folder of it, which checks fewer files against the same cache.
            string target = random.Next(4) switch
            {
                0 when File.Exists(Path.Combine(_root, "specs", "s1.md")) => Path.Combine(_root, "specs", "s1.md"),
                1 => Path.Combine(_root, "specs", "001-audit"),
                _ => _root,
            };
            var cached = await SpeclspProcess.RunAsync("check", target, "--format", format, "--cache-dir", _cache, "--verbose", "--no-color");
            var uncached = await SpeclspProcess.RunAsync("check", target, "--format", format, "--no-cache", "--no-color");
            string context = $"seed {seed} (SPECLSP_FUZZ_SEED), step {step}, checking {Path.GetRelativePath(_root, target)}, after: {string.Join("; ", history)}";
            Assert.True(uncached.StandardOutput == cached.StandardOutput, $"{context}\n--- cached\n{cached.StandardOutput}\n--- uncached\n{uncached.StandardOutput}");
            Assert.True(uncached.ExitCode == cached.ExitCode, context);
            reused += UnchangedCount().Match(cached.StandardError) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            history.Add(Mutate(random));
        }

        // The runs must have used the cache, or the comparison above proves nothing.
        Assert.True(reused > 0, $"seed {seed}: no run reused a cached file");
    }

    [Fact]
    public async Task Check_WithTheCachesTurnedOffInTheEnvironment_WritesNoCache()
    {
        CreateWorkspace(new Random(11));
        var uncached = await SpeclspProcess.RunAsync("check", _root, "--format", "json", "--no-cache");

        var run = await SpeclspProcess.RunAsync(new Dictionary<string, string?> { ["SPECLSP_NO_CACHE"] = "1" }, "check", _root, "--format", "json", "--cache-dir", _cache);

        Assert.Equal(uncached.StandardOutput, run.StandardOutput);
        Assert.False(Directory.Exists(_cache) && Directory.EnumerateFileSystemEntries(_cache).Any());
    }

    [Fact]
    public async Task Check_CorruptOrForeignCache_GivesTheUncachedOutput()
    {
        CreateWorkspace(new Random(7));
        var uncached = await SpeclspProcess.RunAsync("check", _root, "--format", "json", "--no-cache");
        var first = await SpeclspProcess.RunAsync("check", _root, "--format", "json", "--cache-dir", _cache);
        string file = Assert.Single(Directory.GetFiles(_cache, "check-*.bin"));
        byte[] good = File.ReadAllBytes(file);
        Assert.Equal(uncached.StandardOutput, first.StandardOutput);

        var damages = new List<(string Name, byte[] Bytes)>
        {
            ("empty", []),
            ("truncated", good[..(good.Length / 2)]),
            ("one byte changed", [.. good[..(good.Length / 2)], (byte)(good[good.Length / 2] ^ 0x20), .. good[(good.Length / 2 + 1)..]]),
            ("another header", [.. good[..8], (byte)(good[8] + 1), .. good[9..]]),
            ("not a cache", Encoding.UTF8.GetBytes("# Not a cache\n")),
        };
        foreach (var (name, bytes) in damages)
        {
            File.WriteAllBytes(file, bytes);
            var run = await SpeclspProcess.RunAsync("check", _root, "--format", "json", "--cache-dir", _cache, "--verbose");
            Assert.True(uncached.StandardOutput == run.StandardOutput, name);
            Assert.Equal(uncached.ExitCode, run.ExitCode);
            Assert.Contains("every file is analysed", run.StandardError, StringComparison.Ordinal);
        }

        // An unwritable cache folder (a file where the folder should be) is no cache at all, silently.
        string blocked = Path.Combine(_root, "..", Path.GetFileName(_root) + "-blocked");
        File.WriteAllText(blocked, "a file, not a folder");
        try
        {
            var run = await SpeclspProcess.RunAsync("check", _root, "--format", "json", "--cache-dir", blocked);
            Assert.Equal(uncached.StandardOutput, run.StandardOutput);
            Assert.Equal(uncached.ExitCode, run.ExitCode);
            Assert.Equal(string.Empty, run.StandardError);
        }
        finally
        {
            File.Delete(blocked);
        }
    }

    [GeneratedRegex(@"(\d+) of \d+ files unchanged")]
    private static partial Regex UnchangedCount();

    private void CreateWorkspace(Random random)
    {
        Write(".speclsp.yaml", "severity:\n  template-text: off\n");
        Write(".spec/templates/note.md", "# Note: [Title]\n\n## Summary\n\n<!-- What is it? -->\n\n## Details\n");
        for (int i = 0; i < 6; i++)
        {
            Write($"specs/s{i}.md", RandomSpec(random, i));
        }

        Write("specs/page.md", "# Page\n\n## Intro\n\nSee [s0](s0.md#overview).\n");
        Write("specs/note-1.md", "---\ntemplate: note\n---\n# Note: Caching\n\n## Summary\n\n<!-- What is it? -->\n");
        Write("specs/001-audit/spec.md", "# Feature Specification: Audit\n\n## Requirements\n\n- **FR-001**: Audit\n- Uses FR-002 and FR-009.\n");
        Write("specs/001-audit/tasks.md", "# Tasks: Audit\n\n## Phase 1\n\n- [ ] T001 Build FR-002, FR-003\n");
        Write("specs/001-audit/plan.md", "# Implementation Plan: Audit\n\n## Requirements\n\n- **FR-002**: Store\n");
        Write("assets/diagram.png", "not really a PNG");
        Write("docs/guide.txt", "a folder linked to");
        File.WriteAllBytes(Path.Combine(_root, "specs", "binary.md"), [0x23, 0x20, 0x00, 0x01]);
    }

    // A spec that links into the others' headings (some misspelt), to a picture, a folder, a page built from
    // page.md, a missing file, and mentions and defines SPEC- and FR IDs.
    private static string RandomSpec(Random random, int self)
    {
        var text = new StringBuilder($"# Feature Specification: Feature {self}\n\n**Spec ID:** SPEC-2026-01-05-{random.Next(8):D3}\n**Status:** In Review\n\n");
        foreach (string word in Words.OrderBy(_ => random.Next()).Take(random.Next(2, 6)))
        {
            text.Append($"## {word}\n\n");
            for (int line = random.Next(1, 4); line > 0; line--)
            {
                int other = random.Next(6);
                string anchor = Words[random.Next(Words.Length)].ToLowerInvariant() + (random.Next(4) == 0 ? "x" : string.Empty);
                text.Append(random.Next(9) switch
                {
                    0 => $"See [{other}](s{other}.md#{anchor}) and SPEC-2026-01-05-{random.Next(8):D3}.\n",
                    1 => $"A [diagram](../assets/diagram.png#top) and [the docs](../docs/).\n",
                    2 => $"The [page](page.html#intro) and [gone](gone-{random.Next(3)}.md).\n",
                    3 => $"#### FR{random.Next(1, 4)}: Part\nNeeds FR{random.Next(1, 6)}.\n",
                    4 => $"[Here](#{anchor}) and [there](s{self}.md#{anchor}).\n",
                    5 => $"The [audit](001-audit/tasks.md#phase-1) plan.\n",
                    6 => "Owner: [Your Name]\n",
                    7 => $"[ref][r{random.Next(3)}]\n\n[r0]: s{other}.md#{anchor}\n",
                    _ => $"Plain prose about {anchor}.\n",
                });
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private string Mutate(Random random)
    {
        int target = random.Next(6);
        switch (random.Next(13))
        {
            case 0:
                Write($"specs/s{target}.md", RandomSpec(random, target));
                return $"rewrote s{target}.md";
            case 1:
                string path = Path.Combine(_root, "specs", $"s{target}.md");
                if (File.Exists(path))
                {
                    string word = Words[random.Next(Words.Length)];
                    File.WriteAllText(path, Regex.Replace(File.ReadAllText(path), $"^## {word}$", $"## {word} Renamed", RegexOptions.Multiline));
                    return $"renamed heading {word} in s{target}.md";
                }

                return "nothing";
            case 2:
                return Toggle($"specs/s{target}.md", RandomSpec(random, target));
            case 3:
                return Toggle("assets/diagram.png", "picture");
            case 4:
                if (Directory.Exists(Path.Combine(_root, "docs")))
                {
                    Directory.Delete(Path.Combine(_root, "docs"), recursive: true);
                    return "deleted docs/";
                }

                Write("docs/guide.txt", "back");
                return "created docs/";
            case 5:
                return Toggle($"specs/gone-{random.Next(3)}.md", "# Gone\n\n## Overview\n");
            case 6:
                Write($"specs/dup-{random.Next(2)}.md", $"# Duplicate\n\n**Spec ID:** SPEC-2026-01-05-{random.Next(8):D3}\n");
                return "wrote a duplicate SPEC- ID";
            case 7:
                return Toggle("specs/page.md", "# Page\n\n## Intro\n\nBack.\n");
            case 8:
                return Toggle("specs/001-audit/spec.md", "# Feature Specification: Audit\n\n## Requirements\n\n- **FR-003**: Audit\n");
            case 9:
                Write(".speclsp.yaml", random.Next(3) switch
                {
                    0 => "severity:\n  broken-link: error\n",
                    1 => "siteRoot: specs\nmaxDiagnosticsPerDocument: 3\n",
                    _ => "severity:\n  template-text: off\n",
                });
                return "changed the configuration";
            case 10:
                Write(".spec/templates/note.md", random.Next(2) == 0
                    ? "# Note: [Title]\n\n## Summary\n\n<!-- What is it? -->\n\n## Details\n"
                    : "# Note: [Title]\n\n## Summary\n\n## Decision\n");
                return "changed the note template";
            case 11:
                return DamageCache(random);
            default:
                Write($"specs/s{target}.md", (File.Exists(Path.Combine(_root, "specs", $"s{target}.md")) ? File.ReadAllText(Path.Combine(_root, "specs", $"s{target}.md")) : string.Empty) + "\n## Appendix\n\nSee [the guide](../docs/guide.txt).\n");
                return $"appended to s{target}.md";
        }
    }

    private string DamageCache(Random random)
    {
        if (!Directory.Exists(_cache) || Directory.GetFiles(_cache, "check-*.bin") is not [var file])
        {
            return "no cache to damage";
        }

        byte[] bytes = File.ReadAllBytes(file);
        switch (random.Next(3))
        {
            case 0:
                File.WriteAllBytes(file, bytes[..random.Next(bytes.Length)]);
                return "truncated the cache";
            case 1:
                bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                File.WriteAllBytes(file, bytes);
                return "flipped a bit of the cache";
            default:
                File.Delete(file);
                return "deleted the cache";
        }
    }

    private string Toggle(string relative, string text)
    {
        string path = Path.Combine(_root, relative);
        if (File.Exists(path))
        {
            File.Delete(path);
            return $"deleted {relative}";
        }

        Write(relative, text);
        return $"created {relative}";
    }

    private void Write(string relative, string text)
    {
        string path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
