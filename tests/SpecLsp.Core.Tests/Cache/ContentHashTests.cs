using System.Text;
using SpecLsp.Core.Cache;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.Tests.Cache;

public sealed class ContentHashTests : IDisposable
{
    private readonly string _root = WorkspacePaths.Normalize(Path.Combine(Path.GetTempPath(), "speclsp-hash-" + Guid.NewGuid().ToString("N")))!;

    public ContentHashTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    public static TheoryData<string> Texts() => new()
    {
        string.Empty,
        "# Title\n",
        "# Überblick 日本語 \uD83D\uDE00\n",

        // A surrogate pair and three-byte characters across the encoder's 4,096-character chunks.
        new string('a', 4095) + "\uD83D\uDE00" + new string('é', 5000) + "日本",
        new string('€', 12_289),
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void TheHashOfTheText_IsTheHashOfItsUtf8Bytes(string text) =>
        Assert.Equal(ContentHash.OfUtf8(Encoding.UTF8.GetBytes(text)), ContentHash.Of(text));

    [Theory]
    [MemberData(nameof(Texts))]
    public void TheDisksHashOfAFile_IsTheHashOfTheTextItReads(string text)
    {
        var workspace = new DiskWorkspace([_root]);
        var plain = Path.Combine(_root, "plain.md");
        var withMark = Path.Combine(_root, "bom.md");
        File.WriteAllText(plain, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.WriteAllText(withMark, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        foreach (var path in new[] { plain, withMark })
        {
            Assert.Equal(text, workspace.ReadFile(path).Text);
            Assert.Equal(ContentHash.Of(text), workspace.HashFile(path));
        }
    }

    [Fact]
    public void DifferentTexts_HashDifferently_AndNoFileHashesToNothing()
    {
        var workspace = new DiskWorkspace([_root]);

        Assert.NotEqual(ContentHash.Of("# A\n"), ContentHash.Of("# B\n"));
        Assert.Null(workspace.HashFile(Path.Combine(_root, "missing.md")));
        Assert.Null(workspace.HashFile(Path.Combine(Path.GetTempPath(), "outside-" + Guid.NewGuid().ToString("N") + ".md")));
    }
}
