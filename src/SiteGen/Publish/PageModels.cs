using System.Globalization;
using SiteGen.Config;

namespace SiteGen.Publish;

/// <summary>
/// Builds the snake_case models templates see. Every key a template may use is always present (null
/// when absent), because the template engine reports unresolved names as errors.
/// </summary>
public sealed class PageModels(SiteConfig config, SiteUrls urls)
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
        ["content"] = null,
    };

    public Dictionary<string, object?> Summary(ArticleEntry article, string fromUrl) => new()
    {
        ["title"] = article.Page.Title,
        ["url"] = SiteUrls.Link(fromUrl, article.Page.Url),
        ["excerpt"] = article.Excerpt,
        ["date"] = Date(article.Page.Date),
        ["reading_minutes"] = article.ReadingMinutes,
        ["tags"] = Tags(article.Page.Tags, fromUrl),
    };

    public List<Dictionary<string, object?>> Tags(IEnumerable<string> tags, string fromUrl) =>
        tags.Select(t => new Dictionary<string, object?>
        {
            ["name"] = t,
            ["url"] = SiteUrls.Link(fromUrl, SiteUrls.TagUrl(t)),
        }).ToList();

    public Dictionary<string, object?> Article(ArticleEntry entry, SiteModel site, IReadOnlyList<ArticleEntry> related)
    {
        var page = entry.Page;
        var url = page.Url;
        var prev = entry.Index > 0 ? site.Articles[entry.Index - 1] : null;
        var next = entry.Index + 1 < site.Articles.Count ? site.Articles[entry.Index + 1] : null;
        return new Dictionary<string, object?>
        {
            ["title"] = page.Title,
            ["html"] = entry.Rendered.Html,
            ["date"] = Date(page.Date),
            ["reading_minutes"] = entry.ReadingMinutes,
            ["character_count"] = ReadingTime.Count(entry.Rendered.Text).CjkCharacters,
            ["tags"] = Tags(page.Tags, url),
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
            }).ToList(),
            ["source_count"] = page.Sources.Count,
            ["truncated"] = page.Truncated,
            ["prev"] = prev is null ? null : Summary(prev, url),
            ["next"] = next is null ? null : Summary(next, url),
            ["related"] = related.Select(r => Summary(r, url)).ToList(),
            ["has_related"] = related.Count > 0,
        };
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
