namespace SiteGen.Import.Syndication;

/// <summary>
/// JSON may escape half of a surrogate pair (<c>"\uD800"</c>), which is no text: System.Text.Json then throws from
/// every string and property-name lookup that meets it. Each such escape is rewritten in place as <c>\uFFFD</c>,
/// six bytes for six, so every line and column of the file stays where it was.
/// </summary>
internal static class LoneSurrogateEscapes
{
    /// <returns>How many escapes were replaced and the byte offset of the first one (-1 when none).</returns>
    public static (int Count, int First) Replace(byte[] data)
    {
        int count = 0, first = -1;
        for (var i = 0; i < data.Length - 1; i++)
        {
            if (data[i] != (byte)'\\')
            {
                continue;
            }
            if (data[i + 1] != (byte)'u' || Hex(data, i + 2) is not { } unit)
            {
                i++; // "\\", "\"", "\n" …: the escaped character is never the start of another escape.
                continue;
            }
            if (unit is >= 0xD800 and <= 0xDBFF && i + 7 < data.Length && data[i + 6] == (byte)'\\' && data[i + 7] == (byte)'u'
                && Hex(data, i + 8) is >= 0xDC00 and <= 0xDFFF)
            {
                i += 11; // a whole pair
                continue;
            }
            if (unit is >= 0xD800 and <= 0xDFFF)
            {
                "\\uFFFD"u8.CopyTo(data.AsSpan(i));
                count++;
                first = first < 0 ? i : first;
            }
            i += 5;
        }
        return (count, first);
    }

    private static int? Hex(byte[] data, int at)
    {
        if (at + 4 > data.Length)
        {
            return null;
        }
        var value = 0;
        for (var k = at; k < at + 4; k++)
        {
            var digit = data[k] switch
            {
                >= (byte)'0' and <= (byte)'9' => data[k] - '0',
                >= (byte)'a' and <= (byte)'f' => data[k] - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => data[k] - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return null;
            }
            value = value * 16 + digit;
        }
        return value;
    }
}
