using System.Text;
using SiteGen.Common;

namespace SiteGen.Import.Syndication;

/// <summary>
/// What is not text in an item's strings becomes U+FFFD: control characters (tabs and newlines are ordinary
/// whitespace there), noncharacters and lone surrogates. JSON escapes and XML character references can carry the
/// last two, and both make <c>string.Normalize</c> throw (dedup normalizes every entry).
/// </summary>
internal static class ControlCharacters
{
    /// <returns>The cleaned text and what the first replaced code point was, if any ("control character U+0001").</returns>
    public static (string Text, string? First) Replace(string text)
    {
        StringBuilder? builder = null;
        string? first = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var what = char.IsControl(c) && c is not ('\t' or '\n' or '\r') ? "control character"
                : Utf8Text.IsNoncharacter(text, i) ? "noncharacter"
                : char.IsSurrogate(c) && !pair ? "lone surrogate"
                : null;
            if (what is null)
            {
                builder?.Append(c);
                if (pair)
                {
                    builder?.Append(text[i + 1]);
                    i++;
                }
                continue;
            }
            builder ??= new StringBuilder(text.Length).Append(text, 0, i);
            first ??= $"{what} U+{(pair ? char.ConvertToUtf32(c, text[i + 1]) : c):X4}";
            builder.Append('\uFFFD');
            if (pair)
            {
                i++;
            }
        }
        return (builder?.ToString() ?? text, first);
    }
}
