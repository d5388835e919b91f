using AngleSharp.Html.Parser;
using SiteGen.Check;
using SiteGen.Diagnostics;

namespace SiteGen.Tests.Publish;

/// <summary>The valid fixture site built under a sub-path: metadata on every page and links that resolve.</summary>
public sealed class WriteSiteTests : IClassFixture<WriteSiteTests.BuiltSite>
{
    private const string Base = "https://example.org/docs/";
    private readonly string _site;

    public WriteSiteTests(BuiltSite built) => _site = built.OutputDir;

    /// <summary>One build shared by the tests of this class.</summary>
    public sealed class BuiltSite
    {
        public string OutputDir { get; } = TestSite.Build(TestSite.ValidContent, Base).OutputDir;
    }

    public static TheoryData<string> Pages() =>
    [
        "index.html", "page/2/index.html", "articles/normalizing-flow/index.html", "tags/index.html",
        "tags/大模型/index.html", "404.html",
    ];

    private AngleSharp.Html.Dom.IHtmlDocument Load(string page) =>
        new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(_site, page)));

    [Theory]
    [MemberData(nameof(Pages))]
    public void EveryPageHasLanguageCanonicalDescriptionAndOpenGraph(string page)
    {
        var document = Load(page);
        Assert.Equal("zh-CN", document.DocumentElement.GetAttribute("lang"));
        var canonical = document.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!;
        Assert.StartsWith(Base, canonical);
        Assert.False(string.IsNullOrWhiteSpace(document.QuerySelector("meta[name=description]")!.GetAttribute("content")));
        foreach (var property in new[] { "og:title", "og:description", "og:url", "og:type", "og:site_name" })
        {
            Assert.False(string.IsNullOrWhiteSpace(document.QuerySelector($"meta[property='{property}']")?.GetAttribute("content")), property);
        }

        Assert.Equal(canonical, document.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.NotNull(document.QuerySelector("a.skip-link[href='#main']"));
        Assert.NotNull(document.QuerySelector("main#main"));
    }

    [Fact]
    public void CanonicalOfATagPageIsPercentEncoded() =>
        Assert.Equal(Base + "tags/%E5%A4%A7%E6%A8%A1%E5%9E%8B/",
            Load("tags/大模型/index.html").QuerySelector("link[rel=canonical]")!.GetAttribute("href"));

    [Fact]
    public void NotFoundPageLinksAreRootedAtTheBasePath()
    {
        var document = Load("404.html");
        Assert.NotNull(document.QuerySelector("meta[name=robots][content=noindex]"));
        var links = document.QuerySelectorAll("[href], [src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .Where(l => !l.StartsWith('#') && !l.StartsWith("https://", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.StartsWith("/docs/", l));
    }

    [Fact]
    public void HomeIsPaginatedNewestFirst()
    {
        var first = Load("index.html").QuerySelectorAll(".card-title a").Select(a => a.TextContent).ToList();
        Assert.Equal(3, first.Count);
        Assert.StartsWith("标准化流", first[0]);
        Assert.Single(Load("page/2/index.html").QuerySelectorAll(".card-title a"));
        Assert.Equal("page/2/", Load("index.html").QuerySelector(".pagination a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public void ArticleShowsReadingTimeTagsSourcesTocNeighboursAndTruncation()
    {
        var document = Load("articles/normalizing-flow/index.html");
        Assert.Matches(@"约 \d+ 分钟", document.QuerySelector(".article-meta")!.TextContent);
        Assert.Equal(["生成模型", "概率", "Flow"], document.QuerySelectorAll(".article-header .tag").Select(t => t.TextContent));
        Assert.Contains("seeds/000_867657b6d5943328.txt", document.QuerySelector(".sources")!.TextContent);
        Assert.Equal(5, document.QuerySelectorAll(".toc a").Length);
        Assert.NotNull(document.QuerySelector(".prev-next a[rel=next]"));
        Assert.NotNull(document.QuerySelector(".excerpt-end"));
        Assert.NotEmpty(document.QuerySelectorAll(".related a"));
        Assert.Equal(2, document.QuerySelectorAll(".article-body .missing").Length);
    }

    [Fact]
    public void LinkCheckFindsNothingBroken()
    {
        var diagnostics = new DiagnosticBag();
        var result = new CheckLinks("/docs/").Run(_site, "site", diagnostics);
        Assert.Empty(diagnostics.Snapshot());
        Assert.True(result.Links > 100);
    }

    [Fact]
    public void FeedAndSitemapAreWritten()
    {
        Assert.Contains("<loc>https://example.org/docs/tags/%E5%A4%A7%E6%A8%A1%E5%9E%8B/</loc>", File.ReadAllText(Path.Combine(_site, "sitemap.xml")));
        Assert.Contains("href=\"https://example.org/docs/articles/lora/\"", File.ReadAllText(Path.Combine(_site, "atom.xml")));
    }
}
