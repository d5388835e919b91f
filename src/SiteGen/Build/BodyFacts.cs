using AngleSharp.Dom;
using SiteGen.Common;
using SiteGen.Publish;
using SiteGen.Search;

namespace SiteGen.Build;

/// <summary>
/// What the stages after rendering need of a body, taken from one parse of its HTML and kept with it in the
/// build state: the listing excerpt (formulas typeset), the search index's text blocks, every element id
/// (for anchor checks), reading time and the character count. No later stage parses the body again.
/// </summary>
internal sealed record BodyFacts(
    string HtmlHash,
    ExcerptHtmlResult ExcerptHtml,
    IReadOnlyList<ExtractedBlock> SearchBlocks,
    IReadOnlySet<string> Ids,
    int ReadingMinutes)
{
    public static BodyFacts Of(string html, string text)
    {
        using var document = SearchTextExtractor.Parse(html);
        var body = document.Body!;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in body.QuerySelectorAll("[id], a[name]"))
        {
            if (element.Id is { Length: > 0 } id)
            {
                ids.Add(id);
            }

            if (element.LocalName == "a" && element.GetAttribute("name") is { Length: > 0 } name)
            {
                ids.Add(name);
            }
        }

        return new BodyFacts(
            InputHash.OfText(html),
            Publish.ExcerptHtml.Of(body, SiteModel.ExcerptLength),
            SearchTextExtractor.Extract(body),
            ids,
            ReadingTime.Minutes(text));
    }
}
