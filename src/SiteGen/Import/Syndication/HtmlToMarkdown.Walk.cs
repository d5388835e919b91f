using System.Globalization;
using System.Text;
using AngleSharp.Dom;

namespace SiteGen.Import.Syndication;

internal sealed partial class HtmlToMarkdown
{
    /// <summary>One walk over a container's nodes, writing its blocks; lists and quotes walk their content with a child walk.</summary>
    private sealed partial class Walk(int headingShift, Uri? baseUrl)
    {
        private Paragraph _paragraph = new();
        private bool _inlineOnly;
        private char? _lastListMarker;

        public List<string> Output { get; } = [];
        public StringBuilder Text { get; } = new();
        public int Removed { get; private set; }
        public List<string> Formulas { get; } = [];

        public void Blocks(IEnumerable<INode> nodes)
        {
            foreach (var node in nodes)
            {
                Node(node);
            }
        }

        public void PlainText(string text)
        {
            foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n"))
            {
                var lines = paragraph.Split('\n');
                for (var i = 0; i < lines.Length; i++)
                {
                    if (i > 0)
                    {
                        _paragraph.Break();
                    }
                    TextRun(lines[i]);
                }
                Flush();
            }
        }

        public void Flush()
        {
            if (_paragraph.IsEmpty)
            {
                _paragraph.Clear();
                return;
            }
            var (markdown, plain) = ParagraphWriter.Write(_paragraph.Pieces);
            _paragraph.Clear();
            if (markdown.Length > 0)
            {
                AddBlock(markdown, plain);
            }
        }

        private void AddBlock(string markdown, string plain)
        {
            Output.Add(markdown);
            Text.Append(plain).Append('\n');
            _lastListMarker = null;
        }

        private void Node(INode node)
        {
            switch (node)
            {
                case IText text:
                    TextRun(text.Data);
                    break;
                case IElement element:
                    Element(element);
                    break;
            }
        }

        private void Children(INode parent) => Blocks(parent.ChildNodes);

        private void TextRun(string data)
        {
            foreach (var (kind, value) in TexInText.Split(data, Formulas.Add))
            {
                switch (kind)
                {
                    case TokenKind.Text: _paragraph.Text(value); break;
                    case TokenKind.InlineMath: _paragraph.Math(value, display: false); break;
                    case TokenKind.DisplayMath: Math(value, display: true); break;
                    case TokenKind.Url when _paragraph.InsideLink: _paragraph.Text(value); break;
                    case TokenKind.Url: _paragraph.Url(value); break;
                    case TokenKind.Placeholder: _paragraph.Placeholder(value); break;
                }
            }
        }

        private void Element(IElement element)
        {
            var name = element.LocalName;
            if (IsDropped(element))
            {
                Removed += IsCounted(element) ? 1 : 0;
                return;
            }
            if (name == "script")
            {
                if (element.TextContent.Trim() is { Length: > 0 } tex)
                {
                    Math(tex, MathScript(element) == true);
                }
                return;
            }
            if (_inlineOnly && IsBlock(element) && name is not "pre")
            {
                _paragraph.Space();
                Children(element);
                _paragraph.Space();
                return;
            }
            switch (name)
            {
                case "br": _paragraph.Break(); break;
                case "wbr": break;
                case "hr":
                    Flush();
                    AddBlock("---", "");
                    break;
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6": Heading(element, name[1] - '0'); break;
                case "ul" or "ol" or "menu": List(element); break;
                case "blockquote": Quote(element); break;
                case "pre" when _inlineOnly: InlineCode(element); break;
                case "pre": Pre(element); break;
                case "table": Table(element); break;
                case "img": Image(element); break;
                case "a": Link(element); break;
                case "strong" or "b": Emphasis(element, strong: true); break;
                case "em" or "i": Emphasis(element, strong: false); break;
                case "code" or "kbd" or "samp" or "tt" when !HasBlockDescendant(element): InlineCode(element); break;
                case "math": MathMl(element); break;
                case "span" or "div" when element.ClassList.Contains("katex") || element.ClassList.Contains("katex-display"): Katex(element); break;
                default:
                    if (IsBlock(element))
                    {
                        Flush();
                        Children(element);
                        Flush();
                    }
                    else
                    {
                        Children(element);
                    }
                    break;
            }
        }

        /// <summary>Display math on its own is a <c>$$</c> block; inside a link, emphasis, heading or cell it stays inline.</summary>
        private void Math(string tex, bool display)
        {
            var asBlock = display && !_paragraph.InsideInline && !_inlineOnly;
            var expressible = asBlock ? FormatMarkdown.CanBeMathBlock(tex) && !tex.Contains('$') : FormatMarkdown.CanBeInlineMath(tex);
            if (!expressible)
            {
                var shown = display ? $"\\[{tex}\\]" : $"\\({tex}\\)";
                Formulas.Add(shown);
                _paragraph.Text(shown);
                return;
            }
            if (asBlock)
            {
                Flush();
                AddBlock($"$$\n{tex}\n$$", $"\\[{tex}\\]");
                return;
            }
            // Written inline, so it reads (and is compared) as inline math.
            _paragraph.Math(tex, display: false);
        }

