using System.Security.Cryptography;
using System.Text;
using SiteGen.Common;
using SiteGen.Config;
using SiteGen.Diagnostics;
using SiteGen.Templates;

namespace SiteGen.Publish;

/// <summary>
/// Plans every file of the site: each <see cref="SiteFile"/> renders its page through the templates on
/// demand, so a full build renders all of them and a live rebuild only those whose inputs changed.
/// </summary>
public sealed class WriteSite(SiteConfig config, TemplateSet templates)
{
    private const char Separator = '\u001f';
    private const char ListSeparator = '\u001e';
    private readonly SiteUrls _urls = new(config);

    /// <summary>Every file of the site with the key of what its bytes depend on; nothing is rendered yet.</summary>
    public IReadOnlyList<SiteFile> Plan(SiteModel site, IReadOnlyList<ArticleEntry>[] related)
    {
        // The build ships KaTeX's stylesheet exactly when some page has math.
        var katex = site.Articles.Any(a => a.Rendered.HasMath);
        // Word problems were reported when the templates loaded.
        var words = templates.Words(config.Language, config.Translations, config.ConfigFile, new DiagnosticBag());
        var renderer = templates.Renderer(words, site.Articles.Count + site.Tags.Count);
        var plan = new Planner(config, renderer, new PageModels(config, _urls, katex), site, katex);
        var files = new List<SiteFile>(site.Articles.Count + 2 * site.Tags.Count + 16);
        plan.Articles(related, files);
        plan.Home(files);
        plan.Tags(files);
        plan.SpecialPages(templates.Has("search"), files);
        foreach (var (path, content) in new FeedWriter(config, _urls).Files(site))
        {
            files.Add(new SiteFile(path, content, () => content, IsHtml: false));
        }

        return files;
    }

    /// <summary>Number of listing pages for <paramref name="count"/> articles, at least one.</summary>
    public static int PageCount(int count, int pageSize) => Math.Max(1, (count + Math.Max(1, pageSize) - 1) / Math.Max(1, pageSize));

    /// <summary>Page <paramref name="number"/> of a listing whose first page is <paramref name="firstUrl"/> (<c>""</c>, <c>tags/x/</c>).</summary>
    public static string ListingUrl(string firstUrl, int number) => number == 1 ? firstUrl : $"{firstUrl}page/{number}/";

    private sealed class Planner(SiteConfig config, TemplateRenderer renderer, PageModels models, SiteModel site, bool katex)
    {
        private readonly string[] _summaries = site.Articles.Select(SummaryKey).ToArray();
        private readonly string _tagSummaries = string.Join(ListSeparator, site.Tags.Select(TagKey));
        private readonly int _pageSize = Math.Max(1, config.PageSize);
        private readonly ThemeWords _words = renderer.Words;

        public void Articles(IReadOnlyList<ArticleEntry>[] related, List<SiteFile> files)
        {
            foreach (var entry in site.Articles)
            {
                var i = entry.Index;
                var key = Key(OwnKey(entry),
                    i > 0 ? _summaries[i - 1] : "", i + 1 < _summaries.Length ? _summaries[i + 1] : "",
                    string.Join(ListSeparator, related[i].Select(r => _summaries[r.Index])));
                files.Add(new SiteFile(Index(entry.Page.Url), key, () =>
                {
                    var model = models.Layout(entry.Page.Url, "article", entry.Page.Title, entry.Excerpt, entry.Rendered.HasMath, entry.Rendered.HasHighlight);
                    model["article"] = models.Article(entry, site, related[i]);
                    return renderer.Render("article", model, entry.Page.Url);
                }, IsHtml: true, entry) { Template = "article" });
            }
        }

        public void Home(List<SiteFile> files)
        {
            var pageCount = PageCount(site.Articles.Count, _pageSize);
            for (var number = 1; number <= pageCount; number++)
            {
                var page = number;
                var first = (number - 1) * _pageSize;
                var count = Math.Min(_pageSize, site.Articles.Count - first);
                var key = Key(number, pageCount, site.Articles.Count, _tagSummaries, string.Join(ListSeparator, _summaries, first, count));
                files.Add(new SiteFile(Index(ListingUrl("", number)), key, () => RenderHome(page, pageCount), IsHtml: true) { Template = "home" });
            }
        }

        private string RenderHome(int number, int pageCount)
        {
            var url = ListingUrl("", number);
            var title = number == 1 ? config.Title : _words.Format("numbered_page_title", config.Title, number);
            var listed = site.Articles.Skip((number - 1) * _pageSize).Take(_pageSize).ToList();
            var model = models.Layout(url, "home", title, config.Description, ExcerptsHaveMath(listed));
            var root = SiteUrls.RootFrom(url);
            model["articles"] = listed.Select(a => models.Card(a, root)).ToList();
            model["article_count"] = site.Articles.Count;
            model["tags"] = site.Tags.Select(t => PageModels.TagSummary(t, root)).ToList();
            model["pagination"] = PageModels.Pagination(url, number, pageCount, n => ListingUrl("", n));
            return renderer.Render("home", model, url);
        }

