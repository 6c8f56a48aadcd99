using System.Diagnostics;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.Tests.Robustness;

/// <summary>Files that are not regular files never hang a read or a workspace scan.</summary>
public sealed class SpecialFileTests : IDisposable
{
    private readonly string _root = WorkspacePaths.Normalize(Path.Combine(Path.GetTempPath(), "speclsp-special-" + Guid.NewGuid().ToString("N")))!;

    public SpecialFileTests()
    {
        Directory.CreateDirectory(_root);
        File.WriteAllText(_root + "/spec.md", "# Spec\n");
        File.WriteAllText(_root + "/empty.md", string.Empty);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task ReadAndIndex_NamedPipeCalledMd_ReturnEmptyTextWithoutBlocking()
    {
        // Found by the robustness suite: reading a FIFO blocked forever, hanging indexing and `speclsp check`.
        if (OperatingSystem.IsWindows())
        {
            return; // No named pipes in the file system there.
        }

        using (var mkfifo = Process.Start("mkfifo", _root + "/pipe.md"))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var workspace = new DiskWorkspace([_root]);
        var read = await Task.Run(() => workspace.ReadFile(_root + "/pipe.md")).WaitAsync(TimeSpan.FromSeconds(20));
        var index = await Task.Run(() => WorkspaceIndexer.IndexAll(workspace)).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(string.Empty, read.Text);
        Assert.Equal(3, index.Count);
    }

    [Fact]
    public void ReadFile_EmptyRegularFile_IsEmptyText() =>
        Assert.Equal(string.Empty, new DiskWorkspace([_root]).ReadFile(_root + "/empty.md").Text);
}
