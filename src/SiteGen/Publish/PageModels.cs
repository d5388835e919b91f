using System.Globalization;
using SiteGen.Config;
using SiteGen.Templates;

namespace SiteGen.Publish;

/// <summary>
/// Builds the snake_case models templates see, as plain data (the Templates stage makes them read-only script
/// objects). Every key a template may use is always present (null when absent), because templates run with
/// strict variables: a misspelt or missing name is an error, not a silent hole.
/// </summary>
/// <remarks>
/// Links are built from a <c>root</c>: the prefix that leads from the page to the site root, relative
/// (<c>../../</c>) on ordinary pages and the base path (<c>/docs/</c>) on the 404 page.
/// </remarks>
public sealed class PageModels(SiteConfig config, SiteUrls urls, bool hasKatexAssets = false)
{
    public const int RelatedCount = 5;

    /// <summary>Where the build writes the code highlighting stylesheet (a build output, not a theme file).</summary>
    public const string HighlightStylesheet = "assets/highlight.css";

    // The same for every page: converted for the templates once.
    private readonly SharedModel _site = new(new Dictionary<string, object?>
    {
        ["title"] = config.Title,
        ["description"] = config.Description,
        ["language"] = config.Language,
        ["base_url"] = config.BaseUrl,
    });

    /// <summary>
    /// What the layout reads on every page: <c>site</c>, <c>root</c>, <c>home</c>, <c>page</c>, <c>has_math</c>,
    /// <c>katex_css</c>, <c>highlight_css</c>.
    /// </summary>
    public Dictionary<string, object?> Layout(string pageUrl, string kind, string title, string description, bool hasMath,
        bool hasHighlight = false, string? root = null)
    {
        root ??= SiteUrls.RootFrom(pageUrl);
        return new Dictionary<string, object?>
        {
            ["site"] = _site,
            ["root"] = root,
            // The home page links to itself as "./": an empty href would mean the page itself only by accident.
            ["home"] = root.Length == 0 ? "./" : root,
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
            // The KaTeX stylesheet is linked only when the build ships it, so no page points at a missing file.
            ["katex_css"] = hasMath && hasKatexAssets,
            // Only pages with highlighted code link the generated highlight stylesheet.
            ["highlight_css"] = hasHighlight,
        };
    }

    // An article is listed on many pages (home, tags, its neighbours' prev/next and related links), mostly from
    // the same depth: its summary is converted for the templates once per root.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(int Index, string Root), SharedModel> _cards = new();

    /// <summary><see cref="Summary"/>, shared by every page of this plan that lists the article from the same <paramref name="root"/>.</summary>
    public SharedModel Card(ArticleEntry article, string root) =>
        _cards.GetOrAdd((article.Index, root), _ => new SharedModel(Summary(article, root)));

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

    /// <summary>A tag as listed in tag clouds and on its own pages.</summary>
    public static Dictionary<string, object?> TagSummary(TagEntry tag, string root) => new()
    {
        ["name"] = tag.Name,
        ["url"] = root + SiteUrls.Encode(tag.Url),
        ["count"] = tag.Articles.Count,
    };

    /// <summary>Where a paginated listing is and the links to its neighbours, relative to <paramref name="url"/>.</summary>
    public static Dictionary<string, object?> Pagination(string url, int number, int total, Func<int, string> pageUrl) => new()
    {
        ["current"] = number,
        ["total"] = total,
        ["prev_url"] = number > 1 ? SiteUrls.Link(url, pageUrl(number - 1)) : null,
        ["next_url"] = number < total ? SiteUrls.Link(url, pageUrl(number + 1)) : null,
    };

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
            ["body_html"] = entry.Rendered.Html,
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
            ["author"] = ShownAuthor(page.Author),
            ["source_count"] = page.Sources.Count,
            ["truncated"] = page.Truncated,
            ["prev"] = prev is null ? null : Card(prev, root),
            ["next"] = next is null ? null : Card(next, root),
            ["related"] = related.Select(r => Card(r, root)).ToList(),
            ["has_related"] = related.Count > 0,
        };
    }

    internal static string? ShownAuthor(string? author) => string.IsNullOrWhiteSpace(author) ? null : author;

    internal static string? OriginalLink(string? link) =>
        Uri.TryCreate(link?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0 ? uri.AbsoluteUri : null;

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
