using System.Net;
using AngleSharp.Html.Parser;
using SiteGen.Tests.Publish;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Deploy;

/// <summary>
/// The hand-written fixture site built for <c>/docs/</c> and served by nginx: the image from <c>static/</c>, the link
/// written as a path to another Markdown file, root-relative links and the highlight stylesheet all resolve.
/// </summary>
[Trait("Category", "Browser")]
public sealed class HandWrittenNginxTests
{
    [Fact]
    public async Task StaticImageLinkByFileAndStylesheetResolveUnderTheSubPath()
    {
        var baseUrl = NginxSite.NewBaseUrl();
        var (site, _) = HandWrittenSite.Build(baseUrl);
        await using var nginx = await NginxSite.StartAsync(site, baseUrl, Path.Combine(Path.GetDirectoryName(site)!, "nginx"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var pageUrl = new Uri(baseUrl + "articles/writing-guide/");
        var html = await http.GetStringAsync(pageUrl);
        var document = new HtmlParser().ParseDocument(html);

        var image = document.QuerySelector(".article-body img")!;
        var imageUrl = new Uri(pageUrl, image.GetAttribute("src"));
        Assert.Equal("/docs/images/architecture.png", imageUrl.AbsolutePath);
        using (var response = await http.GetAsync(imageUrl))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(File.ReadAllBytes(Path.Combine(HandWrittenSite.Static, "images", "architecture.png")), await response.Content.ReadAsByteArrayAsync());
        }

        var byFile = new Uri(pageUrl, document.QuerySelectorAll(".article-body a").Single(a => a.TextContent == "高亮设置").GetAttribute("href"));
        Assert.Equal(("/docs/articles/configuration/", "#highlight"), (byFile.AbsolutePath, byFile.Fragment));
        var target = new HtmlParser().ParseDocument(await http.GetStringAsync(byFile));
        Assert.NotNull(target.GetElementById("highlight"));

        var tags = new Uri(pageUrl, document.QuerySelectorAll(".article-body a").Single(a => a.TextContent == "标签页").GetAttribute("href"));
        Assert.Equal("/docs/tags/", tags.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(tags)).StatusCode);

        var stylesheet = new Uri(pageUrl, document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")).Single(h => h!.EndsWith("highlight.css", StringComparison.Ordinal)));
        using (var css = await http.GetAsync(stylesheet))
        {
            Assert.Equal((HttpStatusCode.OK, "text/css"), (css.StatusCode, css.Content.Headers.ContentType?.MediaType));
        }

        Assert.Equal("docs.example.org\n", await http.GetStringAsync(baseUrl + "CNAME"));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(baseUrl + ".well-known/security.txt")).StatusCode);
    }
}
