using SpecLsp.Core.Cache;
using SpecLsp.Core.Tests.TestSupport;
using SpecLsp.Core.Workspace;

namespace SpecLsp.Core.Tests.Cache;

/// <summary>
/// A scan with the index cache over a folder on disk: what it takes from the cache, what it parses, when it writes
/// the cache again, and that its entries are always those of a scan without a cache.
/// </summary>
public sealed class IndexCacheTests : IDisposable
{
    private readonly string _root = WorkspacePaths.Normalize(Path.Combine(Path.GetTempPath(), "speclsp-indexcache-" + Guid.NewGuid().ToString("N")))!;
    private readonly string _cacheDirectory = Path.Combine(Path.GetTempPath(), "speclsp-indexcache-dir-" + Guid.NewGuid().ToString("N"));

    public IndexCacheTests()
    {
        Directory.CreateDirectory(_root + "/specs");
        Write("specs/a.md", "# A\n\n## Storage layout\n\nSee [b](b.md#endpoints), FR1 and SPEC-2026-01-01-001.\n\n#### FR1: First\n");
        Write("specs/b.md", "# B\n\n**Spec ID:** SPEC-2026-01-01-001\n\n## Endpoints\n\n[a][ref]\n\n[ref]: a.md#storage-layout\n");
        Write("specs/c.md", "# C\n\n<a id=\"explicit\"></a> text with [a link](/specs/a.md)\n");
        File.WriteAllBytes(_root + "/specs/binary.md", [0x23, 0x20, 0x00, 0x41]);
    }

    public void Dispose()
    {
        foreach (var directory in new[] { _root, _cacheDirectory })
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public void ASecondScan_TakesEveryReadableFileFromTheCache_AndDoesNotWriteItAgain()
    {
        var (first, cache) = Scan();
        Assert.Equal(0, first.FromCache);
        Assert.False(first.CacheWasCurrent);
        Assert.True(first.SaveCache());
        Assert.True(File.Exists(cache.File));

        var (second, _) = Scan();
        Assert.Equal(3, second.FromCache);
        Assert.Equal(WithoutCache(), IndexDump.Of(second.Entries));

        // Nothing differed, the unreadable file included: the cache is marked used, not written again.
        Assert.True(second.CacheWasCurrent);
        Assert.True(second.SaveCache());
    }

    [Fact]
    public void AfterFilesChangedWereAddedAndRemoved_ItParsesThoseAndServesWhatIsOnDisk()
    {
        var (first, _) = Scan();
        first.SaveCache();

        Write("specs/a.md", "# A\n\n## Storage model\n\nSee [b](b.md#endpoints).\n");
        File.Delete(_root + "/specs/c.md");
        Write("specs/d.md", "# D\n\n## Delivery\n");

        var (second, _) = Scan();
        Assert.Equal(1, second.FromCache);
        Assert.Equal(WithoutCache(), IndexDump.Of(second.Entries));
        Assert.False(second.CacheWasCurrent);
        Assert.True(second.SaveCache());

        var (third, _) = Scan();
        Assert.Equal(3, third.FromCache);
        Assert.Equal(WithoutCache(), IndexDump.Of(third.Entries));
        Assert.True(third.CacheWasCurrent);
    }

    [Fact]
    public void ACacheThatCannotBeWritten_IsNotWritten_AndTheScanIsWhole()
    {
        // A file where the cache folder should be: nothing can be created under it.
        File.WriteAllText(_cacheDirectory, "not a folder");
        try
        {
            var (scan, _) = Scan();

            Assert.Equal(0, scan.FromCache);
            Assert.Equal(WithoutCache(), IndexDump.Of(scan.Entries));
            Assert.False(scan.SaveCache());
        }
        finally
        {
            File.Delete(_cacheDirectory);
        }
    }

    [Fact]
    public void ACacheOfOtherRoots_IsAnotherFile()
    {
        var (scan, cache) = Scan();
        scan.SaveCache();

        var other = IndexCache.For(_cacheDirectory, [_root + "/specs"]);
        Assert.NotEqual(cache.File, other.File);
        var workspace = new DiskWorkspace([_root + "/specs"]);
        Assert.Equal(0, WorkspaceIndexer.Scan(workspace, [.. workspace.EnumerateSpecFiles()], other).FromCache);
    }

    [Fact]
    public void Prune_RemovesCachesUnusedForAMonth_AndTemporaryFilesADayOld()
    {
        Directory.CreateDirectory(_cacheDirectory);
        var now = new DateTime(2030, 6, 15, 12, 0, 0, DateTimeKind.Utc);
        string File(string name, TimeSpan age)
        {
            var path = Path.Combine(_cacheDirectory, name);
            System.IO.File.WriteAllText(path, "x");
            System.IO.File.SetLastWriteTimeUtc(path, now - age);
            return path;
        }

        var fresh = File("index-fresh.bin", TimeSpan.FromDays(29));
        var stale = File("index-stale.bin", TimeSpan.FromDays(31));
        var newTemporary = File("index-x.bin.1.tmp", TimeSpan.FromHours(2));
        var oldTemporary = File("index-y.bin.1.tmp", TimeSpan.FromDays(2));
        var foreign = File("notes.txt", TimeSpan.FromDays(400));

        IndexCache.Prune(_cacheDirectory, now);

        Assert.Equal(
            [fresh, newTemporary, foreign],
            [.. Directory.GetFiles(_cacheDirectory).Order(StringComparer.Ordinal)]);
        Assert.False(System.IO.File.Exists(stale));
        Assert.False(System.IO.File.Exists(oldTemporary));
    }

    [Fact]
    public void TheEnvironment_TurnsTheCacheOffOrMovesIt()
    {
        Assert.Null(IndexCache.Default([_root], n => n switch { "SPECLSP_NO_CACHE" => "1", "SPECLSP_CACHE_DIR" => _cacheDirectory, _ => null }));
        Assert.Equal(
            IndexCache.For(_cacheDirectory, [_root]).File,
            IndexCache.Default([_root], n => n switch { "SPECLSP_NO_CACHE" => "0", "SPECLSP_CACHE_DIR" => _cacheDirectory, _ => null })?.File);
    }

    private (IndexScan Scan, IndexCache Cache) Scan()
    {
        var workspace = new DiskWorkspace([_root]);
        var cache = IndexCache.For(_cacheDirectory, workspace.Roots);
        return (WorkspaceIndexer.Scan(workspace, [.. workspace.EnumerateSpecFiles()], cache), cache);
    }

    private string WithoutCache()
    {
        var workspace = new DiskWorkspace([_root]);
        return IndexDump.Of(WorkspaceIndexer.IndexFiles(workspace, [.. workspace.EnumerateSpecFiles()]));
    }

    private void Write(string relative, string text) => File.WriteAllText(_root + "/" + relative, text);
}
