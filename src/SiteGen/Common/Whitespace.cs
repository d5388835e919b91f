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
        // Most texts (every normalized feed entry, asked again by dedup, titles, claims and render keys) have no
        // whitespace but plain spaces, and most of those no run of them: vectorized searches instead of a loop over
        // every character (half the entries of a generated feed have a double space somewhere).
        var span = text.AsSpan();
        if (span.ContainsAny(OtherWhitespace))
        {
            return CollapseAny(text);
        }

        var rest = span.Trim(' ');
        var run = rest.IndexOf("  ", StringComparison.Ordinal);
        if (run < 0)
        {
            return rest.Length == text.Length ? text : rest.ToString();
        }

        var result = new StringBuilder(rest.Length);
        while (run >= 0)
        {
            result.Append(rest[..(run + 1)]);
            rest = rest[(run + 1)..].TrimStart(' ');
            run = rest.IndexOf("  ", StringComparison.Ordinal);
        }

        return result.Append(rest).ToString();
    }

    private static string CollapseAny(string text)
    {
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
}
