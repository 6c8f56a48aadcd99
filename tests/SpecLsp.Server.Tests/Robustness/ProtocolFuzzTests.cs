using System.Diagnostics;
using System.Globalization;
using System.Text;
using SpecLsp.Protocol.JsonRpc;
using SpecLsp.Protocol.Lsp;
using SpecLsp.Server.Tests.TestSupport;
using Xunit.Abstractions;

namespace SpecLsp.Server.Tests.Robustness;

/// <summary>
/// Mutated and random frames against the real process, each followed by a valid request that must get a valid
/// answer. Runs for SPECLSP_FUZZ_SECONDS (20 by default) with the seed in SPECLSP_FUZZ_SEED (random by default);
/// the seed and the number of inputs go to the test output.
/// </summary>
/// <remarks>
/// A frame claiming more bytes than it carries swallows what follows, as Content-Length framing must: the fuzzer
/// sends the bytes a frame over-claims after it as filler (a wrong length, or a mutated header: 243 -> 24243) and,
/// when its probe still goes unanswered, sends more filler and probes again.
/// Claims the reader honours by waiting for tens of megabytes are left to the reader's own tests.
/// </remarks>
public sealed class ProtocolFuzzTests(ITestOutputHelper output)
{
    private const string Uri = "file:///fuzz/spec.md";

    private static readonly string[] Methods =
    [
        "textDocument/documentSymbol", "textDocument/foldingRange", "textDocument/hover", "textDocument/completion", "textDocument/definition",
        "textDocument/references", "textDocument/codeAction", "textDocument/rename", "textDocument/prepareRename", "textDocument/documentLink",
        "textDocument/codeLens", "textDocument/inlayHint", "textDocument/diagnostic", "workspace/symbol", "workspace/executeCommand",
        "completionItem/resolve", "initialize", "textDocument/didOpen", "textDocument/didChange", "textDocument/didSave", "textDocument/didClose",
        "workspace/didChangeConfiguration", "workspace/didChangeWatchedFiles", "$/cancelRequest", "$/setTrace", "initialized", "no/such/method",
    ];

    private static readonly string[] WeirdValues =
    [
        "null", "true", "-1", "0", "1e400", "-1e400", "99999999999999999999999999999", "1.5", "\"\"", "\"x\"", "[]", "{}", "[null]",
        "{\"line\":-5,\"character\":99999999999}", "\"\\ud800\"", "\"\\u0000\"", "[[[[[[[[[[]]]]]]]]]]", "{\"uri\":42}", "\"file:///../../etc/passwd\"",
        "{\"textDocument\":{\"uri\":\"file:///fuzz/spec.md\"},\"position\":{\"line\":2147483647,\"character\":-2147483648}}",
        "{\"textDocument\":{\"uri\":\"file:///fuzz/spec.md\",\"version\":\"x\"},\"contentChanges\":[{\"range\":{\"start\":{\"line\":9,\"character\":9},\"end\":{\"line\":0,\"character\":0}},\"text\":\"#\"}]}",
        "{\"textDocument\":{\"uri\":\"file:///fuzz/spec.md\",\"version\":2},\"contentChanges\":[{\"text\":7}]}",
    ];

