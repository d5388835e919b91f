using System.Text;

namespace SiteGen.Import;

/// <summary>
/// Accumulates Markdown blocks, one line per paragraph, and keeps inline math delimiters valid for Markdig
/// (a <c>$</c> needs whitespace or punctuation on its outer side, so a space is added where the text has none).
/// </summary>
internal sealed class MarkdownWriter(int headingLevel)
{
    private readonly StringBuilder _document = new();
    private readonly StringBuilder _paragraph = new();
    private bool _afterMath;
    private bool _afterPlaceholder;

    public void Text(ReadOnlySpan<char> text)
    {
        if (_paragraph.Length == 0)
        {
            text = text.TrimStart();
        }
        if (text.IsEmpty)
        {
            return;
        }
        if (_afterMath && !IsSafeMathNeighbor(text[0]))
        {
            _paragraph.Append(' ');
        }
        if (_afterPlaceholder && text[0] is '(' or ':')
        {
            // "[公式](x)" must not turn into a link and "[Math]: x" at a line start not into a link definition.
            _paragraph.Append('\\').Append(text[0]);
            text = text[1..];
        }
        _afterMath = _afterPlaceholder = false;
        if (_paragraph.Length == 0)
        {
            MarkdownEscaper.AppendLineStart(_paragraph, text);
        }
        else
        {
            MarkdownEscaper.AppendInline(_paragraph, text);
        }
    }

    public void InlineMath(string content)
    {
        if (_paragraph.Length > 0 && !IsSafeMathNeighbor(_paragraph[^1]))
        {
            _paragraph.Append(' ');
        }
        _paragraph.Append(FormatMarkdown.InlineMathMarkdown(content));
        _afterMath = true;
        _afterPlaceholder = false;
    }

    public void MathBlock(string content)
    {
        EndParagraph();
        _document.Append("$$\n").Append(content).Append("\n$$\n\n");
    }

    public void Url(string url)
    {
        _paragraph.Append('<').Append(url).Append('>');
        _afterMath = _afterPlaceholder = false;
    }

    public void Placeholder(string placeholder)
    {
        _paragraph.Append(placeholder);
        _afterMath = false;
        _afterPlaceholder = true;
    }

    public void Heading(string word)
    {
        EndParagraph();
        _document.Append('#', headingLevel).Append(' ').Append(MarkdownEscaper.Inline(word)).Append("\n\n");
    }

    public void EndParagraph()
    {
        var line = _paragraph.ToString().TrimEnd();
        if (line.Length > 0)
        {
            _document.Append(line).Append("\n\n");
        }
        _paragraph.Clear();
        _afterMath = _afterPlaceholder = false;
    }

    public override string ToString()
    {
        EndParagraph();
        return _document.ToString().TrimEnd() + "\n";
    }

    // Markdig takes a tab or a space separator (Zs) as whitespace beside a '$', not U+2028/U+2029 (Zl, Zp):
    // there a '$' stays text unless a space is added (found by the feed property test).
    private static bool IsSafeMathNeighbor(char c) =>
        c == '\t' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.SpaceSeparator
        || (c is not ('$' or '\\') && (c < '\u0080' ? c > ' ' && !char.IsAsciiLetterOrDigit(c) : char.IsPunctuation(c)));
}
