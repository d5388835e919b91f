using System.Buffers;
using System.Text;

namespace SiteGen.Common;

/// <summary>Whitespace handling shared by the stages that compare, excerpt or index text.</summary>
public static class Whitespace
{
    /// <summary>Every character <see cref="char.IsWhiteSpace(char)"/> calls whitespace, except the plain space.</summary>
    private static readonly SearchValues<char> OtherWhitespace = SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => c != ' ' && char.IsWhiteSpace(c)).ToArray());

    /// <summary>Runs of whitespace become one space; none at either end.</summary>
    public static string Collapse(string text)
    {
        // Most texts (every normalized feed entry, asked again by dedup, titles, claims and render keys) are already
        // collapsed: a vectorized check instead of a copy character by character.
        if (IsCollapsed(text))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = result.Length > 0;
                continue;
            }

            if (space)
            {
                result.Append(' ');
                space = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    private static bool IsCollapsed(ReadOnlySpan<char> text) =>
        text.Length == 0
        || (text[0] != ' ' && text[^1] != ' ' && !text.ContainsAny(OtherWhitespace) && !text.Contains("  ", StringComparison.Ordinal));
}