    [Fact]
    public async Task Server_FuzzedFramesEachFollowedByAValidRequest_AnswersEveryProbeAndNeverExits()
    {
        int seconds = int.TryParse(Environment.GetEnvironmentVariable("SPECLSP_FUZZ_SECONDS"), CultureInfo.InvariantCulture, out int s) ? s : 20;
        int seed = int.TryParse(Environment.GetEnvironmentVariable("SPECLSP_FUZZ_SEED"), CultureInfo.InvariantCulture, out int e) ? e : Random.Shared.Next();
        output.WriteLine($"seed {seed} (SPECLSP_FUZZ_SEED), budget {seconds} s (SPECLSP_FUZZ_SECONDS)");
        var random = new Random(seed);
        await using var client = LspTestClient.StartProcess();
        await client.InitializeAsync();
        await client.OpenAsync(Uri, "# Fuzz\n\n**Status:** Draft\n\n## Requirements\n\n- **FR1:** x, see FR1 and [a](./b.md#c)\n");

        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        int inputs = 0, refills = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            var (kind, bytes) = NextInput(random);
            string context = $"seed {seed}, input {inputs} ({kind}): {Printable(bytes)}";
            await client.SendRawAsync(bytes);
            try
            {
                refills += await ProbeAsync(client, context);
            }
            catch (Exception ex) when (ex is IOException or TimeoutException)
            {
                throw new Xunit.Sdk.XunitException($"{ex.Message} after {context}\nServer stderr:\n{client.StandardError}");
            }

            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            inputs++;
            Assert.False(client.ServerExit.IsCompleted, $"The server exited after {context}\n{client.StandardError}");
        }

