using SiteGen.Content;
using SiteGen.Markdown;

namespace SiteGen.Publish;

/// <summary>An article in its place on the site: listing order, neighbours and tags.</summary>
/// <param name="Excerpt">Plain text, for meta descriptions and feeds.</param>
/// <param name="ExcerptHtml">For listings: the same start of the text with inline formulas typeset.</param>
public sealed record ArticleEntry(RenderedPage Rendered, int Index, string Excerpt, ExcerptHtmlResult ExcerptHtml, int ReadingMinutes)
{
    public Page Page => Rendered.Page;
}

/// <summary>A tag and its articles, in listing order.</summary>
public sealed record TagEntry(string Name, string Url, IReadOnlyList<ArticleEntry> Articles);

/// <summary>Everything known about the site before any file is written.</summary>
public sealed record SiteModel(IReadOnlyList<ArticleEntry> Articles, IReadOnlyList<TagEntry> Tags)
{
    public const int ExcerptLength = 140;

    /// <summary>Orders articles newest import first (date, then latest feed), stable across builds.</summary>
    public static SiteModel From(IReadOnlyList<RenderedPage> pages)
    {
        var ordered = pages
            .OrderByDescending(p => p.Page.Date ?? DateOnly.MinValue)
            .ThenByDescending(p => p.Page.Sources.Count > 0 ? p.Page.Sources[0].Feed : "", StringComparer.Ordinal)
            .ThenBy(p => p.Page.Sources.Count > 0 ? p.Page.Sources[0].Line : 0)
            .ThenBy(p => p.Page.Slug, StringComparer.Ordinal)
            .AsParallel().AsOrdered()
            .Select((p, i) => new ArticleEntry(p, i, Excerpt.Of(p.Page.Description ?? p.Text, ExcerptLength), ListingExcerpt(p), ReadingTime.Minutes(p.Text)))
            .ToList();

        var tags = ordered
            .SelectMany(a => a.Page.Tags.Select(t => (Tag: t, Article: a)))
            .GroupBy(x => SiteUrls.TagSlug(x.Tag), StringComparer.Ordinal)
            .Select(g => new TagEntry(g.First().Tag, SiteUrls.TagUrl(g.First().Tag), g.Select(x => x.Article).Distinct().ToList()))
            .OrderByDescending(t => t.Articles.Count)
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        return new SiteModel(ordered, tags);
    }

    private static ExcerptHtmlResult ListingExcerpt(RenderedPage page) =>
        page.Page.Description is { } description
            ? new ExcerptHtmlResult(ExcerptHtml.Escape(Excerpt.Of(description, ExcerptLength)), false)
            : ExcerptHtml.Of(page.Html, ExcerptLength);
}
