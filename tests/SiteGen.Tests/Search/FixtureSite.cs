using SiteGen.Config;
using SiteGen.Diagnostics;
using SiteGen.Publish;
using SiteGen.Search;
using SiteGen.Templates;

namespace SiteGen.Tests.Search;

/// <summary>
/// A minimal site around the search templates: home page, one page per document and the search page, each in
/// the real theme's layout (with the real search box and search page), plus the search assets and the index.
/// </summary>
public static class FixtureSite
{
    public static SearchIndexResult Write(string dir, IReadOnlyList<SearchDocument> docs, bool pages = true, SearchIndexOptions? options = null)
    {
        using var theme = new Support.TempDir();
        // A page template of our own for the documents; everything else is the theme's.
        theme.Write("pages/fixture.sbn-html", "{{ fixture.body_html }}");
        var diagnostics = new DiagnosticBag();
        var overlay = TemplateSet.Load(theme.Path, diagnostics);
        Assert.Empty(diagnostics.Snapshot());
        var config = new SiteConfig { Title = "测试站", Language = "zh-CN" };
        var models = new PageModels(config, new SiteUrls(config));
        var renderer = overlay.Renderer(overlay.Words(config.Language, config.Translations, config.ConfigFile, diagnostics), docs.Count);

        void Page(string url, string kind, string title, string body)
        {
            var model = models.Layout(url, kind, title, title, hasMath: false);
            model["fixture"] = new Dictionary<string, object?> { ["body_html"] = body };
            var path = Path.Combine(dir, url, "index.html");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, renderer.Render(kind == "search" ? "search" : "fixture", model, url));
        }

        Directory.CreateDirectory(Path.Combine(dir, "assets"));
        foreach (var asset in overlay.Assets.Where(a => a.Path is "assets/search.js" or "assets/search.css"))
        {
            File.WriteAllBytes(Path.Combine(dir, asset.Path), asset.Bytes);
        }

        Page("", "home", "首页", "<h1>首页</h1>");
        Page("search/", "search", "搜索", "");
        if (pages)
        {
            foreach (var doc in docs)
            {
                Page(doc.Url, "article", doc.Title, $"<article><h1>{System.Net.WebUtility.HtmlEncode(doc.Title)}</h1>{doc.BodyHtml}</article>");
            }
        }

        return new BuildSearchIndex(options).Run(docs, dir);
    }
}
