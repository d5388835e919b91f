using System.Text;

namespace SiteGen.Import;

/// <summary>Backslash-escapes plain text so Markdig shows it literally (CommonMark allows escaping any ASCII punctuation).</summary>
internal static class MarkdownEscaper
{
    // Everything that can start markup inline: emphasis, code, links, raw HTML, entities, math, tables, strikethrough.
    private const string InlineSpecials = "\\`*_[]<>#|$~&";

    public static void AppendInline(StringBuilder output, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (InlineSpecials.Contains(c))
            {
                output.Append('\\');
            }
            output.Append(c);
        }
    }

    /// <summary>Like <see cref="AppendInline"/>, and also defuses what only means something at the start of a line (lists, setext, quotes).</summary>
    public static void AppendLineStart(StringBuilder output, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }
        if (text[0] is '-' or '+' or '=' or '>' or ':')
        {
            output.Append('\\').Append(text[0]);
            AppendInline(output, text[1..]);
            return;
        }
        var digits = 0;
        while (digits < text.Length && digits < 10 && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }
        if (digits is > 0 and < 10 && digits < text.Length && text[digits] is '.' or ')')
        {
            output.Append(text[..digits]).Append('\\').Append(text[digits]);
            AppendInline(output, text[(digits + 1)..]);
            return;
        }
        AppendInline(output, text);
    }

    public static string Inline(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        AppendInline(builder, text);
        return builder.ToString();
    }
}
