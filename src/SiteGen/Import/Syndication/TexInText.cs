namespace SiteGen.Import.Syndication;

/// <summary>What a run of HTML text holds besides plain text, found the way <see cref="FormatMarkdown"/> finds it in a text feed.</summary>
internal enum TokenKind
{
    Text,
    InlineMath,
    DisplayMath,
    Url,
    Placeholder,
}

/// <summary>
/// Splits text into plain text, <c>\( \)</c> / <c>\[ \]</c> formulas, bare http(s) URLs and the lost-content marks
/// (<c>[公式]</c> …), with the same rules as text feeds, so an article reads the same whichever feed it came from.
/// </summary>
internal static class TexInText
{
    /// <param name="text">Decoded text of one HTML text node.</param>
    /// <param name="unexpressible">Called with a formula that cannot be Markdown math; it stays plain text.</param>
    public static List<(TokenKind Kind, string Value)> Split(string text, Action<string> unexpressible)
    {
        var tokens = new List<(TokenKind, string)>();
        var plainStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            var next = TryMath(text, i, tokens, plainStart, unexpressible) ?? TryUrl(text, i, tokens, plainStart) ?? TryPlaceholder(text, i, tokens, plainStart);
            if (next is { } end)
            {
                plainStart = i = end;
            }
            else
            {
                i++;
            }
        }
        Plain(text, plainStart, text.Length, tokens);
        return tokens;
    }

    private static int? TryMath(string text, int i, List<(TokenKind, string)> tokens, int plainStart, Action<string> unexpressible)
    {
        if (!FormatMarkdown.TryDelimitedTex(text, i, out var display, out var close, out var content))
        {
            return null;
        }
        if (display ? !FormatMarkdown.CanBeMathBlock(content) || content.Contains('$') : !FormatMarkdown.CanBeInlineMath(content))
        {
            unexpressible(text[i..(close + 2)]);
            return null;
        }
        Plain(text, plainStart, i, tokens);
        tokens.Add((display ? TokenKind.DisplayMath : TokenKind.InlineMath, content));
        return close + 2;
    }

    private static int? TryUrl(string text, int i, List<(TokenKind, string)> tokens, int plainStart)
    {
        var span = text.AsSpan(i);
        var scheme = span.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8
            : span.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7 : 0;
        // Only at a word boundary: "xhttps://" is not a URL.
        if (scheme == 0 || (i > 0 && char.IsAsciiLetterOrDigit(text[i - 1])))
        {
            return null;
        }
        var end = FormatMarkdown.UrlEnd(text, i, scheme);
        if (end <= i + scheme)
        {
            return null;
        }
        Plain(text, plainStart, i, tokens);
        tokens.Add((TokenKind.Url, text[i..end]));
        return end;
    }

    private static int? TryPlaceholder(string text, int i, List<(TokenKind, string)> tokens, int plainStart)
    {
        if (text[i] != '[')
        {
            return null;
        }
        foreach (var placeholder in FormatMarkdown.Placeholders)
        {
            if (text.AsSpan(i).StartsWith(placeholder, StringComparison.Ordinal))
            {
                Plain(text, plainStart, i, tokens);
                tokens.Add((TokenKind.Placeholder, placeholder));
                return i + placeholder.Length;
            }
        }
        return null;
    }

    private static void Plain(string text, int start, int end, List<(TokenKind, string)> tokens)
    {
        if (end > start)
        {
            tokens.Add((TokenKind.Text, text[start..end]));
        }
    }
}
