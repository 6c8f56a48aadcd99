using System.Text;
using SpecLsp.Core.Symbols;
using SpecLsp.Core.Tests.TestSupport;

namespace SpecLsp.Core.Tests.Symbols;

public class CharMaskTests
{
    /// <summary>The one-pass summary the symbol tables store is the three masks the queries are checked against.</summary>
    [Fact]
    public void Summarize_RandomNames_EqualsTheThreeMasks()
    {
        int seed = FuzzSeed.Or(20261204);
        var random = new Random(seed);
        const string alphabet = "aZ09 -_:.FRUS-ÉéßΣσİ日本🚀\t";
        for (int round = 0; round < 3000; round++)
        {
            var name = new StringBuilder();
            int length = round % 100 == 0 ? random.Next(500, 700) : random.Next(0, 40);
            while (name.Length < length)
            {
                name.Append(random.Next(3) == 0 ? (char)random.Next(0, 0x3000) : alphabet[random.Next(alphabet.Length)]);
            }

            string text = name.ToString();
            var expected = (CharMask.Of(text), CharMask.OfWordStarts(text), CharMask.Bigrams(text));
            Assert.True(expected == CharMask.Summarize(text), $"seed {seed}, round {round}: {System.Text.Json.JsonSerializer.Serialize(text)}");
        }
    }
}