        public void Tags(List<SiteFile> files)
        {
            const string indexUrl = "tags/";
            files.Add(new SiteFile(Index(indexUrl), Key(_tagSummaries), () =>
            {
                var index = models.Layout(indexUrl, "tags", _words.Format("tags_title"), _words.Format("tags_description", config.Title), hasMath: false);
                index["tags"] = site.Tags.Select(t => PageModels.TagSummary(t, SiteUrls.RootFrom(indexUrl))).ToList();
                index["tag_count"] = site.Tags.Count;
                return renderer.Render("tags", index, indexUrl);
            }, IsHtml: true) { Template = "tags" });

            foreach (var tag in site.Tags)
            {
                var pageCount = PageCount(tag.Articles.Count, _pageSize);
                for (var number = 1; number <= pageCount; number++)
                {
                    var page = number;
                    var listed = tag.Articles.Skip((number - 1) * _pageSize).Take(_pageSize).ToList();
                    var key = Key(TagKey(tag), number, pageCount, string.Join(ListSeparator, listed.Select(a => _summaries[a.Index])));
                    files.Add(new SiteFile(Index(ListingUrl(tag.Url, number)), key, () => RenderTag(tag, listed, page, pageCount), IsHtml: true) { Template = "tag" });
                }
            }
        }

        private string RenderTag(TagEntry tag, List<ArticleEntry> listed, int number, int pageCount)
        {
            var url = ListingUrl(tag.Url, number);
            var title = number == 1 ? tag.Name : _words.Format("numbered_page_title", tag.Name, number);
            var model = models.Layout(url, "tag", title, _words.Format("tag_description", tag.Name, tag.Articles.Count), ExcerptsHaveMath(listed));
            var root = SiteUrls.RootFrom(url);
            model["tag"] = PageModels.TagSummary(tag, root);
            model["articles"] = listed.Select(a => models.Card(a, root)).ToList();
            model["pagination"] = PageModels.Pagination(url, number, pageCount, n => ListingUrl(tag.Url, n));
            return renderer.Render("tag", model, url);
        }

        public void SpecialPages(bool hasSearch, List<SiteFile> files)
        {
            var key = Key(string.Join(ListSeparator, _summaries.Take(8)), string.Join(ListSeparator, site.Tags.Take(12).Select(TagKey)));
            files.Add(new SiteFile("404.html", key, () =>
            {
                // 404.html is served for any missing path, so its links cannot be relative to its own URL:
                // they are rooted at the base path, which the server knows.
                var recent = site.Articles.Take(8).ToList();
                var notFound = models.Layout("404.html", "404", _words.Format("not_found_title"), _words.Format("not_found_description"),
                    ExcerptsHaveMath(recent), root: config.BasePath);
                notFound["articles"] = recent.Select(a => models.Card(a, config.BasePath)).ToList();
                notFound["tags"] = site.Tags.Take(12).Select(t => PageModels.TagSummary(t, config.BasePath)).ToList();
                return renderer.Render("404", notFound, "404.html");
            }, IsHtml: true) { Template = "404" });

            if (hasSearch)
            {
                files.Add(new SiteFile(Index("search/"), Key(), () => renderer.Render("search",
                    models.Layout("search/", "search", _words.Format("search_title"), _words.Format("search_description", config.Title), hasMath: false),
                    "search/"), IsHtml: true) { Template = "search" });
            }
        }

        /// <summary>
        /// A page key: the parts, and the one site-wide fact the layout shows that is not configuration, hashed.
        /// Every planned file keeps its key until the build ends, so it is a hash, not the (tens of kilobytes of)
        /// summaries it stands for.
        /// </summary>
        private string Key(params object?[] parts) => Hash(string.Join(Separator, parts.Append(katex ? "katex" : "")));

        /// <summary>
        /// Everything an article page shows of its own article. The body's table of contents, text and character
        /// count are rendered from the same Markdown as its HTML, so the HTML's hash stands for all of them.
        /// </summary>
        private string OwnKey(ArticleEntry a) => string.Join(Separator,
            _summaries[a.Index], a.Rendered.HtmlHash ?? Hash(a.Rendered.Html), a.Rendered.HasMath, a.Rendered.HasHighlight,
            string.Join(ListSeparator, a.Page.Sources.Select(s => $"{s.Feed}:{s.Line}:{s.Item}")),
            PageModels.OriginalLink(a.Page.Link), PageModels.ShownAuthor(a.Page.Author));
    }

    /// <summary>Everything <see cref="PageModels.Summary"/> shows of an article, hashed (listings join many of them).</summary>
    private static string SummaryKey(ArticleEntry a) => Hash(string.Join(Separator,
        a.Page.Title, a.Page.Url, a.Excerpt, a.ExcerptHtml.Html, a.ExcerptHtml.HasMath, a.Page.Date?.DayNumber, a.ReadingMinutes, a.Page.Truncated,
        string.Join(ListSeparator, a.Page.Tags)));

    private static string TagKey(TagEntry tag) => string.Join(Separator, tag.Name, tag.Url, tag.Articles.Count);

    private static string Hash(string text) => Hex.Lower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static bool ExcerptsHaveMath(IEnumerable<ArticleEntry> listed) => listed.Any(a => a.ExcerptHtml.HasMath);

    private static string Index(string url) => url.EndsWith('/') || url.Length == 0 ? url + "index.html" : url;
}
