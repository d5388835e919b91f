using System.Text;

namespace SiteGen.Import.Syndication;

/// <summary>Control characters in an item's strings become U+FFFD (tabs and newlines are ordinary whitespace there).</summary>
internal static class ControlCharacters
{
    /// <returns>The cleaned text and the first replaced character, if any.</returns>
    public static (string Text, char? First) Replace(string text)
    {
        StringBuilder? builder = null;
        char? first = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsControl(c) || c is '\t' or '\n' or '\r')
            {
                builder?.Append(c);
                continue;
            }
            builder ??= new StringBuilder(text.Length).Append(text, 0, i);
            first ??= c;
            builder.Append('\uFFFD');
        }
        return (builder?.ToString() ?? text, first);
    }
}
