namespace SpecLsp.Core.Metadata;

/// <summary>How metadata keys and values are compared: without case, emoji, markup or a trailing "Date".</summary>
public static class MetadataKeys
{
    /// <summary>
    /// The comparison form of a key: lower case, single-spaced, without a trailing colon or the word
    /// <c>date</c> at the end (<c>Created Date</c> and <c>Created</c> are the same key).
    /// </summary>
    public static string Normalize(string key)
    {
        var words = key.Trim().TrimEnd(':').Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 1 && words[^1] == "date")
        {
            words = words[..^1];
        }

        return string.Join(' ', words);
    }

    /// <summary>
    /// The comparison form of a value: lower case and without leading or trailing tokens that hold no ASCII
    /// letter or digit, which removes emoji (<c>✅ Implemented</c>) and their double-encoded forms
    /// (<c>âœ… Implemented</c>) alike.
    /// </summary>
    public static string NormalizeValue(string value) => StripDecorations(value).ToLowerInvariant();

    /// <summary><paramref name="value"/> without leading and trailing tokens that hold no ASCII letter or digit.</summary>
    public static string StripDecorations(string value)
    {
        var words = value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        int first = 0, last = words.Length - 1;
        while (first <= last && !HasAsciiLetterOrDigit(words[first]))
        {
            first++;
        }

        while (last >= first && !HasAsciiLetterOrDigit(words[last]))
        {
            last--;
        }

        return first > last ? string.Empty : string.Join(' ', words, first, last - first + 1);
    }

    /// <summary>True for the keys of dates: <c>Created</c>, <c>Last Updated</c>, <c>Implemented</c>, and any key ending in "Date" or "Due".</summary>
    public static bool IsDateKey(string key)
    {
        var raw = key.Trim().TrimEnd(':').Trim().ToLowerInvariant();
        if (raw.EndsWith(" date", StringComparison.Ordinal) || raw == "date" || raw == "due")
        {
            return true;
        }

        return Normalize(key) is "created" or "last updated" or "updated" or "implemented" or "last modified";
    }

    private static bool HasAsciiLetterOrDigit(string word)
    {
        foreach (char c in word)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }
}
