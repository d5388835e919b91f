using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SiteGen.Search;

/// <summary>
/// Turns rendered article HTML into blocks of plain text. Formulas contribute their TeX source
/// (KaTeX's <c>application/x-tex</c> annotation, or Markdig's <c>span.math</c>), never KaTeX's
/// glyph spans; lost-content placeholders (<c>span.missing</c>) contribute nothing.
/// </summary>
public static class SearchTextExtractor
{
    private static readonly HashSet<string> Skipped = ["script", "style", "template", "noscript", "svg", "button"];

    private static readonly HashSet<string> Blocks =
    [
        "p", "li", "div", "blockquote", "pre", "td", "th", "dd", "dt", "figcaption", "section", "ul", "ol",
        "table", "tr", "thead", "tbody", "figure", "details", "summary", "hr", "br", "aside", "header", "footer",
    ];

    // A parser builds a browsing context on construction; one per thread keeps that out of the loop.
    [ThreadStatic]
    private static HtmlParser? _parser;

    public static IReadOnlyList<ExtractedBlock> Extract(string bodyHtml)
    {
        using var document = Parse(bodyHtml);
        return Extract(document.Body!);
    }

    /// <summary>As <see cref="Extract(string)"/>, from a body already parsed (by <see cref="Parse"/>), so other stages can share the parse.</summary>
    public static IReadOnlyList<ExtractedBlock> Extract(IElement body)
    {
        var walker = new Walker();
        walker.Walk(body);
        walker.EndBlock();
        return walker.Result;
    }

    /// <summary>Parses a rendered body the way <see cref="Extract(string)"/> does; the caller disposes the document.</summary>
    public static IDocument Parse(string bodyHtml)
    {
        _parser ??= new HtmlParser(new HtmlParserOptions { IsScripting = false });
        return _parser.ParseDocument("<!DOCTYPE html><html><body>" + bodyHtml + "</body></html>");
    }

    private sealed class Walker
    {
        private readonly StringBuilder _text = new();
        private BlockKind _kind = BlockKind.Body;
        private string? _anchor;

        public List<ExtractedBlock> Result { get; } = [];

        public void Walk(INode parent)
        {
            for (var node = parent.FirstChild; node is not null; node = node.NextSibling)
            {
                if (node is IText text)
                {
                    _text.Append(text.Data);
                }
                else if (node is IElement element)
                {
                    Visit(element);
                }
            }
        }

        public void EndBlock()
        {
            var text = Common.Whitespace.Collapse(_text.ToString());
            _text.Clear();
            if (text.Length > 0)
            {
                Result.Add(new ExtractedBlock(_kind, text, _anchor));
            }

            _kind = BlockKind.Body;
            _anchor = null;
        }

        private void Visit(IElement element)
        {
            var tag = element.LocalName;
            if (Skipped.Contains(tag) || element.ClassList.Contains("missing")
                || element.ClassList.Contains("katex-html") || element.GetAttribute("aria-hidden") == "true")
            {
                return;
            }

            if (element.ClassList.Contains("katex"))
            {
                var tex = element.QuerySelector("annotation[encoding='application/x-tex']")?.TextContent;
                AppendMath(tex ?? string.Empty);
                return;
            }

            if (element.ClassList.Contains("math"))
            {
                AppendMath(StripDelimiters(element.TextContent));
                return;
            }

            if (tag.Length == 2 && tag[0] == 'h' && tag[1] is >= '1' and <= '6')
            {
                EndBlock();
                _kind = BlockKind.Heading;
                _anchor = element.Id ?? element.QuerySelector("[id]")?.Id;
                Walk(element);
                EndBlock();
                return;
            }

            if (Blocks.Contains(tag))
            {
                EndBlock();
                Walk(element);
                EndBlock();
                return;
            }

            Walk(element);
        }

        private void AppendMath(string tex) => _text.Append(' ').Append(tex.Trim()).Append(' ');

        private static string StripDelimiters(string tex)
        {
            var t = tex.Trim();
            foreach (var (open, close) in new[] { ("\\(", "\\)"), ("\\[", "\\]"), ("$$", "$$"), ("$", "$") })
            {
                if (t.Length >= open.Length + close.Length && t.StartsWith(open, StringComparison.Ordinal)
                    && t.EndsWith(close, StringComparison.Ordinal))
                {
                    return t[open.Length..^close.Length];
                }
            }

            return t;
        }
    }
}
