using System.Collections.Immutable;
using SpecLsp.Core.Text;

namespace SpecLsp.Core.CodeActions;

/// <summary>A command the client runs, for what an edit cannot express (such as selecting text).</summary>
/// <param name="Title">Shown to the user.</param>
/// <param name="Name">The command identifier, such as <c>speclsp.selectRange</c>.</param>
/// <param name="Arguments">Its arguments as strings; the server turns them into JSON.</param>
public sealed record SpecCommand(string Title, string Name, ImmutableArray<string> Arguments)
{
    /// <summary>A range of the document the command is about; the server passes the document URI and this range (in the negotiated encoding) before <see cref="Arguments"/>.</summary>
    public TextRange? Range { get; init; }
}
