namespace SpecLsp.Core.Model;

/// <summary>What an ID looks like; shared by the parser and the features that complete and rename IDs.</summary>
public static class IdSyntax
{
    /// <summary>The part of <paramref name="id"/> before its number (<c>FR</c> of <c>FR1</c>, <c>US-</c> of <c>US-1</c>, <c>SPEC-</c> of a spec ID).</summary>
    public static string GetPrefix(string id)
    {
        if (id.StartsWith("SPEC-", StringComparison.Ordinal))
        {
            return "SPEC-";
        }

        int i = 0;
        while (i < id.Length && !char.IsAsciiDigit(id[i]))
        {
            i++;
        }

        return id[..i];
    }

    /// <summary>True for workspace-wide IDs (SPEC-…); every other ID is local to its spec.</summary>
    public static bool IsWorkspaceWide(string id) => id.StartsWith("SPEC-", StringComparison.Ordinal);
}
