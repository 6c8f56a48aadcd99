using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SpecLsp.Benchmarks.Latency;

/// <summary>
/// Measures the server as an editor feels it, over the pipes of the real published process:
/// <c>dotnet run -c Release --project tests/SpecLsp.Benchmarks -- latency --server PUBLISH/speclsp</c> (the executable of
/// the editor publish, started directly; a <c>speclsp.dll</c> is started with <c>dotnet</c>).
/// Options: <c>--cold N</c> fresh processes for initialize (10), <c>--edits N</c> (50), <c>--lines N</c> spec size (10000),
/// <c>--files N</c> workspace size (10000; 0 skips the index), <c>--only-index 1</c> (stop after it), <c>--workspace DIR</c>,
/// <c>--index-cache DIR</c> lets the server keep its index cache in DIR (without it the cache is off, so every index is a
/// cold scan; run twice with the same DIR for a scan from a warm cache), <c>--only-initialize 1</c> to measure start-up alone, <c>--open-cold N</c> the first outline after didOpen in N fresh
/// processes (and the peer's, interleaved), <c>--open-settle MS</c> the pause between initialized and didOpen (500), <c>--peer "CMD ARGS"</c> another stdio language server whose
/// cold start to the <c>initialize</c> answer is measured in the same run, each of its starts right after one of ours
/// (VS Code's Markdown server: <c>--peer "node PEERS/node_modules/vscode-markdown-languageserver/out/node/workerMain.js --stdio"</c>,
/// installed outside the repository with <c>npm install vscode-markdown-languageserver</c>).
/// </summary>
internal static class LatencyBenchmark
{
    private const string SpecUri = "file:///latency/open/latency-spec.md";

