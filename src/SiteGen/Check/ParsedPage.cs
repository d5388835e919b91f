using AngleSharp.Html.Parser;

namespace SiteGen.Check;

/// <summary>An internal-looking reference found in a page: the attribute value and where it was written.</summary>
public sealed record PageLink(string Value, int Line, int Column);

/// <summary>What the link checker needs from one HTML file: the anchors it offers and the references it makes.</summary>
public sealed record ParsedPage(IReadOnlySet<string> Ids, IReadOnlyList<PageLink> Links)
{
    private static readonly string[] LinkAttributes = ["href", "src"];

    /// <summary>Parses <paramref name="html"/> keeping source positions, so a broken link can name its line.</summary>
    public static ParsedPage Parse(string html)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        using var document = parser.ParseDocument(html);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var links = new List<PageLink>();
        foreach (var element in document.All)
        {
            if (element.Id is { Length: > 0 } id)
            {
                ids.Add(id);
            }

            if (element.LocalName == "a" && element.GetAttribute("name") is { Length: > 0 } name)
            {
                ids.Add(name);
            }

            foreach (var attribute in LinkAttributes)
            {
                if (element.GetAttribute(attribute) is { } value)
                {
                    var position = element.SourceReference?.Position;
                    links.Add(new PageLink(value.Trim(), position?.Line ?? 0, position?.Column ?? 0));
                }
            }
        }

        return new ParsedPage(ids, links);
    }
}
