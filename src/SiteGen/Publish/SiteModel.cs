using SiteGen.Content;
using SiteGen.Markdown;

namespace SiteGen.Publish;

/// <summary>An article in its place on the site: listing order, neighbours and tags.</summary>
public sealed record ArticleEntry(RenderedPage Rendered, int Index, string Excerpt, int ReadingMinutes)
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
            .Select((p, i) => new ArticleEntry(p, i, Excerpt.Of(p.Page.Description ?? p.Text, ExcerptLength), ReadingTime.Minutes(p.Text)))
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
