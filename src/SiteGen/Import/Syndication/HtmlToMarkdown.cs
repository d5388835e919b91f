using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SiteGen.Import.Syndication;

/// <summary>An item body as Markdown, its reduced text, and how much hostile content was left out.</summary>
/// <param name="Markdown">Blocks separated by blank lines, ending in one newline ("" when nothing is left).</param>
/// <param name="Text">The visible text, blocks on their own lines: what deduplication compares.</param>
/// <param name="Removed">Scripts, styles, frames, embeds and links or images with refused schemes.</param>
/// <param name="Formulas">Formulas that could not be Markdown math and stayed plain text.</param>
/// <param name="NotText">
/// The first control character, noncharacter or lone surrogate a character reference decoded to (replaced by
/// U+FFFD in both the Markdown and the text), e.g. "noncharacter U+FFFE"; null when there was none.
/// </param>
internal sealed record ConvertedBody(string Markdown, string Text, int Removed, IReadOnlyList<string> Formulas, string? NotText = null);

/// <summary>
/// Converts an item's HTML (parsed with AngleSharp, as a browser would) into Markdown that renders to the same
/// text: paragraphs, headings, emphasis, links, lists, block quotes, code spans and fenced code (a
/// <c>language-x</c> class becomes the fence's language), images, simple tables, and TeX in the text as math.
/// Anything else keeps its text. No attribute survives except a safe <c>href</c>/<c>src</c>, alt text and the
/// code language, so scripts, styles, frames, event handlers and <c>javascript:</c>/<c>data:</c> URLs never reach
/// the page. Entities are decoded once, by the HTML parser, and everything written is escaped for Markdig.
/// One instance per thread (AngleSharp's parser is not shared).
/// </summary>
internal sealed partial class HtmlToMarkdown
{
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "template",
        "noembed", "noframes", "link", "meta", "base", "head", "title", "input", "select", "source", "track", "param", "area", "map",
    };

    private static readonly HashSet<string> Counted = new(StringComparer.Ordinal)
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "svg",
    };

    private static readonly HashSet<string> BlockElements = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "address", "center", "figure",
        "figcaption", "details", "summary", "dl", "dt", "dd", "fieldset", "form", "legend", "hgroup", "caption",
        "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "menu", "blockquote", "pre", "table", "thead", "tbody",
        "tfoot", "tr", "td", "th", "hr", "body", "html", "picture", "video", "audio",
    };

    private readonly HtmlParser _parser = new(new HtmlParserOptions { IsScripting = false });
    private readonly IElement _context;

    public HtmlToMarkdown()
    {
        _context = _parser.ParseDocument("<!DOCTYPE html><html><body></body></html>").Body!;
    }

    /// <param name="body">HTML or plain text.</param>
    /// <param name="topHeading">The level the body's highest heading gets (2 in a page body, 4 in another version), the others following it.</param>
    /// <param name="baseUrl">Relative links and images resolve against it; without it they keep only their text.</param>
    public ConvertedBody Convert(ItemBody body, int topHeading, Uri? baseUrl)
    {
        Walk walk;
        if (body.IsHtml)
        {
            var nodes = _parser.ParseFragment(UnwrapCData(body.Content), _context);
            var highest = nodes.OfType<IElement>()
                .SelectMany(n => n.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Prepend(n))
                .Where(e => e.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
                .Select(e => e.LocalName[1] - '0')
                .DefaultIfEmpty(1)
                .Min();
            walk = new Walk(topHeading - highest, baseUrl);
            walk.Blocks(nodes);
        }
        else
        {
            walk = new Walk(0, baseUrl);
            walk.PlainText(body.Content);
        }
        walk.Flush();
        // The parser decodes `&#xFFFE;` and `&#1;` as written; they are no more text than the raw characters were.
        var (markdown, notText) = ControlCharacters.Replace(walk.Output.Count == 0 ? "" : string.Join("\n\n", walk.Output) + "\n");
        var text = ControlCharacters.Replace(walk.Text.ToString().Trim()).Text;
        return new ConvertedBody(markdown, text, walk.Removed, walk.Formulas, notText);
    }

    /// <summary>
    /// In HTML a CDATA section is a bogus comment a browser hides; in a feed it is always a wrapper that was
    /// escaped once too often (or nested), so its content is what the author meant to show.
    /// </summary>
    private static string UnwrapCData(string html)
    {
        while (html.Contains("<![CDATA[", StringComparison.Ordinal))
        {
            var unwrapped = CDataSection().Replace(html, m => m.Groups[1].Value);
            if (unwrapped == html)
            {
                return html.Replace("<![CDATA[", "", StringComparison.Ordinal);
            }
            html = unwrapped;
        }
        return html;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"<!\[CDATA\[(.*?)\]\]>", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex CDataSection();

    internal static bool IsBlock(IElement element) => BlockElements.Contains(element.LocalName);

    internal static bool IsDropped(IElement element) =>
        Dropped.Contains(element.LocalName) && !(element.LocalName == "script" && MathScript(element) is not null);

    internal static bool IsCounted(IElement element) => Counted.Contains(element.LocalName);

    /// <summary>MathJax's <c>&lt;script type="math/tex"&gt;</c>: TeX, not script.</summary>
    internal static bool? MathScript(IElement element)
    {
        var type = element.GetAttribute("type")?.Trim().ToLowerInvariant();
        if (type is null || !type.StartsWith("math/tex", StringComparison.Ordinal))
        {
            return null;
        }
        return type.Contains("mode=display", StringComparison.Ordinal);
    }

    internal static bool HasBlockDescendant(IElement element)
    {
        foreach (var descendant in element.QuerySelectorAll("*"))
        {
            if (IsBlock(descendant) && !IsDropped(descendant))
            {
                return true;
            }
        }
        return false;
    }

    internal static string Squash(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
