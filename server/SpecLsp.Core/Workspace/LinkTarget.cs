using System.Collections.Immutable;

namespace SpecLsp.Core.Workspace;

/// <summary>What kind of place a link points at.</summary>
public enum LinkTargetKind
{
    /// <summary>A URL with a scheme (<c>https:</c>, <c>mailto:</c>…), a protocol-relative URL, or an empty destination: never checked.</summary>
    External,

    /// <summary>A fragment alone (<c>#overview</c>): a heading of the same document.</summary>
    SameDocument,

    /// <summary>A file inside the workspace, perhaps with a fragment.</summary>
    File,

    /// <summary>
    /// A relative path that leaves the workspace roots after normalisation (or any relative path when there is
    /// no workspace): never read and never reported, since we cannot know.
    /// </summary>
    Outside,
}

/// <summary>Where a link destination leads.</summary>
/// <param name="Kind">What kind of place.</param>
/// <param name="Path">The normalised absolute path for <see cref="LinkTargetKind.File"/>, else null.</param>
/// <param name="Fragment">The percent-decoded fragment after <c>#</c>, or null when there is none.</param>
public sealed record LinkTarget(LinkTargetKind Kind, string? Path, string? Fragment)
{
    /// <summary>True for a site-root link (<c>/guides/x.md</c>), which <see cref="Path"/> resolves in the workspace root.</summary>
    public bool IsRootRelative { get; init; }

    /// <summary>Not checked.</summary>
    public static LinkTarget External { get; } = new(LinkTargetKind.External, null, null);

    /// <summary>Outside the workspace.</summary>
    public static LinkTarget Outside { get; } = new(LinkTargetKind.Outside, null, null);

    /// <summary>
    /// Resolves <paramref name="destination"/> written in the document at <paramref name="documentPath"/>:
    /// backslash escapes and entities decoded, then percent-decoded, relative to the document's folder, <c>/path</c> relative to the workspace root that holds
    /// the document, query strings dropped.
    /// </summary>
    public static LinkTarget Resolve(string? destination, string? documentPath, ImmutableArray<string> roots)
    {
        if (destination is null)
        {
            return External;
        }

        var text = destination.Trim();
        if (text.Length >= 2 && text[0] == '<' && text[^1] == '>')
        {
            text = text[1..^1];
        }

        // CommonMark decodes backslash escapes and entities in a destination: [z](#valid\_x) leads to #valid_x.
        if (IsDriveOrUncPath(text))
        {
            return Outside;
        }

        if (text.Contains('\\', StringComparison.Ordinal) || text.Contains('&', StringComparison.Ordinal))
        {
            text = Markdig.Helpers.HtmlHelper.Unescape(text);
        }

        if (text.Length == 0 || text.StartsWith("//", StringComparison.Ordinal) || HasScheme(text))
        {
            return External;
        }

        string? fragment = null;
        int hash = text.IndexOf('#');
        if (hash >= 0)
        {
            fragment = Decode(text[(hash + 1)..]);
            text = text[..hash];
        }

        int query = text.IndexOf('?');
        if (query >= 0)
        {
            text = text[..query];
        }

        if (text.Length == 0)
        {
            return fragment is null ? External : new LinkTarget(LinkTargetKind.SameDocument, documentPath, fragment);
        }

        var path = Decode(text);
        if (path is null || documentPath is null || path.Contains('\0', StringComparison.Ordinal) || IsDriveOrUncPath(path))
        {
            return Outside;
        }

        var root = WorkspacePaths.FindRoot(documentPath, roots);
        if (root is null)
        {
            return Outside;
        }

        var resolved = path.StartsWith('/')
            ? WorkspacePaths.Combine(root, path)
            : WorkspacePaths.Combine(WorkspacePaths.GetDirectory(documentPath), path);

        // "/../x" normalises inside the root lexically only because Normalize clamps at "/": check against the root again.
        if (resolved is null || WorkspacePaths.FindRoot(resolved, roots) is null || (path.StartsWith('/') && EscapesRoot(path)))
        {
            return Outside;
        }

        return new LinkTarget(LinkTargetKind.File, resolved, fragment) { IsRootRelative = path.StartsWith('/') };
    }

    private static bool HasScheme(string text)
    {
        int colon = text.IndexOf(':');
        if (colon < 2 || !char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        for (int i = 1; i < colon; i++)
        {
            char c = text[i];
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDriveOrUncPath(string path) =>
        (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':') || path.StartsWith(@"\\", StringComparison.Ordinal);

    private static bool EscapesRoot(string rootRelative)
    {
        int depth = 0;
        foreach (var segment in rootRelative.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                if (--depth < 0)
                {
                    return true;
                }
            }
            else if (segment != ".")
            {
                depth++;
            }
        }

        return false;
    }

    private static string? Decode(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            return null;
        }
    }
}
