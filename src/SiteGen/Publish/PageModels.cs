using System.Globalization;
using SiteGen.Config;

namespace SiteGen.Publish;

/// <summary>
/// Builds the snake_case models templates see. Every key a template may use is always present (null
/// when absent), because the template engine reports unresolved names as errors.
/// </summary>
/// <remarks>
/// Links are built from a <c>root</c>: the prefix that leads from the page to the site root, relative
/// (<c>../../</c>) on ordinary pages and the base path (<c>/docs/</c>) on the 404 page.
/// </remarks>
public sealed class PageModels(SiteConfig config, SiteUrls urls, bool hasKatexAssets = false)
{
    public const int RelatedCount = 5;

    public Dictionary<string, object?> Layout(string pageUrl, string kind, string title, string description, bool hasMath) => new()
    {
        ["site"] = new Dictionary<string, object?>
        {
            ["title"] = config.Title,
            ["description"] = config.Description,
            ["language"] = config.Language,
            ["base_url"] = config.BaseUrl,
        },
        ["root"] = SiteUrls.RootFrom(pageUrl),
        ["page"] = new Dictionary<string, object?>
        {
            ["kind"] = kind,
            ["url"] = pageUrl,
            ["title"] = title,
            ["full_title"] = kind == "home" ? config.Title : $"{title} · {config.Title}",
            ["description"] = description,
            ["canonical"] = urls.Absolute(pageUrl),
            ["noindex"] = kind == "404",
        },
        ["has_math"] = hasMath,
        // The KaTeX stylesheet is linked only when the theme ships it, so no page points at a missing file.
        ["katex_css"] = hasMath && hasKatexAssets,
        ["content"] = null,
    };

    /// <summary>An article as listed on home, tag, 404 pages and in prev/next and related links.</summary>
    public Dictionary<string, object?> Summary(ArticleEntry article, string root) => new()
    {
        ["title"] = article.Page.Title,
        ["url"] = root + SiteUrls.Encode(article.Page.Url),
        ["excerpt"] = article.Excerpt,
        ["excerpt_html"] = article.ExcerptHtml.Html,
        ["date"] = Date(article.Page.Date),
        ["reading_minutes"] = article.ReadingMinutes,
        ["truncated"] = article.Page.Truncated,
        ["tags"] = Tags(article.Page.Tags, root),
    };

    public List<Dictionary<string, object?>> Tags(IEnumerable<string> tags, string root) =>
        tags.Select(t => new Dictionary<string, object?>
        {
            ["name"] = t,
            ["url"] = root + SiteUrls.Encode(SiteUrls.TagUrl(t)),
        }).ToList();

    public Dictionary<string, object?> Article(ArticleEntry entry, SiteModel site, IReadOnlyList<ArticleEntry> related)
    {
        var page = entry.Page;
        var url = page.Url;
        var root = SiteUrls.RootFrom(url);
        var prev = entry.Index > 0 ? site.Articles[entry.Index - 1] : null;
        var next = entry.Index + 1 < site.Articles.Count ? site.Articles[entry.Index + 1] : null;
        return new Dictionary<string, object?>
        {
            ["title"] = page.Title,
            ["html"] = entry.Rendered.Html,
            ["date"] = Date(page.Date),
            ["reading_minutes"] = entry.ReadingMinutes,
            ["character_count"] = ReadingTime.Count(entry.Rendered.Text).CjkCharacters,
            ["tags"] = Tags(page.Tags, root),
            ["toc"] = entry.Rendered.Toc.Select(t => new Dictionary<string, object?>
            {
                ["level"] = t.Level,
                ["id"] = t.Id,
                ["text"] = t.Text,
            }).ToList(),
            ["has_toc"] = entry.Rendered.Toc.Count >= 2,
            ["sources"] = page.Sources.Select(s => new Dictionary<string, object?>
            {
                ["feed"] = s.Feed,
                ["line"] = s.Line,
                ["item"] = s.Item,
            }).ToList(),
            // The original an imported feed item links to; only absolute http(s) URLs ever become a link.
            ["link"] = OriginalLink(page.Link),
            ["author"] = string.IsNullOrWhiteSpace(page.Author) ? null : page.Author,
            ["source_count"] = page.Sources.Count,
            ["truncated"] = page.Truncated,
            ["prev"] = prev is null ? null : Summary(prev, root),
            ["next"] = next is null ? null : Summary(next, root),
            ["related"] = related.Select(r => Summary(r, root)).ToList(),
            ["has_related"] = related.Count > 0,
        };
    }

    internal static string? OriginalLink(string? link) =>
        Uri.TryCreate(link?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0 ? uri.AbsoluteUri : null;

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
