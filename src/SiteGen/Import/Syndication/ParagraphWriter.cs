using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SiteGen.Import.Syndication;

/// <summary>
/// Writes a <see cref="Paragraph"/> as Markdown that renders back to its text. Emphasis is written only where
/// CommonMark's flanking rules let <c>*</c>/<c>**</c> open and close (whitespace moves outside the delimiters, a
/// span that still cannot be delimited keeps its text without the emphasis), and a paragraph with emphasis is
/// parsed once with Markdig to prove it: if the emphasis Markdig finds is not the emphasis we wrote, the
/// paragraph is written again without any, so a stray <c>*</c> never shows.
/// </summary>
internal static class ParagraphWriter
{
    private static readonly MarkdownPipeline Check = new MarkdownPipelineBuilder().UseMathematics().UseAutoLinks().DisableHtml().Build();

    /// <summary>The Markdown (one line per hard break) and the reduced text of the pieces.</summary>
    public static (string Markdown, string Text) Write(IReadOnlyList<Piece> input)
    {
        var pieces = Normalize(input);
        var plain = new StringBuilder();
        foreach (var piece in pieces)
        {
            plain.Append(piece.Plain);
        }
        DropUndelimitable(pieces);
        var markdown = Join(pieces);
        var pairs = pieces.Count(p => p.Kind == PieceKind.Open);
        if (pairs > 0 && !RendersAsWritten(markdown, pieces))
        {
            pieces.RemoveAll(p => p.Kind is PieceKind.Open or PieceKind.Close);
            markdown = Join(pieces);
        }
        return (markdown, plain.ToString());
    }

    /// <summary>Whitespace out of emphasis and links' edges, empty spans dropped, adjacent same spans joined, spaces collapsed.</summary>
    private static List<Piece> Normalize(IReadOnlyList<Piece> input)
    {
        var pieces = input.ToList();
        bool changed;
        do
        {
            changed = false;
            for (var i = 0; i + 1 < pieces.Count; i++)
            {
                var (a, b) = (pieces[i], pieces[i + 1]);
                if ((a.Kind == PieceKind.Open && b.Kind is PieceKind.Space or PieceKind.Break)
                    || (a.Kind is PieceKind.Space or PieceKind.Break && b.Kind == PieceKind.Close))
                {
                    (pieces[i], pieces[i + 1]) = (b, a);
                    changed = true;
                }
                else if ((a.Kind == PieceKind.Open && b.Kind == PieceKind.Close)
                    || (a.Kind == PieceKind.Close && b.Kind == PieceKind.Open && a.Strong == b.Strong)
                    || (a.Kind == PieceKind.LinkOpen && b.Kind == PieceKind.LinkClose))
                {
                    pieces.RemoveRange(i, 2);
                    changed = true;
                }
                else if (a.Kind == PieceKind.Space && b.Kind is PieceKind.Space or PieceKind.Break)
                {
                    pieces.RemoveAt(i);
                    changed = true;
                }
                else if (a.Kind == PieceKind.Break && b.Kind == PieceKind.Space)
                {
                    pieces.RemoveAt(i + 1);
                    changed = true;
                }
                else if (a.Kind == PieceKind.LinkOpen && b.Kind == PieceKind.Space)
                {
                    (pieces[i], pieces[i + 1]) = (b, a);
                    changed = true;
                }
            }
        }
        while (changed);

        // No whitespace or break at either end; delimiters at the ends stay.
        int first = 0, last = pieces.Count - 1;
        while (first <= last && pieces[first].Kind is PieceKind.Space or PieceKind.Break)
        {
            first++;
        }
        while (last >= first && pieces[last].Kind is PieceKind.Space or PieceKind.Break)
        {
            last--;
        }
        return pieces.GetRange(first, last - first + 1);
    }

    /// <summary>Removes every emphasis pair whose opening run cannot open or whose closing run cannot close.</summary>
    private static void DropUndelimitable(List<Piece> pieces)
    {
        while (true)
        {
            var bad = -1;
            var stack = new Stack<int>();
            for (var i = 0; i < pieces.Count && bad < 0; i++)
            {
                if (pieces[i].Kind == PieceKind.Open)
                {
                    stack.Push(i);
                }
                else if (pieces[i].Kind == PieceKind.Close && stack.TryPop(out var open))
                {
                    if (!CanOpen(pieces, open) || !CanClose(pieces, i) || MixedRun(pieces, open) || MixedRun(pieces, i))
                    {
                        bad = open;
                        RemovePair(pieces, open, i);
                    }
                }
            }
            if (bad < 0)
            {
                return;
            }
        }
    }

