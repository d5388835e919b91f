using System.Text;

namespace SiteGen.Common;

/// <summary>Whitespace handling shared by the stages that compare, excerpt or index text.</summary>
public static class Whitespace
{
    /// <summary>One bit per character: set for every one <see cref="char.IsWhiteSpace(char)"/> calls whitespace, except the plain space.</summary>
    /// <remarks>
    /// A table and a loop in our own precompiled code, not <c>SearchValues</c>: its vectorized search is compiled afresh
    /// in every process and ran unoptimized for most of a build (3 % of a rebuild's processor time, on every feed entry).
    /// </remarks>
    private static readonly ulong[] OtherWhitespace = OtherWhitespaceTable();

    private static ulong[] OtherWhitespaceTable()
    {
        var table = new ulong[(char.MaxValue + 1) / 64];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (c != ' ' && char.IsWhiteSpace((char)c))
            {
                table[c >> 6] |= 1UL << (c & 63);
            }
        }

        return table;
    }

    private static bool HasOtherWhitespace(ReadOnlySpan<char> text)
    {
        var table = OtherWhitespace;
        foreach (var c in text)
        {
            if ((table[c >> 6] & (1UL << (c & 63))) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Runs of whitespace become one space; none at either end.</summary>
    public static string Collapse(string text)
    {
        // Most texts (every normalized feed entry, asked again by dedup, titles, claims and render keys) have no
        // whitespace but plain spaces, and most of those no run of them: a check and a search for two spaces instead of
        // building the text again (half the entries of a generated feed have a double space somewhere).
        var span = text.AsSpan();
        if (HasOtherWhitespace(span))
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