        output.WriteLine($"{inputs} fuzzed inputs, each followed by an answered request ({refills} needed filler first): "
            + string.Join(", ", kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}")));
        Assert.True(inputs > 0);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    /// <summary>
    /// The input that failed the fuzzer with seed 880745116 (input 640): a mutation duplicated "24" in the header,
    /// so the frame claims 24,243 bytes and carries 259. The server waits for all of them, as framing demands; sent
    /// as the fuzzer sends it now, with the missing bytes as filler, the next request is answered at once.
    /// </summary>
    [Fact]
    public async Task Server_MutatedHeaderClaimingThousandsOfBytesMore_AnswersOnceTheFillerArrives()
    {
        const string Body = """{"jsonrpc":"2.0","id":15,"method":"textDocument/documentLink","params":{"textDocument":{"uri":"filent":{"uri":"file:///fuzz/spec.md","version":296},"contentChanges":[{"range":{"start":{"line":6,"character":2},"end":{"line":6,"character":2}},"text":"[x](y"}]}}""";
        byte[] frame = Encoding.ASCII.GetBytes("Content-Length: 24243\r\n\r\n" + Body);
        Assert.Equal(24_243 - Body.Length, MissingBytes(frame));

        await using var client = LspTestClient.StartProcess();
        await client.InitializeAsync();
        await client.OpenAsync(Uri, "# Fuzz\n\n## Requirements\n");
        await client.SendRawAsync([.. frame, .. Encoding.ASCII.GetBytes(new string(' ', (int)MissingBytes(frame)))]);

        // No filler beyond the claimed bytes: the probe is answered however long a busy machine takes.
        var probe = await client.RequestAsync(Methods[0], $$$"""{"textDocument":{"uri":"{{{Uri}}}"}}""");
        Assert.False(probe.IsError, $"{probe.ErrorCode} {probe.ErrorMessage}");
        Assert.Equal(System.Text.Json.JsonValueKind.Array, probe.Result.ValueKind);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    // Returns how many filler rounds the probe needed (a frame that over-claimed its length swallows the next bytes).
    // The short first wait only decides when to send filler; a slow answer costs a refill, never a failure.
    private static async Task<int> ProbeAsync(LspTestClient client, string context)
    {
        for (int round = 0; round < 4; round++)
        {
            var probe = client.RequestAsync(Methods[0], $$$"""{"textDocument":{"uri":"{{{Uri}}}"}}""");
            var finished = await Task.WhenAny(probe, Task.Delay(round == 0 ? 250 : 10_000));
            if (finished == probe)
            {
                var response = await probe;
                Assert.True(
                    (!response.IsError && response.Result.ValueKind == System.Text.Json.JsonValueKind.Array) || response.ErrorCode == ErrorCodes.ContentModified,
                    $"A probe got {response.ErrorCode} {response.ErrorMessage} {response.Result} after {context}");
                return round;
            }

            await client.SendRawAsync(Encoding.ASCII.GetBytes(new string(' ', 1024) + "\r\n\r\n"));
        }

        Assert.Fail($"No probe was answered after {context}\n{client.StandardError}");
        return -1;
    }

    private static (string Kind, byte[] Bytes) NextInput(Random random)
    {
        switch (random.Next(9))
        {
            case 0:
                return ("bad header", Encoding.ASCII.GetBytes(Pick(random, [
                    "Content-Length: abc\r\n\r\n{}", "Content-Length: -5\r\n\r\n", "Content-Length: 99999999999999999999999\r\n\r\n{}",
                    "Content-Type: application/json\r\n\r\n{}", "Content-Length 10\r\n\r\n0123456789", "\r\n\r\n", "Content-Length: 2\r\nContent-Type: text/plain; charset=latin1\r\n\r\n{}",
                    "Content-Length: 0\r\n\r\n", "Content-Length:\r\n\r\n", "garbage\r\nContent-Length: 2\r\n\r\n{}", new string('x', 9_000),
                    "Content-Length: 5\r\n" + new string('h', 10_000) + "\r\n\r\n{}",
                ])));
            case 1:
                return ("random bytes", RandomBytes(random, random.Next(1, 600)));
            case 2:
            {
                byte[] body = Encoding.UTF8.GetBytes(ValidMessage(random));
                int claimed = Math.Max(0, body.Length + (random.Next(2) == 0 ? -random.Next(1, body.Length + 1) : random.Next(1, 400)));

                // The bytes an over-claim swallows are sent as filler, as a peer that miscounted would go on writing.
                byte[] filler = Encoding.ASCII.GetBytes(new string(' ', Math.Max(0, claimed - body.Length)));
                return ("wrong content-length", [.. Frame(body, claimed), .. filler]);
            }

            case 3:
            {
                byte[] body = Encoding.UTF8.GetBytes(ValidMessage(random));
                int cut = random.Next(body.Length);
                return ("truncated body", Frame(body[..cut], cut));
            }

            case 4:
                return ("mutated json", Frame(Mutate(random, Encoding.UTF8.GetBytes(ValidMessage(random)))));
            case 5:
                // A mutated header can claim far more than the frame carries (a duplicated digit: 243 -> 24243),
                // more than the probes' filler makes up. As with "wrong content-length", the bytes the claim swallows
                // follow as filler; a claim beyond a megabyte is drawn again.
                while (true)
                {
                    byte[] frame = Mutate(random, Frame(Encoding.UTF8.GetBytes(ValidMessage(random))));
                    long missing = MissingBytes(frame);
                    if (missing <= 1_000_000)
                    {
                        return ("mutated frame", [.. frame, .. Encoding.ASCII.GetBytes(new string(' ', (int)missing))]);
                    }
                }

            case 6:
                return ("wrong shapes", Frame(Encoding.UTF8.GetBytes(WrongShape(random))));
            case 7:
            {
                int depth = random.Next(2) == 0 ? 10_000 : random.Next(60, 300);
                string open = Pick(random, ["[", "{\"a\":", "{\"params\":"]);
                string nested = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(open == "[" ? "]" : "}", depth));
                string body = random.Next(2) == 0 ? nested : $$"""{"jsonrpc":"2.0","id":7,"method":"{{Pick(random, Methods)}}","params":{{nested}}}""";
                return ("deep nesting", Frame(Encoding.UTF8.GetBytes(body)));
            }

            default:
                return ("invalid utf-8", Frame([.. "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"workspace/symbol\",\"params\":{\"query\":\""u8, 0xC3, 0x28, 0xFF, 0xED, 0xA0, 0x80, .. "\"}}"u8]));
        }
    }

    private static string ValidMessage(Random random)
    {
        string method = Pick(random, Methods);
        string @params = Pick(random, [
            $$$"""{"textDocument":{"uri":"{{{Uri}}}"},"position":{"line":{{{random.Next(8)}}},"character":{{{random.Next(30)}}}}}""",
            $$$"""{"textDocument":{"uri":"{{{Uri}}}"},"range":{"start":{"line":0,"character":0},"end":{"line":3,"character":1}},"context":{"diagnostics":[]}}""",
            """{"query":"FR"}""",
            $$$"""{"textDocument":{"uri":"{{{Uri}}}","version":{{{random.Next(2, 1000)}}}},"contentChanges":[{"range":{"start":{"line":6,"character":2},"end":{"line":6,"character":2}},"text":"[x](y"}]}""",
        ]);
        string id = random.Next(3) == 0 ? string.Empty : $"\"id\":{random.Next(1, 900)},";
        return $$"""{"jsonrpc":"2.0",{{id}}"method":"{{method}}","params":{{@params}}}""";
    }

    private static string WrongShape(Random random)
    {
        string id = Pick(random, ["1", "\"s\"", "null", "1.5", "{}", "[]", "true", "99999999999999999999999", "-0"]);
        string method = random.Next(6) == 0 ? Pick(random, WeirdValues) : "\"" + Pick(random, Methods) + "\"";
        string @params = Pick(random, WeirdValues);
        return Pick(random, [
            $$"""{"jsonrpc":"2.0","id":{{id}},"method":{{method}},"params":{{@params}}}""",
            $$"""{"jsonrpc":"2.0","method":{{method}},"params":{{@params}}}""",
            $$"""{"jsonrpc":"1.0","id":{{id}},"result":{{@params}}}""",
            $$"""{"jsonrpc":"2.0","id":{{id}},"error":{{@params}}}""",
            $$$"""[{"jsonrpc":"2.0","id":1,"method":"workspace/symbol","params":{"query":""}}]""",
            @params,
        ]);
    }

    private static byte[] Mutate(Random random, byte[] bytes)
    {
        var list = bytes.ToList();
        int edits = random.Next(1, 6);
        for (int i = 0; i < edits && list.Count > 0; i++)
        {
            int at = random.Next(list.Count);
            switch (random.Next(4))
            {
                case 0:
                    list[at] = (byte)random.Next(256);
                    break;
                case 1:
                    list.RemoveRange(at, Math.Min(list.Count - at, random.Next(1, 20)));
                    break;
                case 2:
                    list.InsertRange(at, RandomBytes(random, random.Next(1, 20)));
                    break;
                default:
                    list.InsertRange(at, list.GetRange(at, Math.Min(list.Count - at, random.Next(1, 40))));
                    break;
            }
        }

        return [.. list];
    }

    /// <summary>
    /// How many bytes past its end <paramref name="frame"/>'s first header block claims, read as MessageReader reads
    /// it ("Name: value" lines, Content-Length in any case, digits only, any invalid one voids it; garbage in front
    /// of a Content-Length in the block is skipped); 0 when it claims no more than it carries.
    /// </summary>
    private static long MissingBytes(byte[] frame)
    {
        int end = frame.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return 0;
        }

        string block = Encoding.Latin1.GetString(frame, 0, end);
        long? length = ClaimedLength(block);
        int later = block.Length > 1 ? block.IndexOf("Content-Length", 1, StringComparison.OrdinalIgnoreCase) : -1;
        if (length is null && later > 0)
        {
            length = ClaimedLength(block[later..]);
        }

        return length is { } claimed ? Math.Max(0, claimed - (frame.Length - end - 4)) : 0;
    }

    private static long? ClaimedLength(string block)
    {
        long? length = null;
        foreach (string line in block.Split("\r\n"))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0 && line[..colon].Trim(' ').Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (!long.TryParse(line[(colon + 1)..].Trim(' '), NumberStyles.None, CultureInfo.InvariantCulture, out long n))
                {
                    return null;
                }

                length = n;
            }
        }

        return length;
    }

    private static byte[] Frame(byte[] body, int? claimed = null) =>
        [.. Encoding.ASCII.GetBytes($"Content-Length: {claimed ?? body.Length}\r\n\r\n"), .. body];

    private static byte[] RandomBytes(Random random, int count)
    {
        byte[] bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Printable(byte[] bytes)
    {
        string text = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 300)]);
        return text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
    }
}