    private static void RemovePair(List<Piece> pieces, int open, int close)
    {
        pieces.RemoveAt(close);
        pieces.RemoveAt(open);
    }

    /// <summary>A run that closes one span and opens another could pair the wrong way.</summary>
    private static bool MixedRun(List<Piece> pieces, int index)
    {
        var (start, end) = Run(pieces, index);
        var opens = false;
        var closes = false;
        for (var i = start; i < end; i++)
        {
            opens |= pieces[i].Kind == PieceKind.Open;
            closes |= pieces[i].Kind == PieceKind.Close;
        }
        return opens && closes;
    }

    private static (int Start, int End) Run(List<Piece> pieces, int index)
    {
        int start = index, end = index + 1;
        while (start > 0 && pieces[start - 1].Kind is PieceKind.Open or PieceKind.Close)
        {
            start--;
        }
        while (end < pieces.Count && pieces[end].Kind is PieceKind.Open or PieceKind.Close)
        {
            end++;
        }
        return (start, end);
    }

    // CommonMark: a left-flanking run is not followed by whitespace, and not followed by punctuation unless preceded by whitespace or punctuation.
    private static bool CanOpen(List<Piece> pieces, int index)
    {
        var (start, end) = Run(pieces, index);
        var before = start == 0 ? ' ' : LastChar(pieces[start - 1]);
        var after = end == pieces.Count ? ' ' : FirstChar(pieces[end]);
        return !IsSpace(after) && (!IsPunctuation(after) || IsSpace(before) || IsPunctuation(before));
    }

    private static bool CanClose(List<Piece> pieces, int index)
    {
        var (start, end) = Run(pieces, index);
        var before = start == 0 ? ' ' : LastChar(pieces[start - 1]);
        var after = end == pieces.Count ? ' ' : FirstChar(pieces[end]);
        return !IsSpace(before) && (!IsPunctuation(before) || IsSpace(after) || IsPunctuation(after));
    }

    private static char FirstChar(Piece piece) => piece.Kind switch
    {
        PieceKind.Text => piece.Value[0],
        PieceKind.Space or PieceKind.Break => ' ',
        PieceKind.Code => '`',
        PieceKind.Math => '$',
        PieceKind.Url => '<',
        PieceKind.Image => '!',
        PieceKind.LinkOpen or PieceKind.Placeholder => '[',
        PieceKind.LinkClose => ']',
        _ => '*',
    };

    private static char LastChar(Piece piece) => piece.Kind switch
    {
        PieceKind.Text => piece.Value[^1],
        PieceKind.Space or PieceKind.Break => ' ',
        PieceKind.Code => '`',
        PieceKind.Math => '$',
        PieceKind.Url => '>',
        PieceKind.Image or PieceKind.LinkClose => ')',
        PieceKind.LinkOpen => '[',
        PieceKind.Placeholder => ']',
        _ => '*',
    };

    private static bool IsSpace(char c) => char.IsWhiteSpace(c);

    private static bool IsPunctuation(char c) => char.IsPunctuation(c) || char.IsSymbol(c);