    public static async Task<int> RunAsync(string[] args)
    {
        string server = Path.GetFullPath(Option(args, "--server") ?? Path.Combine("artifacts", "speclsp", OperatingSystem.IsWindows() ? "speclsp.exe" : "speclsp"));
        int coldRuns = int.Parse(Option(args, "--cold") ?? "10", CultureInfo.InvariantCulture);
        int edits = int.Parse(Option(args, "--edits") ?? "50", CultureInfo.InvariantCulture);
        int lines = int.Parse(Option(args, "--lines") ?? "10000", CultureInfo.InvariantCulture);
        int files = int.Parse(Option(args, "--files") ?? "10000", CultureInfo.InvariantCulture);
        string workspace = Option(args, "--workspace") ?? Path.Combine(Path.GetTempPath(), $"speclsp-bench-{files}");

        // Our server processes inherit this: the index cache only where asked for, in the folder given.
        if (Option(args, "--index-cache") is { } cacheDirectory)
        {
            Environment.SetEnvironmentVariable("SPECLSP_CACHE_DIR", Path.GetFullPath(cacheDirectory));
        }
        else
        {
            Environment.SetEnvironmentVariable("SPECLSP_NO_CACHE", "1");
        }
        if (!File.Exists(server))
        {
            Console.Error.WriteLine($"No server at {server}: publish it first (see docs/performance.md).");
            return 2;
        }

        if (files > 0 && !Directory.Exists(workspace))
        {
            Console.WriteLine($"Generating {files} specs into {workspace}…");
            WorkspaceIndexBenchmark.Generate(workspace, files);
        }

        var results = new List<(string Name, List<double> Samples, string Unit)>();

        string[]? peer = Option(args, "--peer") is { } peerCommand ? SplitCommand(peerCommand) : null;
        if (peer is { Length: 0 })
        {
            Console.Error.WriteLine("--peer needs a command, e.g. --peer \"node .../workerMain.js --stdio\".");
            return 2;
        }

        var initialize = new List<double>();
        var initializeCpu = new List<double>();
        var peerInitialize = new List<double>();
        var peerInitializeCpu = new List<double>();
        for (int i = 0; i < coldRuns; i++)
        {
            var (wall, cpu) = await ColdInitializeAsync(() => LspClient.Start(server, Path.GetTempPath())).ConfigureAwait(false);
            initialize.Add(wall);
            initializeCpu.Add(cpu);
            if (peer is not null)
            {
                (wall, cpu) = await ColdInitializeAsync(() => LspClient.Start(peer[0], peer[1..], Path.GetTempPath())).ConfigureAwait(false);
                peerInitialize.Add(wall);
                peerInitializeCpu.Add(cpu);
            }
        }

        results.Add(("initialize (cold process)", initialize, "ms"));

        // CPU time is what a quieter machine would turn into wall time: a shared machine's load inflates the other.
        results.Add(("initialize CPU time (user+system, 10 ms ticks)", initializeCpu, "ms"));
        if (peer is not null)
        {
            results.Add(("peer initialize (cold process, interleaved)", peerInitialize, "ms"));
            results.Add(("peer initialize CPU time", peerInitializeCpu, "ms"));
            Console.WriteLine($"peer: {string.Join(' ', peer)}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"initialize median, ours / peer: {Percentile(initialize, 50):F1} / {Percentile(peerInitialize, 50):F1} ms = {Percentile(initialize, 50) / Percentile(peerInitialize, 50):F2}x"));
        }

        int openRuns = int.Parse(Option(args, "--open-cold") ?? "0", CultureInfo.InvariantCulture);
        if (openRuns > 0)
        {
            var settle = TimeSpan.FromMilliseconds(int.Parse(Option(args, "--open-settle") ?? "500", CultureInfo.InvariantCulture));
            await FirstOutlinesAsync(server, peer, openRuns, lines, settle, results).ConfigureAwait(false);
        }

        if (Option(args, "--only-initialize") is not null)
        {
            Print(results);
            return 0;
        }

        await using var client = LspClient.Start(server, files > 0 ? workspace : Path.GetTempPath());
        var session = new Session(client);
        await client.RequestAsync("initialize", InitializeParams(files > 0 ? new Uri(Path.GetFullPath(workspace)).AbsoluteUri : null)).ConfigureAwait(false);
        long initialized = Stopwatch.GetTimestamp();
        long ticksAtInitialized = CpuTicks(client.ProcessId);
        await client.NotifyAsync("initialized", new JsonObject()).ConfigureAwait(false);
        if (files > 0)
        {
            long ended = await session.IndexEnded.Task.WaitAsync(TimeSpan.FromMinutes(5)).ConfigureAwait(false);
            long ticksAtEnd = CpuTicks(client.ProcessId);
            results.Add(($"index {files} files (initialized to progress end)", [Stopwatch.GetElapsedTime(initialized, ended).TotalMilliseconds], "ms"));
            results.Add(("the index's CPU time (utime+stime, 10 ms ticks)", [(ticksAtEnd - ticksAtInitialized) * 10.0], "ms"));
            results.Add(("peak memory after the index (VmHWM)", [VmMegabytes(client.ProcessId, "VmHWM:")], "MB"));
        }

        if (Option(args, "--only-index") is not null)
        {
            Print(results);
            return 0;
        }

        string text = SpecGenerator.Generate(lines);
        var specLines = text.Split('\n');
        int editLine = Array.FindIndex(specLines, specLines.Length / 2, l => l.StartsWith("This area covers", StringComparison.Ordinal));
        int editColumn = specLines[editLine].Length;
        int hoverColumn = specLines[editLine].IndexOf(" FR", StringComparison.Ordinal) + 2;

        long opened = Stopwatch.GetTimestamp();
        var firstDiagnostics = session.DiagnosticsFor(1);
        await client.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = SpecUri, ["languageId"] = "markdown", ["version"] = 1, ["text"] = text },
        }).ConfigureAwait(false);
        long openAnswered = await client.RequestAsync("textDocument/documentSymbol", Document()).ConfigureAwait(false);
        results.Add(($"didOpen {lines} lines to documentSymbol", [Stopwatch.GetElapsedTime(opened, openAnswered).TotalMilliseconds], "ms"));
        results.Add(($"didOpen {lines} lines to diagnostics", [Stopwatch.GetElapsedTime(opened, await firstDiagnostics.WaitAsync(TimeSpan.FromMinutes(1)).ConfigureAwait(false)).TotalMilliseconds], "ms"));

        var symbols = new List<double>();
        var symbolsParsed = new List<double>();
        var folding = new List<double>();
        var completion = new List<double>();
        var hover = new List<double>();
        var diagnostics = new List<double>();
        var symbolsParsedByDriver = new List<double>();
        for (int i = 0; i < edits; i++)
        {
            int version = i + 2;
            var fresh = session.DiagnosticsFor(version);
            long edited = Stopwatch.GetTimestamp();
            await client.NotifyAsync("textDocument/didChange", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = SpecUri, ["version"] = version },
                ["contentChanges"] = new JsonArray(new JsonObject
                {
                    ["range"] = Range(editLine, editColumn + i, editLine, editColumn + i),
                    ["text"] = ((char)('a' + (i % 26))).ToString(),
                }),
            }).ConfigureAwait(false);
            long arrived = await client.RequestAsync("textDocument/documentSymbol", Document()).ConfigureAwait(false);
            symbols.Add(Stopwatch.GetElapsedTime(edited, arrived).TotalMilliseconds);
            symbolsParsedByDriver.Add(Stopwatch.GetElapsedTime(edited).TotalMilliseconds);
            symbolsParsed.Add(await TimeAsync(client, "textDocument/documentSymbol", Document()).ConfigureAwait(false));
            folding.Add(await TimeAsync(client, "textDocument/foldingRange", Document()).ConfigureAwait(false));
            completion.Add(await TimeAsync(client, "textDocument/completion", At(editLine, editColumn + i + 1)).ConfigureAwait(false));
            hover.Add(await TimeAsync(client, "textDocument/hover", At(editLine, hoverColumn)).ConfigureAwait(false));
            diagnostics.Add(Stopwatch.GetElapsedTime(edited, await fresh.WaitAsync(TimeSpan.FromMinutes(1)).ConfigureAwait(false)).TotalMilliseconds);
        }

        results.Add(("edit to documentSymbol", symbols, "ms"));
        results.Add(("  the same, once the driver has parsed the answer", symbolsParsedByDriver, "ms"));
        results.Add(("documentSymbol again (same version)", symbolsParsed, "ms"));
        results.Add(("foldingRange after edit", folding, "ms"));
        results.Add(("completion after edit", completion, "ms"));
        results.Add(("hover after edit", hover, "ms"));
        results.Add(("edit to fresh publishDiagnostics", diagnostics, "ms"));

        int pid = client.ProcessId;
        await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        results.Add(("peak memory at the end (VmHWM)", [VmMegabytes(pid, "VmHWM:")], "MB"));
        results.Add(("resident memory at the end (VmRSS)", [VmMegabytes(pid, "VmRSS:")], "MB"));
        long ticksBefore = CpuTicks(pid);
        long idleStart = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        double idleSeconds = Stopwatch.GetElapsedTime(idleStart).TotalSeconds;
        double cpuSeconds = (CpuTicks(pid) - ticksBefore) / 100.0;
        results.Add(("idle CPU over 5 s (% of one core)", [cpuSeconds / idleSeconds * 100], "%"));

        Print(results);
        if (Environment.GetEnvironmentVariable("SPECLSP_LATENCY_SAMPLES") == "1")
        {
            Console.WriteLine("edit to documentSymbol, in order: " + string.Join(" ", symbols.Select(s => s.ToString("F1", CultureInfo.InvariantCulture))));
        }

        return 0;
    }

    // The first outline a fresh process gives: initialize, initialized, a pause for start-up to settle (what follows
    // initialize is measured above; --open-settle 0 sends all at once, as an editor restoring a file does), then didOpen of the spec and documentSymbol at once, as an editor opening a file
    // sends them; timed from didOpen to the answer's last byte. Ours and the peer's alternate, one fresh process each.
    private static async Task FirstOutlinesAsync(string server, string[]? peer, int runs, int lines, TimeSpan settle, List<(string Name, List<double> Samples, string Unit)> results)
    {
        string text = SpecGenerator.Generate(lines);
        var ours = new List<double>();
        var theirs = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            ours.Add(await FirstOutlineAsync(LspClient.Start(server, Path.GetTempPath()), text, settle).ConfigureAwait(false));
            if (peer is not null)
            {
                theirs.Add(await FirstOutlineAsync(LspClient.Start(peer[0], peer[1..], Path.GetTempPath()), text, settle).ConfigureAwait(false));
            }
        }

        results.Add(($"first documentSymbol after didOpen, {lines} lines, fresh process, {settle.TotalMilliseconds:F0} ms after initialized", ours, "ms"));
        if (peer is not null)
        {
            results.Add(("  the peer's, interleaved", theirs, "ms"));
        }
    }

    private static async Task<double> FirstOutlineAsync(LspClient started, string text, TimeSpan settle)
    {
        await using var client = started;
        await client.RequestAsync("initialize", InitializeParams(null), TimeSpan.FromMinutes(1)).ConfigureAwait(false);
        await client.NotifyAsync("initialized", new JsonObject()).ConfigureAwait(false);
        await Task.Delay(settle).ConfigureAwait(false);
        long opened = Stopwatch.GetTimestamp();
        await client.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = SpecUri, ["languageId"] = "markdown", ["version"] = 1, ["text"] = text },
        }).ConfigureAwait(false);
        long answered = await client.RequestAsync("textDocument/documentSymbol", Document()).ConfigureAwait(false);
        if (client.LastResultLength <= 0)
        {
            throw new InvalidOperationException("documentSymbol answered without symbols: the measure would time nothing.");
        }

        return Stopwatch.GetElapsedTime(opened, answered).TotalMilliseconds;
    }

    // From the process's start to the arrival of its initialize answer's last byte, and the CPU time it spent meanwhile.
    private static async Task<(double Wall, double Cpu)> ColdInitializeAsync(Func<LspClient> start)
    {
        long started = Stopwatch.GetTimestamp();
        await using var cold = start();
        long arrived = await cold.RequestAsync("initialize", InitializeParams(null), TimeSpan.FromMinutes(1)).ConfigureAwait(false);
        double wall = Stopwatch.GetElapsedTime(started, arrived).TotalMilliseconds;
        return (wall, CpuTicks(cold.ProcessId) * 10.0);
    }

    // A command line split on spaces, with "double quotes" around an argument that holds spaces.
    private static string[] SplitCommand(string command)
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        bool any = false;
        foreach (char c in command)
        {
            if (c == '"')
            {
                quoted = !quoted;
                any = true;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                if (any)
                {
                    parts.Add(current.ToString());
                    current.Clear();
                    any = false;
                }
            }
            else
            {
                current.Append(c);
                any = true;
            }
        }

        if (any)
        {
            parts.Add(current.ToString());
        }

        return [.. parts];
    }

    private static void Print(List<(string Name, List<double> Samples, string Unit)> results)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores; load average {File.ReadAllText("/proc/loadavg").Trim()}"));
        Console.WriteLine($"{"measure",-48} {"n",4} {"median",10} {"p95",10}");
        foreach (var (name, samples, unit) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-48} {samples.Count,4} {Percentile(samples, 50),7:F1} {unit,-2} {Percentile(samples, 95),7:F1} {unit,-2}"));
        }
    }

    // From the request's sending to the arrival of the answer's last byte: the driver's own JSON parse (a few
    // milliseconds for the 650 KB outline, in a process as cold as the server) is the driver's, not the server's.
    private static async Task<double> TimeAsync(LspClient client, string method, JsonNode @params)
    {
        long start = Stopwatch.GetTimestamp();
        long arrived = await client.RequestAsync(method, @params).ConfigureAwait(false);
        return Stopwatch.GetElapsedTime(start, arrived).TotalMilliseconds;
    }

    private static double Percentile(List<double> samples, double percent)
    {
        var sorted = samples.Order().ToArray();
        double rank = percent / 100 * (sorted.Length - 1);
        int low = (int)Math.Floor(rank);
        int high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }

    private static double VmMegabytes(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) / 1024.0;
    }

    // utime and stime, fields 14 and 15 of /proc/PID/stat, in clock ticks (USER_HZ, 100 on Linux); the name in parentheses may hold spaces.
    private static long CpuTicks(int pid)
    {
        string stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    private static string? Option(string[] args, string name)
    {
        int index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static JsonObject InitializeParams(string? rootUri) => new()
    {
        ["processId"] = Environment.ProcessId,
        ["rootUri"] = rootUri,
        ["workspaceFolders"] = rootUri is null ? null : new JsonArray(new JsonObject { ["uri"] = rootUri, ["name"] = "bench" }),
        ["capabilities"] = new JsonObject
        {
            ["window"] = new JsonObject { ["workDoneProgress"] = true },
            ["textDocument"] = new JsonObject
            {
                ["documentSymbol"] = new JsonObject { ["hierarchicalDocumentSymbolSupport"] = true },
                ["publishDiagnostics"] = new JsonObject { ["versionSupport"] = true, ["relatedInformation"] = true },
                ["completion"] = new JsonObject { ["completionItem"] = new JsonObject { ["snippetSupport"] = true } },
                ["hover"] = new JsonObject { ["contentFormat"] = new JsonArray("markdown", "plaintext") },
            },
        },
    };

    private static JsonObject Document() => new() { ["textDocument"] = new JsonObject { ["uri"] = SpecUri } };

    private static JsonObject At(int line, int character) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = SpecUri },
        ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
    };

    private static JsonObject Range(int startLine, int startCharacter, int endLine, int endCharacter) => new()
    {
        ["start"] = new JsonObject { ["line"] = startLine, ["character"] = startCharacter },
        ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
    };

    /// <summary>Turns the server's notifications into awaitable moments: the index's progress end, diagnostics per version.</summary>
    private sealed class Session
    {
        private readonly Lock _lock = new();
        private readonly Dictionary<int, TaskCompletionSource<long>> _diagnostics = [];

        public Session(LspClient client) => client.Notification = OnNotification;

        public TaskCompletionSource<long> IndexEnded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<long> DiagnosticsFor(int version)
        {
            lock (_lock)
            {
                if (!_diagnostics.TryGetValue(version, out var completion))
                {
                    _diagnostics[version] = completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                return completion.Task;
            }
        }

        private void OnNotification(string method, JsonElement @params, long arrived)
        {
            if (method == "$/progress" && @params.GetProperty("value").GetProperty("kind").GetString() == "end")
            {
                IndexEnded.TrySetResult(arrived);
            }
            else if (method == "textDocument/publishDiagnostics"
                && @params.GetProperty("uri").GetString() == SpecUri
                && @params.TryGetProperty("version", out var version) && version.ValueKind == JsonValueKind.Number)
            {
                lock (_lock)
                {
                    if (!_diagnostics.TryGetValue(version.GetInt32(), out var completion))
                    {
                        _diagnostics[version.GetInt32()] = completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
                    }

                    completion.TrySetResult(arrived);
                }
            }
        }
    }
}
