using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.Tests.Workspace;

public class WorkspacePathsTests
{
    [Theory]
    [InlineData("/ws/./a/../b//c.md", "/ws/b/c.md")]
    [InlineData("/../../x", "/x")]
    [InlineData("c:\\Users\\me\\x.md", "C:/Users/me/x.md")]
    [InlineData("relative/x.md", null)]
    public void Normalize_Path_GivesExpected(string path, string? expected) => Assert.Equal(expected, WorkspacePaths.Normalize(path));

    [Theory]
    [InlineData("/ws/specs", "/ws/specs/b.md", "b.md")]
    [InlineData("/ws/specs", "/ws/docs/c.md", "../docs/c.md")]
    [InlineData("/ws", "/ws/a/b/c.md", "a/b/c.md")]
    public void GetRelativePath_FromFolder_GivesSlashPath(string from, string to, string expected) =>
        Assert.Equal(expected, WorkspacePaths.GetRelativePath(from, to));

    [Theory]
    [InlineData("/ws/my notes/a#1.md", "file:///ws/my%20notes/a%231.md")]
    [InlineData("C:/Users/x.md", "file:///c%3A/Users/x.md")]
    public void FileUri_RoundTrips(string path, string uri)
    {
        Assert.Equal(uri, WorkspacePaths.ToFileUri(path));
        Assert.Equal(path, WorkspacePaths.FromUriOrPath(uri));
    }

    [Fact]
    public void IsUnder_SiblingWithSamePrefix_IsFalse()
    {
        Assert.True(WorkspacePaths.IsUnder("/ws/a.md", "/ws"));
        Assert.False(WorkspacePaths.IsUnder("/ws2/a.md", "/ws"));
        Assert.Null(WorkspacePaths.FromUriOrPath("untitled:Untitled-1"));
    }
}
