namespace SpecLsp.Core.Text;

/// <summary>A half-open range [Start, End) between two positions of one document.</summary>
public readonly record struct TextRange(Position Start, Position End)
{
    /// <summary>Creates a range from line and character numbers.</summary>
    public TextRange(int startLine, int startCharacter, int endLine, int endCharacter)
        : this(new Position(startLine, startCharacter), new Position(endLine, endCharacter))
    {
    }

    /// <summary>True when the range holds no text.</summary>
    public bool IsEmpty => Start == End;

    /// <summary>True when <paramref name="position"/> lies inside the range or touches its end, as a caret does.</summary>
    public bool Contains(Position position) => position >= Start && position <= End;

    /// <summary>True when <paramref name="other"/> lies wholly inside this range.</summary>
    public bool Contains(TextRange other) => other.Start >= Start && other.End <= End;

    /// <summary>True when the two ranges share at least one position.</summary>
    public bool Intersects(TextRange other) => Start <= other.End && other.Start <= End;

    /// <inheritdoc />
    public override string ToString() => $"{Start}-{End}";
}
