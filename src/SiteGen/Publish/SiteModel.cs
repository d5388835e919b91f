using SiteGen.Content;
using SiteGen.Markdown;

namespace SiteGen.Publish;

/// <summary>What a listing shows of a page besides its title.</summary>
/// <param name="Excerpt">Plain text, for meta descriptions and feeds.</param>
/// <param name="ExcerptHtml">For listings: the same start of the text with inline formulas typeset.</param>
public sealed record ListingFacts(string Excerpt, ExcerptHtmlResult ExcerptHtml, int ReadingMinutes);

/// <summary>An article in its place on the site: listing order, neighbours and tags.</summary>
public sealed record ArticleEntry(RenderedPage Rendered, int Index, ListingFacts Listing)
{
    public Page Page => Rendered.Page;

    public string Excerpt => Listing.Excerpt;

    public ExcerptHtmlResult ExcerptHtml => Listing.ExcerptHtml;

    public int ReadingMinutes => Listing.ReadingMinutes;
}

/// <summary>A tag and its articles, in listing order.</summary>
public sealed record TagEntry(string Name, string Url, IReadOnlyList<ArticleEntry> Articles);

/// <summary>Everything known about the site before any file is written.</summary>
public sealed record SiteModel(IReadOnlyList<ArticleEntry> Articles, IReadOnlyList<TagEntry> Tags)
{
    public const int ExcerptLength = 140;

    /// <summary>Orders articles newest import first (date, then latest feed), stable across builds.</summary>
    public static SiteModel From(IReadOnlyList<RenderedPage> pages) => From(pages, Listing);

    /// <summary>The excerpts and reading time a listing shows of a page.</summary>
    public static ListingFacts Listing(RenderedPage page) =>
        new(Excerpt.Of(page.Page.Description ?? page.Text, ExcerptLength),
            page.Page.Description is { } description
                ? new ExcerptHtmlResult(Publish.ExcerptHtml.Escape(Excerpt.Of(description, ExcerptLength)), false)
                : Publish.ExcerptHtml.Of(page.Html, ExcerptLength),
            ReadingTime.Minutes(page.Text));

    /// <summary>As <see cref="From(IReadOnlyList{RenderedPage})"/>, with <paramref name="listing"/> possibly memoized by a live rebuild.</summary>
    public static SiteModel From(IReadOnlyList<RenderedPage> pages, Func<RenderedPage, ListingFacts> listing)
    {
        var facts = new ListingFacts[pages.Count];
        Parallel.For(0, pages.Count, i => facts[i] = listing(pages[i]));
        var ordered = Enumerable.Range(0, pages.Count)
            .OrderByDescending(i => pages[i].Page.Date ?? DateOnly.MinValue)
            .ThenByDescending(i => pages[i].Page.Sources.Count > 0 ? pages[i].Page.Sources[0].Feed : "", StringComparer.Ordinal)
            .ThenBy(i => pages[i].Page.Sources.Count > 0 ? pages[i].Page.Sources[0].Line : 0)
            .ThenBy(i => pages[i].Page.Slug, StringComparer.Ordinal)
            .Select((i, index) => new ArticleEntry(pages[i], index, facts[i]))
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
}
