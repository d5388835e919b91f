using System.Text;
using SiteGen.Diagnostics;

namespace SiteGen.Import;

/// <summary>
/// Turns one flattened feed text into Markdown that renders back to exactly that text: plain text escaped,
/// <c>\( \)</c> and <c>\[ \]</c> as Markdig math, placeholders kept, bare URLs linked, and paragraph breaks
/// recovered only where a sentence ends and a new one visibly starts.
/// </summary>
internal sealed class FormatMarkdown
{
    internal static readonly string[] Placeholders = ["[Math]", "[公式]", "[代码]"];

    /// <param name="entry">The feed entry; its path and line locate warnings.</param>
    /// <param name="headingLevel">Level of headings recovered from section words (2 in the body, deeper inside a version section).</param>
    /// <param name="diagnostics">Receives a warning for each formula that has to stay plain text.</param>
    public string Format(FeedEntry entry, int headingLevel, DiagnosticBag diagnostics)
    {
        var text = entry.Text;
        var writer = new MarkdownWriter(headingLevel);
        var plainStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            var consumed = TryMath(text, i, entry, writer, diagnostics, plainStart)
                ?? TryUrl(text, i, writer, plainStart)
                ?? TryPlaceholder(text, i, writer, plainStart);
            if (consumed is { } next)
            {
                plainStart = i = next;
            }
            else
            {
                i++;
            }
        }
        FlushPlain(text, plainStart, text.Length, writer);
        return writer.ToString();
    }

    private static int? TryMath(string text, int i, FeedEntry entry, MarkdownWriter writer, DiagnosticBag diagnostics, int plainStart)
    {
        if (!TryDelimitedTex(text, i, out var display, out var close, out var content))
        {
            return null;
        }
        var expressible = display ? CanBeMathBlock(content) : CanBeInlineMath(content);
        if (!expressible)
        {
            diagnostics.Warning(ImportCodes.FormulaKeptAsText, entry.Path, entry.Line, i + 1,
                $"formula '{Shorten(text[i..(close + 2)])}' {FormulaKeptAsTextReason}");
            return null;
        }
        FlushPlain(text, plainStart, i, writer);
        if (display)
        {
            writer.MathBlock(content);
        }
        else
        {
            writer.InlineMath(content);
        }
        return close + 2;
    }

    /// <summary>
    /// A formula in <c>\( \)</c> or <c>\[ \]</c> starting at <paramref name="i"/>: whether it is displayed, where its
    /// closing delimiter starts, and its TeX without surrounding spaces. Text lines and feed items share this reading.
    /// </summary>
    internal static bool TryDelimitedTex(string text, int i, out bool display, out int close, out string content)
    {
        display = false;
        close = -1;
        content = "";
        if (text[i] != '\\' || i + 1 >= text.Length || text[i + 1] is not ('(' or '['))
        {
            return false;
        }
        display = text[i + 1] == '[';
        close = text.IndexOf(display ? "\\]" : "\\)", i + 2, StringComparison.Ordinal);
        if (close < 0)
        {
            return false;
        }
        content = text[(i + 2)..close].Trim();
        return true;
    }

    /// <summary>
    /// Whether <c>$content$</c> (written by <see cref="InlineMathMarkdown"/>) is Markdig inline math with this TeX. Markdig's
    /// inline math ends at a line break, so a formula over several lines is written on one; that keeps its meaning,
    /// since TeX reads a line break as a space, except where a blank line (a paragraph) or a '%' comment is involved.
    /// </summary>
    internal static bool CanBeInlineMath(string content)
    {
        if (content.Length == 0 || content.Contains('$'))
        {
            return false;
        }
        if (content.AsSpan().IndexOfAny('\r', '\n') >= 0 && (content.Contains('%') || HasBlankLine(content)))
        {
            return false;
        }
        var trailingBackslashes = content.Length - content.TrimEnd('\\').Length;
        return trailingBackslashes % 2 == 0;
    }

    /// <summary>Inline math in Markdown for TeX that <see cref="CanBeInlineMath"/> accepts: on one line, between '$'.</summary>
    internal static string InlineMathMarkdown(string content) =>
        content.AsSpan().IndexOfAny('\r', '\n') < 0
            ? $"${content}$"
            : $"${content.ReplaceLineEndings(" ")}$";

    private static bool HasBlankLine(string content)
    {
        foreach (var line in content.AsSpan().EnumerateLines())
        {
            if (line.IsWhiteSpace())
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Why a formula stays plain text, for the warning that says so.</summary>
    internal const string FormulaKeptAsTextReason =
        "cannot be written as Markdown math (it is empty, contains '$', ends in a '\\', or spans a blank line or a '%' comment over several lines); it is kept as plain text. Check its delimiters.";

    internal static bool CanBeMathBlock(string content) => content.Length > 0 && !content.Contains("$$", StringComparison.Ordinal);

    private static int? TryUrl(string text, int i, MarkdownWriter writer, int plainStart)
    {
        var span = text.AsSpan(i);
        int schemeLength;
        if (span.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            schemeLength = 8;
        }
        else if (span.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            schemeLength = 7;
        }
        else
        {
            return null;
        }
        var end = UrlEnd(text, i, schemeLength);
        if (end <= i + schemeLength)
        {
            return null;
        }
        FlushPlain(text, plainStart, i, writer);
        writer.Url(text[i..end]);
        return end;
    }

    /// <summary>URLs end at the first non-ASCII character (Chinese text follows without a space) or trailing punctuation.</summary>
    internal static int UrlEnd(string text, int start, int schemeLength)
    {
        var end = start + schemeLength;
        while (end < text.Length && IsUrlChar(text[end]))
        {
            end++;
        }
        while (end > start + schemeLength)
        {
            var last = text[end - 1];
            if (".,:;!?'\"*_~".Contains(last)
                || (last == ')' && text.AsSpan(start, end - start).Count('(') < text.AsSpan(start, end - start).Count(')')))
            {
                end--;
                continue;
            }
            break;
        }
        return end;
    }

    private static bool IsUrlChar(char c) => c is > ' ' and < '\u007F' && !"<>\"\\`{}|^[]".Contains(c);

    private static int? TryPlaceholder(string text, int i, MarkdownWriter writer, int plainStart)
    {
        if (text[i] != '[')
        {
            return null;
        }
        foreach (var placeholder in Placeholders)
        {
            if (text.AsSpan(i).StartsWith(placeholder, StringComparison.Ordinal))
            {
                FlushPlain(text, plainStart, i, writer);
                writer.Placeholder(placeholder);
                return i + placeholder.Length;
            }
        }
        return null;
    }

    /// <summary>Writes plain text, splitting paragraphs where a sentence ends, spaces follow and a Chinese sentence or a section word starts.</summary>
    private static void FlushPlain(string text, int start, int end, MarkdownWriter writer)
    {
        if (start >= end)
        {
            return;
        }
        var piece = text.AsSpan(start, end - start);
        var from = 0;
        if (start == 0 && SectionWords.AtStart(piece) is { } leading)
        {
            writer.Heading(leading);
            from = leading.Length;
        }
        for (var k = from; k < piece.Length; k++)
        {
            if (!IsSentenceEnd(piece[k]) || k + 1 >= piece.Length || !char.IsWhiteSpace(piece[k + 1]))
            {
                continue;
            }
            var next = k + 1;
            while (next < piece.Length && char.IsWhiteSpace(piece[next]))
            {
                next++;
            }
            var rest = piece[next..];
            var word = SectionWords.AtStart(rest);
            if (word is null && (rest.IsEmpty || !IsCjk(rest[0])))
            {
                continue;
            }
            writer.Text(piece[from..(k + 1)]);
            writer.EndParagraph();
            from = next;
            if (word is not null)
            {
                writer.Heading(word);
                from += word.Length;
            }
            k = from - 1;
        }
        writer.Text(piece[from..]);
    }

    private static bool IsSentenceEnd(char c) => c is '。' or '！' or '？' or '!' or '?';

    internal static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..37] + "...";
}
