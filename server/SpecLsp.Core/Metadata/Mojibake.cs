using System.Text;

namespace SpecLsp.Core.Metadata;

/// <summary>
/// Repairs text that was UTF-8, read as Windows-1252 and saved again as UTF-8 (<c>ðŸ“‹ Planned</c> for
/// <c>📋 Planned</c>), as in templates copied through a misconfigured editor. Anything that does not decode
/// cleanly is returned unchanged.
/// </summary>
public static class Mojibake
{
    private static readonly Dictionary<char, byte> s_windows1252 = new()
    {
        ['€'] = 0x80, ['‚'] = 0x82, ['ƒ'] = 0x83, ['„'] = 0x84, ['…'] = 0x85, ['†'] = 0x86, ['‡'] = 0x87, ['ˆ'] = 0x88,
        ['‰'] = 0x89, ['Š'] = 0x8A, ['‹'] = 0x8B, ['Œ'] = 0x8C, ['Ž'] = 0x8E, ['‘'] = 0x91, ['’'] = 0x92, ['“'] = 0x93,
        ['”'] = 0x94, ['•'] = 0x95, ['–'] = 0x96, ['—'] = 0x97, ['˜'] = 0x98, ['™'] = 0x99, ['š'] = 0x9A, ['›'] = 0x9B,
        ['œ'] = 0x9C, ['ž'] = 0x9E, ['Ÿ'] = 0x9F,
    };

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary><paramref name="text"/> decoded back to what it was, or unchanged when it is not double-encoded.</summary>
    public static string Repair(string text)
    {
        // Double-encoded UTF-8 always shows a lead byte (Â to ô) followed by a continuation character.
        if (!text.Any(c => c is >= '\u00C2' and <= '\u00F4') || text.Length > 1000)
        {
            return text;
        }

        var bytes = new byte[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < 0x100)
            {
                bytes[i] = (byte)c;
            }
            else if (s_windows1252.TryGetValue(c, out byte b))
            {
                bytes[i] = b;
            }
            else
            {
                return text;
            }
        }

        try
        {
            return s_strictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return text;
        }
    }
}
