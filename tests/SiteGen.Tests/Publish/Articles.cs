using SiteGen.Content;
using SiteGen.Markdown;
using SiteGen.Publish;

namespace SiteGen.Tests.Publish;

/// <summary>Hand-made articles for tests that do not need Markdown.</summary>
internal static class Articles
{
    public static RenderedPage Page(string slug, string text, string[]? tags = null, string date = "2024-01-01", bool truncated = false) =>
        new(new Page($"content/{slug}.md", slug, slug, slug, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
                tags ?? [], [new PageSource("seeds/feed.txt", 1)], truncated, null, text, 1),
            $"<p>{text}</p>", [], false, text);

    public static SiteModel Site(params RenderedPage[] pages) => SiteModel.From(pages);
}