    private static string Join(List<Piece> pieces)
    {
        var output = new StringBuilder();
        var lineStart = true;
        var afterMath = false;
        var afterPlaceholder = false;
        foreach (var piece in pieces)
        {
            if (piece.Kind is PieceKind.Space or PieceKind.Break)
            {
                output.Append(piece.Kind == PieceKind.Break ? "\\\n" : " ");
                lineStart = piece.Kind == PieceKind.Break;
                afterMath = afterPlaceholder = false;
                continue;
            }
            var text = piece.Kind == PieceKind.Text ? piece.Value.AsSpan() : default;
            if (afterMath && !IsSafeMathNeighbor(FirstChar(piece)))
            {
                output.Append(' ');
            }
            if (afterPlaceholder && piece.Kind == PieceKind.Text && text[0] is '(' or ':')
            {
                // "[公式](x)" must not turn into a link, nor "[Math]: x" at a line start into a link definition.
                output.Append('\\').Append(text[0]);
                text = text[1..];
            }
            afterMath = afterPlaceholder = false;
            switch (piece.Kind)
            {
                case PieceKind.Text when lineStart:
                    MarkdownEscaper.AppendLineStart(output, text);
                    break;
                case PieceKind.Text:
                    MarkdownEscaper.AppendInline(output, text);
                    break;
                case PieceKind.Open or PieceKind.Close:
                    output.Append(piece.Strong ? "**" : "*");
                    break;
                case PieceKind.LinkOpen:
                    if (output.Length > 0 && output[^1] == '!' && (output.Length == 1 || output[^2] != '\\'))
                    {
                        // "!" right before "[" would make the link an image.
                        output.Insert(output.Length - 1, '\\');
                    }
                    output.Append('[');
                    break;
                case PieceKind.LinkClose:
                    output.Append("](<").Append(piece.Value).Append(">)");
                    break;
                case PieceKind.Url:
                    output.Append('<').Append(piece.Value).Append('>');
                    break;
                case PieceKind.Math:
                    if (output.Length > 0 && !IsSafeMathNeighbor(output[^1]))
                    {
                        output.Append(' ');
                    }
                    output.Append(FormatMarkdown.InlineMathMarkdown(piece.Value));
                    afterMath = true;
                    break;
                case PieceKind.Placeholder:
                    output.Append(piece.Value);
                    afterPlaceholder = true;
                    break;
                case PieceKind.Code when output.Length > 0 && output[^1] == '`':
                    // Two code spans side by side would merge their backtick runs.
                    output.Append(' ').Append(piece.Value);
                    break;
                default:
                    output.Append(piece.Value);
                    break;
            }
            lineStart = false;
        }
        return output.ToString();
    }

    /// <summary>Markdig finds exactly the emphasis we wrote and shows no delimiter as text.</summary>
    private static bool RendersAsWritten(string markdown, List<Piece> pieces)
    {
        var document = Markdig.Markdown.Parse(markdown, Check);
        var strong = 0;
        var emphasis = 0;
        var text = new StringBuilder();
        foreach (var inline in document.Descendants<Inline>())
        {
            switch (inline)
            {
                case EmphasisInline { DelimiterChar: '*', DelimiterCount: 2 }: strong++; break;
                case EmphasisInline { DelimiterChar: '*', DelimiterCount: 1 }: emphasis++; break;
                case EmphasisInline: return false;
                case LiteralInline literal: text.Append(literal.Content.AsSpan()); break;
                case CodeInline code: text.Append(code.Content); break;
                case AutolinkInline autolink: text.Append(autolink.Url); break;
                case HtmlEntityInline entity: text.Append(entity.Transcoded.AsSpan()); break;
            }
        }
        var expected = new StringBuilder();
        foreach (var piece in pieces)
        {
            if (piece.Kind is not (PieceKind.Math or PieceKind.Space or PieceKind.Break))
            {
                expected.Append(piece.Plain);
            }
        }
        return strong == pieces.Count(p => p.Kind == PieceKind.Open && p.Strong)
            && emphasis == pieces.Count(p => p.Kind == PieceKind.Open && !p.Strong)
            && Squash(text) == Squash(expected);
    }

    private static string Squash(StringBuilder text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var chunk in text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                if (!char.IsWhiteSpace(c))
                {
                    builder.Append(c);
                }
            }
        }
        return builder.ToString();
    }

    /// <summary>Markdig opens and closes <c>$</c> only next to whitespace or punctuation (as <see cref="MarkdownWriter"/> knows).</summary>
    /// <remarks>
    /// Markdig's whitespace beside a '$' is a tab or a space separator (Zs), not U+2028/U+2029 nor U+0085, which
    /// <see cref="char.IsWhiteSpace(char)"/> accepts (found by the syndication property test).
    /// </remarks>
    private static bool IsSafeMathNeighbor(char c) =>
        c == '\t' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.SpaceSeparator
        || (c is not ('$' or '\\') && (c < '\u0080' ? c > ' ' && !char.IsAsciiLetterOrDigit(c) : char.IsPunctuation(c)));
}
