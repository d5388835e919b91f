using HandlebarsDotNet;
using SiteGen.Search;

namespace SiteGen.Tests.Search;

/// <summary>
/// A minimal site around the search templates (stand-in for the real layout until the pipeline
/// is merged): home page, one page per document, the search page, assets and the index.
/// </summary>
public static class FixtureSite
{
    private const string Layout = """
        <!DOCTYPE html>
        <html lang="{{site.language}}">
        <head>
        <meta charset="utf-8">
        <meta name="sitegen-root" content="{{root}}">
        <title>{{title}} - {{site.title}}</title>
        <link rel="stylesheet" href="{{root}}assets/search.css">
        <script defer src="{{root}}assets/search.js"></script>
        </head>
        <body>
        <header><a href="{{root}}">{{site.title}}</a> {{> search-box}}</header>
        <main>{{{content}}}</main>
        </body>
        </html>
        """;

    public static SearchIndexResult Write(string dir, IReadOnlyList<SearchDocument> docs, bool pages = true)
    {
        var templates = Path.Combine(SeedCorpus.RepositoryRoot(), "templates");
        var handlebars = Handlebars.Create();
        handlebars.RegisterTemplate("search-box", File.ReadAllText(Path.Combine(templates, "partials", "search-box.hbs")));
        var layout = handlebars.Compile(Layout);
        var searchBody = handlebars.Compile(File.ReadAllText(Path.Combine(templates, "search.hbs")));
        var site = new Dictionary<string, object> { ["title"] = "测试站", ["language"] = "zh-CN" };

        void Page(string url, string title, Func<string, string> content)
        {
            var depth = url.Count(c => c == '/');
            var root = string.Concat(Enumerable.Repeat("../", depth));
            var model = new Dictionary<string, object> { ["root"] = root, ["site"] = site, ["title"] = title };
            model["content"] = content(root);
            var path = Path.Combine(dir, url, "index.html");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, layout(model));
        }

        Directory.CreateDirectory(Path.Combine(dir, "assets"));
        foreach (var asset in new[] { "search.js", "search.css" })
        {
            File.Copy(Path.Combine(templates, "assets", asset), Path.Combine(dir, "assets", asset), overwrite: true);
        }

        Page("", "首页", _ => "<h1>首页</h1>");
        Page("search/", "搜索", root => searchBody(new Dictionary<string, object> { ["root"] = root, ["site"] = site }));
        if (pages)
        {
            foreach (var doc in docs)
            {
                Page(doc.Url, doc.Title, _ => $"<article><h1>{System.Net.WebUtility.HtmlEncode(doc.Title)}</h1>{doc.BodyHtml}</article>");
            }
        }

        return new BuildSearchIndex().Run(docs, dir);
    }
}
