using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SiteGen.Publish;

/// <summary>A listing excerpt as HTML, with its inline formulas typeset, and whether it holds any.</summary>
public sealed record ExcerptHtmlResult(string Html, bool HasMath);

/// <summary>
/// Builds listing excerpts from the rendered body so inline formulas show typeset instead of as raw TeX
/// (and lost-content marks keep their style). Each formula or mark stands in for one private-use character while <see cref="Excerpt"/> picks the cut, so a
/// cut can fall between formulas but never inside one.
/// </summary>
public static class ExcerptHtml
{
    private const char FirstMark = '\uE000';
    private const char LastMark = '\uF8FF';
    private static readonly HtmlParser Parser = new();

    public static ExcerptHtmlResult Of(string bodyHtml, int maxLength)
    {
        using var document = Parser.ParseDocument("<body>" + bodyHtml + "</body>");
        return Of(document.Body!, maxLength);
    }

    /// <summary>As <see cref="Of(string, int)"/>, from a body already parsed (the element holding the body's blocks).</summary>
    public static ExcerptHtmlResult Of(IElement body, int maxLength)
    {
        var text = new StringBuilder();
        var atoms = new List<(string Html, bool IsMath)>();
        foreach (var block in body.Children)
        {
            if (block.ClassList.Contains("math") || block.LocalName is "pre" or "table" or "h2" or "h3" or "h4")
            {
                // Display math, code and headings make no sense inside a one-paragraph summary.
                continue;
            }

            Collect(block, text, atoms);
            text.Append(' ');
        }

        var plain = text.ToString();
        if (plain.Any(c => c is >= FirstMark and <= LastMark && c - FirstMark >= atoms.Count))
        {
            // The text itself uses private-use characters: fall back to plain text rather than guess.
            return new ExcerptHtmlResult(Escape(Excerpt.Of(body.TextContent, maxLength)), false);
        }

        var cut = Excerpt.Of(plain, maxLength);
        var html = new StringBuilder(cut.Length * 2);
        var hasMath = false;
        var runStart = 0;
        for (var i = 0; i <= cut.Length; i++)
        {
            var isMark = i < cut.Length && cut[i] is >= FirstMark and <= LastMark && cut[i] - FirstMark < atoms.Count;
            if (i < cut.Length && !isMark)
            {
                continue;
            }

            // Encode whole runs: encoding one UTF-16 unit at a time would break surrogate pairs (emoji).
            html.Append(Escape(cut[runStart..i]));
            if (isMark)
            {
                var atom = atoms[cut[i] - FirstMark];
                html.Append(atom.Html);
                hasMath |= atom.IsMath;
            }

            runStart = i + 1;
        }

        return new ExcerptHtmlResult(html.ToString(), hasMath);
    }

    /// <summary>Escapes only what HTML requires, leaving CJK and emoji readable in the page source.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal);

    private static void Collect(INode node, StringBuilder text, List<(string Html, bool IsMath)> atoms)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IElement element && (element.ClassList.Contains("katex") || element.ClassList.Contains("missing"))
                && atoms.Count <= LastMark - FirstMark)
            {
                // Formulas and lost-content marks are indivisible: kept whole, with their markup.
                text.Append((char)(FirstMark + atoms.Count));
                atoms.Add((element.OuterHtml, element.ClassList.Contains("katex")));
            }
            else if (child is IElement { LocalName: "br" })
            {
                text.Append(' ');
            }
            else if (child is IText textNode)
            {
                text.Append(textNode.Data);
            }
            else
            {
                Collect(child, text, atoms);
            }
        }
    }
}
