using SiteGen.Config;
using SiteGen.Diagnostics;
using SiteGen.Templates;

namespace SiteGen.Publish;

/// <summary>Counts of what <see cref="WriteSite"/> produced.</summary>
public sealed record WriteSiteResult(int HtmlPages, int Articles, int Tags);

/// <summary>Renders every page of the site through the templates into the staging folder.</summary>
public sealed class WriteSite(SiteConfig config, TemplateSet templates)
{
    private readonly SiteUrls _urls = new(config);

    public WriteSiteResult Run(SiteModel site, SiteOutput output, DiagnosticBag diagnostics)
    {
        // The build ships KaTeX's stylesheet exactly when some page has math.
        var katex = site.Articles.Any(a => a.Rendered.HasMath);
        var models = new PageModels(config, _urls, katex);
        var related = RelatedArticles.Compute(site.Articles, PageModels.RelatedCount);
        var written = 0;

        Parallel.ForEach(site.Articles, entry =>
        {
            var model = models.Layout(entry.Page.Url, "article", entry.Page.Title, entry.Excerpt, entry.Rendered.HasMath);
            model["article"] = models.Article(entry, site, related[entry.Index]);
            Write(output, entry.Page.Url, "article", model);
            Interlocked.Increment(ref written);
        });

        written += WriteHome(site, output, models);
        written += WriteTags(site, output, models);
        written += WriteSpecialPages(site, output, models);
        new FeedWriter(config, _urls).Run(site, output);
        return new WriteSiteResult(written, site.Articles.Count, site.Tags.Count);
    }

    private int WriteHome(SiteModel site, SiteOutput output, PageModels models)
    {
        var pageSize = Math.Max(1, config.PageSize);
        var pageCount = Math.Max(1, (site.Articles.Count + pageSize - 1) / pageSize);
        for (var number = 1; number <= pageCount; number++)
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
            Write(output, url, "home", model);
        }

        return pageCount;
    }

    private int WriteTags(SiteModel site, SiteOutput output, PageModels models)
    {
        const string indexUrl = "tags/";
        var index = models.Layout(indexUrl, "tags", "标签", $"{config.Title} 的全部标签", hasMath: false);
        index["tags"] = site.Tags.Select(t => TagSummary(t, SiteUrls.RootFrom(indexUrl))).ToList();
        index["tag_count"] = site.Tags.Count;
        Write(output, indexUrl, "tags", index);

        foreach (var tag in site.Tags)
        {
            var model = models.Layout(tag.Url, "tag", tag.Name, $"标签「{tag.Name}」下的 {tag.Articles.Count} 篇文章", ExcerptsHaveMath(tag.Articles));
            model["tag"] = TagSummary(tag, SiteUrls.RootFrom(tag.Url));
            model["articles"] = tag.Articles.Select(a => models.Summary(a, SiteUrls.RootFrom(tag.Url))).ToList();
            Write(output, tag.Url, "tag", model);
        }

        return site.Tags.Count + 1;
    }

    private int WriteSpecialPages(SiteModel site, SiteOutput output, PageModels models)
    {
        // 404.html is served for any missing path, so its links cannot be relative to its own URL:
        // they are rooted at the base path, which the server knows.
        var recent = site.Articles.Take(8).ToList();
        var notFound = models.Layout("404.html", "404", "页面不存在", "找不到这个页面。", ExcerptsHaveMath(recent));
        notFound["root"] = config.BasePath;
        notFound["articles"] = recent.Select(a => models.Summary(a, config.BasePath)).ToList();
        notFound["tags"] = site.Tags.Take(12).Select(t => TagSummary(t, config.BasePath)).ToList();

        Write(output, "404.html", "404", notFound);
        var pages = 1;
        if (templates.Has("search"))
        {
            var search = models.Layout("search/", "search", "搜索", $"搜索 {config.Title}", hasMath: false);
            Write(output, "search/", "search", search);
            pages++;
        }

        return pages;
    }

    private static bool ExcerptsHaveMath(IEnumerable<ArticleEntry> listed) => listed.Any(a => a.ExcerptHtml.HasMath);

    private static Dictionary<string, object?> TagSummary(TagEntry tag, string root) => new()
    {
        ["name"] = tag.Name,
        ["url"] = root + SiteUrls.Encode(tag.Url),
        ["count"] = tag.Articles.Count,
    };

    private void Write(SiteOutput output, string url, string template, Dictionary<string, object?> model)
    {
        model["content"] = templates.Render(template, model);
        var html = templates.Render("layout", model);
        output.Write(url.EndsWith('/') || url.Length == 0 ? url + "index.html" : url, html);
    }

    private static string HomeUrl(int number) => number == 1 ? "" : $"page/{number}/";
}
