using System.Collections.Immutable;
using System.Text;
using SpecLsp.Core.Cache;
using SpecLsp.Core.Parsing;
using SpecLsp.Core.Tests.TestSupport;
using SpecLsp.Core.Text;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.Tests.Cache;

public class FileIndexCodecTests
{
    private static readonly ImmutableArray<string> Roots = [WorkspacePaths.Normalize(Path.Combine(Path.GetTempPath(), "codec-root"))!];

    private static readonly string Tricky = """
        # Title with `code` and *emphasis* 🚀
        **Spec ID:** SPEC-2026-01-05-001
        **Status:** Draft

        ## Overview
        See [the other](../other.md#overview), [ref link][Ref], [Ref][], ![image](pic.png "t"), <https://example.com>,
        www.example.com, [undefined][nowhere] and [self](#overview).

        ## Overview
        <a id="explicit-one"></a>
        <span name="Explicit-Two"></span>

        ### FR1: First requirement
        - [ ] FR2: a task that defines an ID, mentioning US-1 and SPEC-2026-01-05-002
        | ID | Title |
        |----|-------|
        | T1 | a row |

        Setext heading
        ==============

        [Ref]: <./dir/file%20name.md#Frag%C3%A9> "title"
        [other]: https://example.com/x?y=1#z
        """;

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string> { "tricky", "empty", "unicode" };
        var examples = Path.Combine(Fixtures.SourceDirectory(), "..", "..", "examples");
        foreach (var file in Directory.EnumerateFiles(examples, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(examples, file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void AnEntryReadBack_EqualsTheEntryParsingMade(string name)
    {
        var (path, text) = Load(name);
        var entry = FileIndex.Create(path, SpecParser.Parse(SourceText.From(text)), Roots);

        var writer = new CacheWriter();
        FileIndexCodec.Write(writer, entry);
        var read = FileIndexCodec.Read(writer.Written, path, Roots);

        Assert.Equal(Dump(entry), Dump(read));
    }

    [Fact]
    public void EveryTruncation_IsReportedAsDamage()
    {
        var (path, text) = Load("tricky");
        var writer = new CacheWriter();
        FileIndexCodec.Write(writer, FileIndex.Create(path, SpecParser.Parse(SourceText.From(text)), Roots));
        var bytes = writer.Written.ToArray();

        for (int length = 0; length < bytes.Length; length++)
        {
            Assert.Throws<InvalidDataException>(() => FileIndexCodec.Read(bytes.AsSpan(0, length), path, Roots));
        }
    }

    [Fact]
    public void AnyDamagedByte_GivesAnEntryOrInvalidData_NeverAnotherException()
    {
        int seed = FuzzSeed.Or(20261204);
        var random = new Random(seed);
        var (path, text) = Load("tricky");
        var writer = new CacheWriter();
        FileIndexCodec.Write(writer, FileIndex.Create(path, SpecParser.Parse(SourceText.From(text)), Roots));
        var original = writer.Written.ToArray();

        for (int round = 0; round < 2000; round++)
        {
            var bytes = (byte[])original.Clone();
            int position = random.Next(bytes.Length);
            bytes[position] = (byte)random.Next(256);
            try
            {
                _ = FileIndexCodec.Read(bytes, path, Roots);
            }
            catch (InvalidDataException)
            {
            }
            catch (Exception e)
            {
                Assert.Fail($"Seed {seed} (set SPECLSP_FUZZ_SEED to repeat), round {round}: byte {position} set to {bytes[position]} threw {e}");
            }
        }
    }

    [Fact]
    public void ReadAgainstOtherRoots_ResolvesLinksAsCreateWould()
    {
        var (path, text) = Load("tricky");
        var document = SpecParser.Parse(SourceText.From(text));
        var writer = new CacheWriter();
        FileIndexCodec.Write(writer, FileIndex.Create(path, document, Roots));

        // The same file read in a session whose root is its own folder: "../other.md" now leaves the workspace.
        ImmutableArray<string> narrower = [WorkspacePaths.GetDirectory(path)];
        var read = FileIndexCodec.Read(writer.Written, path, narrower);

        Assert.Equal(Dump(FileIndex.Create(path, document, narrower)), Dump(read));
        Assert.NotEqual(Dump(FileIndex.Create(path, document, Roots)), Dump(read));
    }

    private static (string Path, string Text) Load(string name) => name switch
    {
        "tricky" => (Path.Combine(Roots[0], "specs", "tricky.md"), Tricky),
        "empty" => (Path.Combine(Roots[0], "empty.md"), string.Empty),
        "unicode" => (Path.Combine(Roots[0], "unicode.md"), "# Überblick 日本語\n\n## Ça va? \uD83D\uDE00\n\nUS-1 and [x](#ça-va-)\n"),
        _ => (Path.Combine(Roots[0], name), File.ReadAllText(Path.Combine(Fixtures.SourceDirectory(), "..", "..", "examples", name))),
    };

    private static string Dump(FileIndex entry) => IndexDump.Of(entry);
}
