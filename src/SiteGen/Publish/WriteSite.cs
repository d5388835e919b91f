using SiteGen.Config;
using SiteGen.Templates;

namespace SiteGen.Publish;

/// <summary>
/// Plans every file of the site: each <see cref="SiteFile"/> renders its page through the templates on
/// demand, so a full build renders all of them and a live rebuild only those whose inputs changed.
/// </summary>
public sealed class WriteSite(SiteConfig config, TemplateSet templates)
{
    private const char Separator = '\u001f';
    private readonly SiteUrls _urls = new(config);

    /// <summary>Every file of the site with the key of what it lists; nothing is rendered yet.</summary>
    public IReadOnlyList<SiteFile> Plan(SiteModel site, IReadOnlyList<ArticleEntry>[] related)
    {
        // The build ships KaTeX's stylesheet exactly when some page has math.
        var katex = site.Articles.Any(a => a.Rendered.HasMath);
        var models = new PageModels(config, _urls, katex);
        var summaries = site.Articles.Select(SummaryKey).ToArray();
        var tagSummaries = string.Join('\u001e', site.Tags.Select(TagKey));
        var files = new List<SiteFile>(site.Articles.Count + site.Tags.Count + 16);

        foreach (var entry in site.Articles)
        {
            var i = entry.Index;
            var key = string.Join(Separator,
                i > 0 ? summaries[i - 1] : "", i + 1 < summaries.Length ? summaries[i + 1] : "",
                string.Join('\u001e', related[i].Select(r => summaries[r.Index])));
            files.Add(new SiteFile(Index(entry.Page.Url), key, () =>
            {
                var model = models.Layout(entry.Page.Url, "article", entry.Page.Title, entry.Excerpt, entry.Rendered.HasMath, entry.Rendered.HasHighlight);
                model["article"] = models.Article(entry, site, related[i]);
                return Render("article", model);
            }, IsHtml: true, entry));
        }

        AddHome(site, models, summaries, tagSummaries, files);
        AddTags(site, models, summaries, tagSummaries, files);
        AddSpecialPages(site, models, summaries, files);
        foreach (var (path, content) in new FeedWriter(config, _urls).Files(site))
        {
            files.Add(new SiteFile(path, content, () => content, IsHtml: false));
        }

        return files;
    }

    private void AddHome(SiteModel site, PageModels models, string[] summaries, string tagSummaries, List<SiteFile> files)
    {
        var pageSize = Math.Max(1, config.PageSize);
        var pageCount = Math.Max(1, (site.Articles.Count + pageSize - 1) / pageSize);
        for (var number = 1; number <= pageCount; number++)
        {
            var page = number;
            var first = (number - 1) * pageSize;
            var count = Math.Min(pageSize, site.Articles.Count - first);
            var key = string.Join(Separator, number, pageCount, site.Articles.Count, tagSummaries, string.Join('\u001e', summaries, first, count));
            files.Add(new SiteFile(Index(HomeUrl(number)), key, () => Home(site, models, page, pageCount, pageSize), IsHtml: true));
        }
    }

    private string Home(SiteModel site, PageModels models, int number, int pageCount, int pageSize)
    {
        var url = HomeUrl(number);
        var title = number == 1 ? config.Title : $"{config.Title}（第 {number} 页）";
        var listed = site.Articles.Skip((number - 1) * pageSize).Take(pageSize).ToList();
        var model = models.Layout(url, "home", title, config.Description, ExcerptsHaveMath(listed));
        model["articles"] = listed.Select(a => models.Summary(a, SiteUrls.RootFrom(url))).ToList();
        model["article_count"] = site.Articles.Count;
        model["tags"] = site.Tags.Select(t => TagSummary(t, SiteUrls.RootFrom(url))).ToList();
        model["pagination"] = new Dictionary<string, object?>
        {
            ["current"] = number,
            ["total"] = pageCount,
            ["prev_url"] = number > 1 ? SiteUrls.Link(url, HomeUrl(number - 1)) : null,
            ["next_url"] = number < pageCount ? SiteUrls.Link(url, HomeUrl(number + 1)) : null,
        };
        return Render("home", model);
    }

