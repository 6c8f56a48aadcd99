using System.Text;
using System.Text.Json;
using SpecLsp.Core.Symbols;

namespace SpecLsp.Server.Tests.TestSupport;

/// <summary>Readable one-line-a-symbol dumps of LSP symbol results and Core outlines, for comparing the two.</summary>
internal static class SymbolDump
{
    public static string FromLsp(JsonElement symbols)
    {
        var builder = new StringBuilder();
        Write(symbols, 0);
        return builder.ToString();

        void Write(JsonElement level, int depth)
        {
            foreach (var symbol in level.EnumerateArray())
            {
                var range = symbol.TryGetProperty("range", out var r) ? r : symbol.GetProperty("location").GetProperty("range");
                builder.Append(' ', depth * 2).Append(symbol.GetProperty("name").GetString()).Append(' ').Append(Range(range)).Append('\n');
                if (symbol.TryGetProperty("children", out var children))
                {
                    Write(children, depth + 1);
                }
            }
        }
    }

    public static string FromCore(IEnumerable<SymbolNode> nodes)
    {
        var builder = new StringBuilder();
        Write(nodes, 0);
        return builder.ToString();

        void Write(IEnumerable<SymbolNode> level, int depth)
        {
            foreach (var node in level)
            {
                builder.Append(' ', depth * 2).Append(string.IsNullOrWhiteSpace(node.Name) ? "(untitled)" : node.Name).Append(' ').Append(node.Range).Append('\n');
                Write(node.Children, depth + 1);
            }
        }
    }

    private static string Range(JsonElement range) =>
        $"({range.GetProperty("start").GetProperty("line").GetInt32()},{range.GetProperty("start").GetProperty("character").GetInt32()})-"
        + $"({range.GetProperty("end").GetProperty("line").GetInt32()},{range.GetProperty("end").GetProperty("character").GetInt32()})";
}
