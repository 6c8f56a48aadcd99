using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.Tests.Workspace;

public sealed class DiskWorkspaceTests : IDisposable
{
    private readonly string _base;
    private readonly string _root;
    private readonly string _outside;

    public DiskWorkspaceTests()
    {
        _base = WorkspacePaths.Normalize(Path.Combine(Path.GetTempPath(), "speclsp-disk-" + Guid.NewGuid().ToString("N")))!;
        _root = _base + "/ws";
        _outside = _base + "/outside";
        Directory.CreateDirectory(_root + "/specs/deep");
        Directory.CreateDirectory(_root + "/node_modules/pkg");
        Directory.CreateDirectory(_root + "/.hidden");
        Directory.CreateDirectory(_outside);
        File.WriteAllText(_root + "/specs/a.md", "# A\n");
        File.WriteAllText(_root + "/specs/deep/b.md", "# B\n");
        File.WriteAllText(_root + "/node_modules/pkg/readme.md", "# pkg\n");
        File.WriteAllText(_root + "/.hidden/h.md", "# h\n");
        File.WriteAllText(_outside + "/secret.md", "# Secret\n");
    }

    public void Dispose() => Directory.Delete(_base, recursive: true);

    private string Relative(string path) => path[(_root.Length + 1)..];

    [Fact]
    public void EnumerateSpecFiles_SymlinkLoopAndLinksOut_ScansEachFolderOnceAndStaysInside()
    {
        Directory.CreateSymbolicLink(_root + "/specs/deep/loop", _root + "/specs");
        Directory.CreateSymbolicLink(_root + "/specs/escape", _outside);
        File.CreateSymbolicLink(_root + "/specs/secret-link.md", _outside + "/secret.md");
        File.CreateSymbolicLink(_root + "/specs/alias.md", _root + "/specs/a.md");
        var workspace = new DiskWorkspace([_root]);

        var files = workspace.EnumerateSpecFiles().Select(Relative).ToList();

        Assert.Equal(["specs/a.md", "specs/deep/b.md"], files);
    }

    [Fact]
    public void ReadAndState_ThroughSymlinkOutOfTheWorkspace_AreRefused()
    {
        Directory.CreateSymbolicLink(_root + "/escape", _outside);
        var workspace = new DiskWorkspace([_root]);

        Assert.Equal(PathState.Outside, workspace.GetPathState(_root + "/escape/secret.md"));
        Assert.Null(workspace.ReadFile(_root + "/escape/secret.md").Text);
        Assert.Equal(PathState.Outside, workspace.GetPathState(_outside + "/secret.md"));
        Assert.Null(workspace.ReadFile(_root + "/../outside/secret.md").Text);
        Assert.Equal("# A\n", workspace.ReadFile(_root + "/specs/a.md").Text);
        Assert.Equal(PathState.Directory, workspace.GetPathState(_root + "/specs"));
        Assert.Equal(PathState.Missing, workspace.GetPathState(_root + "/specs/none.md"));
    }

    [Fact]
    public void ReadFile_TooLargeOrBinary_IsUnreadable()
    {
        File.WriteAllBytes(_root + "/specs/big.md", new byte[2048]);
        File.WriteAllText(_root + "/specs/small.md", "# Small\n");
        var workspace = new DiskWorkspace([_root], maxFileBytes: 1024);

        Assert.Equal("The file is larger than 0 MB.", workspace.ReadFile(_root + "/specs/big.md").Error);
        Assert.Equal("# Small\n", workspace.ReadFile(_root + "/specs/small.md").Text);
        var index = WorkspaceIndexer.IndexAll(workspace);
        Assert.NotNull(index.GetFile(_root + "/specs/big.md")?.UnreadableReason);
    }

    [Fact]
    public void EnumerateSpecFiles_WithSpecFilter_UsesRootRelativePaths()
    {
        var workspace = new DiskWorkspace([_root], relative => relative.StartsWith("specs/deep/", StringComparison.Ordinal));

        Assert.Equal(["specs/deep/b.md"], workspace.EnumerateSpecFiles().Select(Relative));
        Assert.True(workspace.IsSpecFile(_root + "/specs/deep/b.md"));
        Assert.False(workspace.IsSpecFile(_root + "/specs/a.md"));
        Assert.False(new DiskWorkspace([_root]).IsSpecFile(_root + "/node_modules/pkg/readme.md"));
        Assert.False(new DiskWorkspace([_root]).IsSpecFile(_outside + "/secret.md"));
    }
}