        private void Heading(IElement element, int level)
        {
            Flush();
            var content = InlineOnly(element);
            if (content.Markdown.Length > 0)
            {
                AddBlock(new string('#', System.Math.Min(6, level + headingShift)) + " " + content.Markdown, content.Plain);
            }
        }

        /// <summary>The element's content as one line of inline Markdown (headings, table cells).</summary>
        private (string Markdown, string Plain) InlineOnly(IElement element)
        {
            var (saved, savedInline) = (_paragraph, _inlineOnly);
            (_paragraph, _inlineOnly) = (new Paragraph(), true);
            Children(element);
            _paragraph.Flatten();
            var written = ParagraphWriter.Write(_paragraph.Pieces);
            (_paragraph, _inlineOnly) = (saved, savedInline);
            return written;
        }

        private void InlineCode(IElement element)
        {
            var raw = new StringBuilder();
            PreText(element, raw);
            var content = new StringBuilder();
            foreach (var c in raw.ToString())
            {
                if (Paragraph.IsHtmlSpace(c))
                {
                    if (content.Length == 0 || content[^1] != ' ')
                    {
                        content.Append(' ');
                    }
                }
                else
                {
                    content.Append(c);
                }
            }
            var code = content.ToString();
            if (code.Trim().Length == 0)
            {
                if (code.Length > 0)
                {
                    _paragraph.Space();
                }
                return;
            }
            var ticks = new string('`', LongestRun(code, '`') + 1);
            var pad = code[0] == '`' || code[^1] == '`' || (code[0] == ' ' && code[^1] == ' ') ? " " : "";
            _paragraph.Code($"{ticks}{pad}{code}{pad}{ticks}", code);
        }

        private void Image(IElement image)
        {
            var alt = Common.Whitespace.Collapse(image.GetAttribute("alt") ?? "");
            Uri? source = null;
            var refused = false;
            // Lazy-loading feeds put a data: placeholder in src and the real image in data-src.
            foreach (var candidate in new[] { image.GetAttribute("src"), image.GetAttribute("data-src"), image.GetAttribute("data-original"), FirstOfSrcset(image.GetAttribute("srcset")) })
            {
                source = SafeUrl.Resolve(candidate, baseUrl, allowMailto: false, out var refusedScheme);
                refused |= refusedScheme;
                if (source is not null)
                {
                    break;
                }
            }
            if (source is null)
            {
                Removed += refused ? 1 : 0;
                if (alt.Length > 0)
                {
                    _paragraph.Text(alt);
                }
                return;
            }
            _paragraph.Image($"![{MarkdownEscaper.Inline(alt)}](<{SafeUrl.Destination(source)}>)", alt);
        }

        private static string? FirstOfSrcset(string? srcset) =>
            srcset?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()?.Split(' ')[0];

        private void Link(IElement link)
        {
            if (_paragraph.InsideLink || HasBlockDescendant(link))
            {
                Children(link);
                return;
            }
            var target = SafeUrl.Resolve(link.GetAttribute("href"), baseUrl, allowMailto: true, out var refused);
            if (target is null)
            {
                Removed += refused ? 1 : 0;
                Children(link);
                return;
            }
            _paragraph.OpenLink();
            Children(link);
            _paragraph.CloseLink(SafeUrl.Destination(target));
        }

        private void Emphasis(IElement element, bool strong)
        {
            if (HasBlockDescendant(element))
            {
                Children(element);
                return;
            }
            var opened = _paragraph.Open(strong);
            Children(element);
            if (opened)
            {
                _paragraph.Close(strong);
            }
        }

        /// <summary>MathML: its TeX annotation when it has one (KaTeX and many converters write it), else its text.</summary>
        private void MathMl(IElement math)
        {
            var tex = Annotation(math) ?? math.GetAttribute("alttext")?.Trim();
            if (string.IsNullOrEmpty(tex))
            {
                Children(math);
                return;
            }
            Math(tex, math.GetAttribute("display") == "block");
        }

        private void Katex(IElement element)
        {
            if (Annotation(element) is { Length: > 0 } tex)
            {
                Math(tex, element.ClassList.Contains("katex-display") || element.Closest(".katex-display") is not null);
                return;
            }
            Children(element);
        }

        private static string? Annotation(IElement element) =>
            element.QuerySelectorAll("annotation")
                .FirstOrDefault(a => (a.GetAttribute("encoding") ?? "").Contains("tex", StringComparison.OrdinalIgnoreCase))
                ?.TextContent.Trim();

    }
}
