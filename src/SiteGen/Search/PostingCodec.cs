namespace SiteGen.Search;

/// <summary>
/// Numbers as JSON-safe text: base-32 digits, most significant first; the first 32 characters
/// of <see cref="Alphabet"/> end a number, the last 32 carry five more bits. Small numbers (most doc gaps) take one
/// character, and the strings need no escaping inside JSON. Mirrors <c>decode()</c> in search.js.
/// </summary>
public static class PostingCodec
{
    /// <summary>Index 0–31 ends a number, 32–63 carries five more bits.</summary>
    public const string Alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

    public static void Write(CharBuffer buffer, int value)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "posting numbers are never negative");
        }

        Span<char> digits = stackalloc char[7];
        var n = 0;
        digits[n++] = Alphabet[value & 31];
        value >>= 5;
        while (value > 0)
        {
            digits[n++] = Alphabet[32 + (value & 31)];
            value >>= 5;
        }

        for (var i = n - 1; i >= 0; i--)
        {
            buffer.Append(digits[i]);
        }
    }

    public static List<int> ReadAll(string text)
    {
        var values = new List<int>();
        var value = 0;
        foreach (var c in text)
        {
            var d = Alphabet.IndexOf(c);
            if (d < 0)
            {
                throw new FormatException($"'{c}' is not a posting digit");
            }

            if (d >= 32)
            {
                value = (value << 5) | (d - 32);
            }
            else
            {
                values.Add((value << 5) | d);
                value = 0;
            }
        }

        return values;
    }
}

/// <summary>A growable char array: cheaper than a StringBuilder per term when there are a million terms.</summary>
public sealed class CharBuffer
{
    private char[] _chars = new char[8];

    public int Length { get; private set; }

    public void Append(char c)
    {
        if (Length == _chars.Length)
        {
            Array.Resize(ref _chars, _chars.Length * 2);
        }

        _chars[Length++] = c;
    }

    public ReadOnlySpan<char> AsSpan() => _chars.AsSpan(0, Length);

    public override string ToString() => new(_chars, 0, Length);
}
