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

    public static void Write(AsciiBuffer buffer, int value)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "posting numbers are never negative");
        }

        Span<byte> digits = stackalloc byte[7];
        var n = 0;
        digits[n++] = (byte)Alphabet[value & 31];
        value >>= 5;
        while (value > 0)
        {
            digits[n++] = (byte)Alphabet[32 + (value & 31)];
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

/// <summary>
/// A growable array of ASCII bytes (the posting alphabet is ASCII): half the memory of chars, and it is
/// already the UTF-8 the index files are written in. Cheaper than a StringBuilder per term when there are a
/// million terms.
/// </summary>
public sealed class AsciiBuffer
{
    private byte[] _bytes;

    public AsciiBuffer() => _bytes = new byte[8];

    /// <summary>A buffer that starts as <paramref name="bytes"/> (taken, not copied).</summary>
    public AsciiBuffer(byte[] bytes)
    {
        _bytes = bytes.Length == 0 ? new byte[8] : bytes;
        Length = bytes.Length;
    }

    public int Length { get; private set; }

    public void Append(byte c)
    {
        if (Length == _bytes.Length)
        {
            // 1.5×, not 2×: at 10,000 pages the posting lists are the search stage's memory, and a doubling leaves up to half of it unused.
            Array.Resize(ref _bytes, Math.Max(8, _bytes.Length + (_bytes.Length >> 1)));
        }

        _bytes[Length++] = c;
    }

    public ReadOnlySpan<byte> AsSpan() => _bytes.AsSpan(0, Length);

    public override string ToString() => System.Text.Encoding.ASCII.GetString(AsSpan());
}
