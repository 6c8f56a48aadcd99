using System.Text.Json;
using SpecLsp.Core.Workspace;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Tests.TestSupport;

namespace SpecLsp.Server.Tests.Workspace;

/// <summary>
/// The index cache across sessions of the real <c>speclsp</c> process: a second session takes unchanged files from
/// the cache and parses the rest, and what it serves is what a session without a cache serves, whatever happened
/// to the files or to the cache in between.
/// </summary>
public sealed class IndexCacheEndToEndTests : IDisposable
{
    private const string Capabilities = """{"window":{"workDoneProgress":true},"general":{"positionEncodings":["utf-16"]}}""";

    private readonly string _root = WorkspacePaths.Normalize(Path.Combine(Path.GetTempPath(), "speclsp-indexcache-" + Guid.NewGuid().ToString("N")))!;
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "speclsp-indexcache-dir-" + Guid.NewGuid().ToString("N"));

    public IndexCacheEndToEndTests()
    {
        Directory.CreateDirectory(_root);
        Write("storage.md", "# Storage\n\n## Storage layout\nRows in one table.\n");
        Write("api.md", "# API\n\nSee [the layout](storage.md#storage-layout).\n\n## Endpoints\nOne per resource.\n");
        Write("old.md", "# Old notes\n\n## Retired heading\nGone soon.\n");
    }

    public void Dispose()
    {
        foreach (var directory in new[] { _root, _cache })
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task ASecondSession_TakesUnchangedFilesFromTheCache_AndServesTheFilesAsTheyAreNow()
    {
        var first = await RunSessionAsync(CacheOn, "Storage layout", "Endpoints");
        Assert.Contains("3 specs", first.Log, StringComparison.Ordinal);
        Assert.Contains("0 of them unchanged", first.Log, StringComparison.Ordinal);
        Assert.Equal(["storage.md: Storage layout"], first.Symbols["Storage layout"]);
        Assert.Single(Directory.GetFiles(_cache, "index-*.bin"));

        // Between the sessions: a heading renamed, a file deleted, one added; api.md stays as it was.
        Write("storage.md", "# Storage\n\n## Storage model\nRows in one table.\n");
        File.Delete(Path.Combine(_root, "old.md"));
        Write("delivery.md", "# Delivery\n\nAfter [the endpoints](api.md#endpoints) and [missing](api.md#nowhere).\n");

        var second = await RunSessionAsync(CacheOn, "Storage", "Retired heading", "Endpoints");
        Assert.Contains("3 specs", second.Log, StringComparison.Ordinal);
        Assert.Contains("1 of them unchanged", second.Log, StringComparison.Ordinal);
        var uncached = await RunSessionAsync(CacheOff, "Storage", "Retired heading", "Endpoints");
        Assert.Equal(["storage.md: Storage", "storage.md: Storage model"], second.Symbols["Storage"]);
        Assert.Empty(second.Symbols["Retired heading"]);
        Assert.Equal(uncached.Symbols, second.Symbols);

        // api.md's entry came from the cache: another file's link to its anchors is checked against it.
        Assert.Equal(uncached.DeliveryDiagnostics, second.DeliveryDiagnostics);
        Assert.Equal(["broken-anchor 2:60"], second.DeliveryDiagnostics);
    }

    [Fact]
    public async Task ADamagedCache_IsIgnored_AndWrittenAgain()
    {
        await RunSessionAsync(CacheOn, "Storage layout");
        var file = Assert.Single(Directory.GetFiles(_cache, "index-*.bin"));
        var bytes = File.ReadAllBytes(file);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(file, bytes);

        var damaged = await RunSessionAsync(CacheOn, "Storage layout", "Endpoints");
        Assert.Contains("0 of them unchanged", damaged.Log, StringComparison.Ordinal);
        Assert.Equal(["storage.md: Storage layout"], damaged.Symbols["Storage layout"]);

        var repaired = await RunSessionAsync(CacheOn, "Storage layout");
        Assert.Contains("3 of them unchanged", repaired.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithTheCacheTurnedOff_NothingIsWritten()
    {
        await RunSessionAsync(CacheOff, "Storage layout");

        Assert.False(Directory.Exists(_cache) && Directory.EnumerateFileSystemEntries(_cache).Any());
    }

    private Dictionary<string, string?> CacheOn => new() { ["SPECLSP_CACHE_DIR"] = _cache };

    private Dictionary<string, string?> CacheOff => new() { ["SPECLSP_CACHE_DIR"] = _cache, ["SPECLSP_NO_CACHE"] = "1" };

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_root, name), text);

    private async Task<Session> RunSessionAsync(Dictionary<string, string?> environment, params string[] queries)
    {
        await using var client = LspTestClient.StartProcess(environment);
        var rootUri = new Uri(_root + "/").AbsoluteUri;
        var response = await client.RequestAsync(Methods.Initialize, $$"""{"processId":null,"rootUri":"{{rootUri}}","capabilities":{{Capabilities}}}""");
        Assert.False(response.IsError, response.ErrorMessage);
        await client.NotifyAsync(Methods.Initialized, "{}");
        await client.WaitForNotificationAsync(Methods.Progress, p => p.GetProperty("value").GetProperty("kind").GetString() == "end");
        var log = await client.WaitForNotificationAsync("window/logMessage", m => m.GetProperty("message").GetString()!.StartsWith("Indexed ", StringComparison.Ordinal));

        var symbols = new Dictionary<string, List<string>>();
        foreach (var query in queries)
        {
            var found = await client.RequestAsync(Methods.WorkspaceSymbol, $$"""{"query":"{{query}}"}""");
            symbols[query] = [.. found.Result.EnumerateArray()
                .Select(s => $"{Path.GetFileName(s.GetProperty("location").GetProperty("uri").GetString())}: {s.GetProperty("name").GetString()}")
                .Where(s => s.Contains(query, StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)];
        }

        List<string> delivery = [];
        var deliveryPath = Path.Combine(_root, "delivery.md");
        if (File.Exists(deliveryPath))
        {
            var uri = new Uri(deliveryPath).AbsoluteUri;
            await client.OpenAsync(uri, File.ReadAllText(deliveryPath));
            var diagnostics = await client.WaitForDiagnosticsAsync(uri);
            delivery = [.. diagnostics.Diagnostics.Select(d => $"{d.Code?.String} {d.Range.Start.Line}:{d.Range.Start.Character}").Order(StringComparer.Ordinal)];
        }

        Assert.Equal(0, await client.ShutdownAndExitAsync());
        return new Session(log.GetProperty("message").GetString()!, symbols, delivery);
    }

    private sealed record Session(string Log, Dictionary<string, List<string>> Symbols, List<string> DeliveryDiagnostics);
}
