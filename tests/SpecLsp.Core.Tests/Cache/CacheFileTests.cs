using SpecLsp.Core.Cache;

namespace SpecLsp.Core.Tests.Cache;

public sealed class CacheFileTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "speclsp-cachefile-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void WhatIsWritten_IsReadBackInOrder()
    {
        var file = Write("index", "key", ("/a.md", 1, "first"), ("/b.md", UInt128.MaxValue, new string('x', 200_000)), ("/c.md", 3, string.Empty));

        Assert.True(CacheFile.TryRead(file, "index", "key", Collect(out var read)));
        Assert.Equal(["/a.md 1 first", $"/b.md {UInt128.MaxValue} {new string('x', 200_000)}", "/c.md 3 "], read);
        Assert.Empty(Directory.EnumerateFiles(_directory, "*.tmp"));
    }

    [Theory]
    [InlineData("other-kind", "key")]
    [InlineData("index", "other-key")]
    public void ACacheForAnotherKindOrKey_IsNotRead(string kind, string key)
    {
        var file = Write("index", "key", ("/a.md", 1, "first"));

        Assert.False(CacheFile.TryRead(file, kind, key, Collect(out _)));
    }

    [Fact]
    public void AMissingFile_IsNotRead() =>
        Assert.False(CacheFile.TryRead(Path.Combine(_directory, "none.bin"), "index", "key", Collect(out _)));

    [Fact]
    public void EveryTruncationAndEveryFlippedByte_IsNotRead()
    {
        var file = Write("index", "key", ("/a.md", 1, "first"), ("/b.md", 2, "second"));
        var bytes = File.ReadAllBytes(file);
        var damaged = Path.Combine(_directory, "damaged.bin");

        for (int length = 0; length < bytes.Length; length++)
        {
            File.WriteAllBytes(damaged, bytes[..length]);
            Assert.False(CacheFile.TryRead(damaged, "index", "key", Collect(out _)), $"truncated to {length} bytes");
        }

        for (int i = 0; i < bytes.Length; i++)
        {
            var copy = (byte[])bytes.Clone();
            copy[i] ^= 0x41;
            File.WriteAllBytes(damaged, copy);
            Assert.False(CacheFile.TryRead(damaged, "index", "key", Collect(out _)), $"byte {i} flipped");
        }

        File.WriteAllBytes(damaged, [.. bytes, 0]);
        Assert.False(CacheFile.TryRead(damaged, "index", "key", Collect(out _)), "a byte appended");
    }

    [Fact]
    public void AWriterNotCommitted_LeavesTheOldFileAndNoLitter()
    {
        var file = Write("index", "key", ("/a.md", 1, "old"));
        using (var writer = CacheFile.Create(file, "index", "key"))
        {
            writer.Add("/a.md", 1, "new"u8);
        }

        Assert.True(CacheFile.TryRead(file, "index", "key", Collect(out var read)));
        Assert.Equal(["/a.md 1 old"], read);
        Assert.Single(Directory.EnumerateFiles(_directory));
    }

    [Fact]
    public void TheFileName_DependsOnKindAndKey()
    {
        Assert.Equal(CacheFile.PathFor(_directory, "index", "k"), CacheFile.PathFor(_directory, "index", "k"));
        Assert.NotEqual(CacheFile.PathFor(_directory, "index", "k"), CacheFile.PathFor(_directory, "index", "k2"));
        Assert.StartsWith(Path.Combine(_directory, "check-"), CacheFile.PathFor(_directory, "check", "k"), StringComparison.Ordinal);
    }

    [Fact]
    public void TheDefaultDirectory_FollowsTheEnvironment()
    {
        string? Env(string name, Dictionary<string, string> values) => values.GetValueOrDefault(name);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Assert.Equal(Path.GetFullPath("/x/cache"), CacheDirectory.Default(n => Env(n, new() { ["SPECLSP_CACHE_DIR"] = "/x/cache", ["XDG_CACHE_HOME"] = "/y" })));
        Assert.Equal("/y/speclsp", CacheDirectory.Default(n => Env(n, new() { ["XDG_CACHE_HOME"] = "/y", ["HOME"] = "/h" })));
        Assert.Equal("/h/.cache/speclsp", CacheDirectory.Default(n => Env(n, new() { ["XDG_CACHE_HOME"] = "relative", ["HOME"] = "/h" })));
        Assert.Null(CacheDirectory.Default(n => Env(n, [])));
    }

    private string Write(string kind, string key, params (string Path, UInt128 Hash, string Payload)[] entries)
    {
        var file = CacheFile.PathFor(_directory, kind, key);
        using var writer = CacheFile.Create(file, kind, key);
        foreach (var (path, hash, payload) in entries)
        {
            writer.Add(path, hash, System.Text.Encoding.UTF8.GetBytes(payload));
        }

        writer.Commit();
        return file;
    }

    private static CacheEntryHandler Collect(out List<string> read)
    {
        var list = read = [];
        return (path, hash, payload) => list.Add($"{path} {hash} {System.Text.Encoding.UTF8.GetString(payload)}");
    }
}
