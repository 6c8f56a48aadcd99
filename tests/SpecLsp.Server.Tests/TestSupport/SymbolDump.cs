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

    /// <summary>Name, kind, range, selection range and detail of each symbol, children indented.</summary>
    public static string Detailed(JsonElement symbols)
    {
        var builder = new StringBuilder();
        Write(symbols, 0);
        return builder.ToString();

        void Write(JsonElement level, int depth)
        {
            foreach (var symbol in level.EnumerateArray())
            {
                builder.Append(' ', depth * 2).Append(symbol.GetProperty("name").GetString())
                    .Append(" [").Append((Protocol.Lsp.SymbolKind)symbol.GetProperty("kind").GetInt32()).Append("] ")
                    .Append(Range(symbol.GetProperty("range"))).Append(" sel ").Append(Range(symbol.GetProperty("selectionRange")));
                if (symbol.TryGetProperty("detail", out var detail))
                {
                    builder.Append(" \"").Append(detail.GetString()).Append('"');
                }

                builder.Append('\n');
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