    private void AddTags(SiteModel site, PageModels models, string[] summaries, string tagSummaries, List<SiteFile> files)
    {
        const string indexUrl = "tags/";
        files.Add(new SiteFile(Index(indexUrl), tagSummaries, () =>
        {
            var index = models.Layout(indexUrl, "tags", "标签", $"{config.Title} 的全部标签", hasMath: false);
            index["tags"] = site.Tags.Select(t => TagSummary(t, SiteUrls.RootFrom(indexUrl))).ToList();
            index["tag_count"] = site.Tags.Count;
            return Render("tags", index);
        }, IsHtml: true));

        foreach (var tag in site.Tags)
        {
            var key = TagKey(tag) + Separator + string.Join('\u001e', tag.Articles.Select(a => summaries[a.Index]));
            files.Add(new SiteFile(Index(tag.Url), key, () =>
            {
                var model = models.Layout(tag.Url, "tag", tag.Name, $"标签「{tag.Name}」下的 {tag.Articles.Count} 篇文章", ExcerptsHaveMath(tag.Articles));
                model["tag"] = TagSummary(tag, SiteUrls.RootFrom(tag.Url));
                model["articles"] = tag.Articles.Select(a => models.Summary(a, SiteUrls.RootFrom(tag.Url))).ToList();
                return Render("tag", model);
            }, IsHtml: true));
        }
    }

    private void AddSpecialPages(SiteModel site, PageModels models, string[] summaries, List<SiteFile> files)
    {
        var key = string.Join(Separator, string.Join('\u001e', summaries.Take(8)), string.Join('\u001e', site.Tags.Take(12).Select(TagKey)));
        files.Add(new SiteFile("404.html", key, () =>
        {
            // 404.html is served for any missing path, so its links cannot be relative to its own URL:
            // they are rooted at the base path, which the server knows.
            var recent = site.Articles.Take(8).ToList();
            var notFound = models.Layout("404.html", "404", "页面不存在", "找不到这个页面。", ExcerptsHaveMath(recent));
            notFound["root"] = config.BasePath;
            notFound["articles"] = recent.Select(a => models.Summary(a, config.BasePath)).ToList();
            notFound["tags"] = site.Tags.Take(12).Select(t => TagSummary(t, config.BasePath)).ToList();
            return Render("404", notFound);
        }, IsHtml: true));

        if (templates.Has("search"))
        {
            files.Add(new SiteFile(Index("search/"), "", () => Render("search", models.Layout("search/", "search", "搜索", $"搜索 {config.Title}", hasMath: false)), IsHtml: true));
        }
    }

    /// <summary>Everything <see cref="PageModels.Summary"/> shows of an article.</summary>
    private static string SummaryKey(ArticleEntry a) => string.Join(Separator,
        a.Page.Title, a.Page.Url, a.Excerpt, a.Page.Date?.DayNumber, a.ReadingMinutes, a.Page.Truncated, string.Join('\u001e', a.Page.Tags));

    private static string TagKey(TagEntry tag) => string.Join(Separator, tag.Name, tag.Url, tag.Articles.Count);

    private static bool ExcerptsHaveMath(IEnumerable<ArticleEntry> listed) => listed.Any(a => a.ExcerptHtml.HasMath);

    private static Dictionary<string, object?> TagSummary(TagEntry tag, string root) => new()
    {
        ["name"] = tag.Name,
        ["url"] = root + SiteUrls.Encode(tag.Url),
        ["count"] = tag.Articles.Count,
    };

    private string Render(string template, Dictionary<string, object?> model)
    {
        model["content"] = templates.Render(template, model);
        return templates.Render("layout", model);
    }

    private static string Index(string url) => url.EndsWith('/') || url.Length == 0 ? url + "index.html" : url;

    private static string HomeUrl(int number) => number == 1 ? "" : $"page/{number}/";
}
