namespace SpecLsp.Core.Text;

/// <summary>
/// A zero-based line and character in a document. <see cref="Character"/> counts UTF-16 code units,
/// the unit of .NET strings; the server translates to the negotiated LSP position encoding.
/// </summary>
public readonly record struct Position(int Line, int Character) : IComparable<Position>
{
    /// <inheritdoc />
    public int CompareTo(Position other) => Line != other.Line ? Line.CompareTo(other.Line) : Character.CompareTo(other.Character);

    /// <summary>Orders positions by line, then character.</summary>
    public static bool operator <(Position a, Position b) => a.CompareTo(b) < 0;

    /// <summary>Orders positions by line, then character.</summary>
    public static bool operator >(Position a, Position b) => a.CompareTo(b) > 0;

    /// <summary>Orders positions by line, then character.</summary>
    public static bool operator <=(Position a, Position b) => a.CompareTo(b) <= 0;

    /// <summary>Orders positions by line, then character.</summary>
    public static bool operator >=(Position a, Position b) => a.CompareTo(b) >= 0;

    /// <inheritdoc />
    public override string ToString() => $"({Line},{Character})";
}
