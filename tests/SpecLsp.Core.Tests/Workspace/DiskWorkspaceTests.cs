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

    // A folder link back up (a loop), links out of the workspace to a folder and to a file, and a file linked to another inside.
    private void AddLoopAndLinksOut()
    {
        Directory.CreateSymbolicLink(_root + "/specs/deep/loop", _root + "/specs");
        Directory.CreateSymbolicLink(_root + "/specs/escape", _outside);
        File.CreateSymbolicLink(_root + "/specs/secret-link.md", _outside + "/secret.md");
        File.CreateSymbolicLink(_root + "/specs/alias.md", _root + "/specs/a.md");
    }

    [Fact]
    public void EnumerateSpecFiles_SymlinkLoopAndLinksOut_ScansEachFolderOnceAndStaysInside()
    {
        AddLoopAndLinksOut();
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

    /// <summary>
    /// A scan's view answers as the workspace does for every path, through links in and out, to folders and files, a
    /// link loop and missing paths, read in every order (each folder's real path is remembered at its first file).
    /// </summary>
    [Fact]
    public void ForScan_EveryKindOfPath_AnswersAsTheWorkspaceDoes()
    {
        AddLoopAndLinksOut();
        Directory.CreateSymbolicLink(_root + "/inside-link", _root + "/specs/deep");
        Directory.CreateSymbolicLink(_root + "/self-a", _root + "/self-b");
        Directory.CreateSymbolicLink(_root + "/self-b", _root + "/self-a");
        File.CreateSymbolicLink(_root + "/specs/relative.md", "deep/b.md");
        File.CreateSymbolicLink(_root + "/specs/dangling.md", _root + "/specs/none.md");
        string[] paths =
        [
            "/specs/a.md", "/specs/deep/b.md", "/specs/deep/loop/a.md", "/specs/deep/loop/deep/b.md", "/specs/escape/secret.md",
            "/inside-link/b.md", "/inside-link/loop/a.md", "/self-a/x.md", "/specs/secret-link.md", "/specs/alias.md",
            "/specs/relative.md", "/specs/dangling.md", "/specs/none.md", "/missing/folder/x.md", "/specs", "/specs/deep",
            "/../outside/secret.md", "/specs/../specs/a.md", "/node_modules/pkg/readme.md",
        ];
        var workspace = new DiskWorkspace([_root]);

        foreach (var order in new[] { paths, [.. paths.Reverse()] })
        {
            var scan = workspace.ForScan();
            foreach (var path in order.Select(p => _root + p))
            {
                Assert.Equal(workspace.GetPathState(path), scan.GetPathState(path));
                Assert.Equal(workspace.ReadFile(path), scan.ReadFile(path));
                Assert.Equal(workspace.HashFile(path), scan.HashFile(path));
            }
        }
    }

    /// <summary>What a scan's view remembers lasts for that scan: the next one follows a link changed since.</summary>
    [Fact]
    public void ForScan_AfterALinkChanges_TheNextScanFollowsIt()
    {
        Directory.CreateSymbolicLink(_root + "/moving", _root + "/specs");
        var workspace = new DiskWorkspace([_root]);
        Assert.Equal("# A\n", workspace.ForScan().ReadFile(_root + "/moving/a.md").Text);

        Directory.Delete(_root + "/moving");
        Directory.CreateSymbolicLink(_root + "/moving", _outside);
        File.Copy(_outside + "/secret.md", _outside + "/a.md");

        Assert.Equal(PathState.Outside, workspace.ForScan().GetPathState(_root + "/moving/a.md"));
        Assert.Null(workspace.ForScan().ReadFile(_root + "/moving/a.md").Text);
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
