using System.Xml.Linq;
using SiteGen.Config;
using SiteGen.Markdown;
using SiteGen.Publish;

namespace SiteGen.Tests.Publish;

public sealed class FeedWriterTests : IDisposable
{
    private const string Base = "https://example.org/docs/";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sitegen-feeds-" + Guid.NewGuid().ToString("N"));
    private readonly SiteOutput _output;

    public FeedWriterTests()
    {
        _output = new SiteOutput(_dir);
        var config = new SiteConfig { BaseUrl = Base, Title = "测试 & <站点>" };
        var site = Articles.Site(
            Articles.Page("b", "第二篇 <b>", ["概率"], "2024-02-01"),
            Articles.Page("a", "第一篇", ["大模型", "概率"], "2024-03-01"));
        new FeedWriter(config, new SiteUrls(config)).Run(site, _output);
    }

    private XDocument Load(string file) => XDocument.Load(Path.Combine(_output.StagingDir, file));

    [Fact]
    public void AtomIsWellFormedWithAbsoluteUrlsUnderTheSubPath()
    {
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = Load("atom.xml").Root!;
        Assert.Equal("测试 & <站点>", feed.Element(atom + "title")!.Value);
        Assert.Equal(Base + "atom.xml", feed.Elements(atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        var entries = feed.Elements(atom + "entry").ToList();
        Assert.Equal(["https://example.org/docs/articles/a/", "https://example.org/docs/articles/b/"], entries.Select(e => e.Element(atom + "id")!.Value));
        Assert.Equal("2024-03-01T00:00:00Z", feed.Element(atom + "updated")!.Value);
        Assert.Equal(["大模型", "概率"], entries[0].Elements(atom + "category").Select(c => c.Attribute("term")!.Value));
        Assert.Equal("第二篇 <b>", entries[1].Element(atom + "summary")!.Value);
    }

    [Fact]
    public void EntriesNameTheArticlesAuthorAndLinkTheOriginalOnlyWhenItIsAbsoluteHttp()
    {
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var config = new SiteConfig { BaseUrl = Base, Title = "站点" };
        RenderedPage With(string slug, string? link, string? author)
        {
            var page = Articles.Page(slug, slug, date: "2024-0" + (slug[0] - 'a' + 1) + "-01");
            return page with { Page = page.Page with { Link = link, Author = author } };
        }
        var site = Articles.Site(
            With("a", "https://example.org/原文?a=1&b=2", "张三 & <李四>"),
            With("b", "javascript:alert(1)", "  "),
            With("c", "/relative/path", null),
            With("d", " http://example.com/x ", "Ann"));
        using var output = new SiteOutput(_dir + "-authors");
        new FeedWriter(config, new SiteUrls(config)).Run(site, output);
        var text = File.ReadAllText(Path.Combine(output.StagingDir, "atom.xml"));
        var entries = XDocument.Parse(text).Root!.Elements(atom + "entry")
            .ToDictionary(e => e.Element(atom + "id")!.Value.Split('/')[^2]);

        string? Related(string slug) => entries[slug].Elements(atom + "link").SingleOrDefault(l => (string?)l.Attribute("rel") == "related")?.Attribute("href")?.Value;
        string Author(string slug) => entries[slug].Elements(atom + "author").Single().Element(atom + "name")!.Value;
        Assert.Equal("https://example.org/%E5%8E%9F%E6%96%87?a=1&b=2", Related("a"));
        Assert.Null(Related("b"));
        Assert.Null(Related("c"));
        Assert.Equal("http://example.com/x", Related("d"));
        Assert.Equal(("张三 & <李四>", "站点", "站点", "Ann"), (Author("a"), Author("b"), Author("c"), Author("d")));
        Assert.All(entries.Values, e => Assert.Single(e.Elements(atom + "link"), l => (string?)l.Attribute("rel") == "alternate"));
        Assert.DoesNotContain("javascript", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CharactersXmlCannotCarryBecomeReplacementCharactersNotAnException()
    {
        // A hand-written page's front matter can hold them ("\x01" in YAML); XmlWriter would throw on them.
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var config = new SiteConfig { BaseUrl = Base, Title = "站点" };
        var page = Articles.Page("a", "正文\u0001", ["标签\u0002"]);
        page = page with { Page = page.Page with { Title = "标题\u0001\uD800", Author = "作者\u001B😀" } };
        using var output = new SiteOutput(_dir + "-control");
        new FeedWriter(config, new SiteUrls(config)).Run(Articles.Site(page), output);
        var entry = XDocument.Load(Path.Combine(output.StagingDir, "atom.xml")).Root!.Element(atom + "entry")!;
        Assert.Equal("标题\uFFFD\uFFFD", entry.Element(atom + "title")!.Value);
        Assert.Equal("作者\uFFFD😀", entry.Element(atom + "author")!.Element(atom + "name")!.Value);
        Assert.Equal("标签\uFFFD", entry.Element(atom + "category")!.Attribute("term")!.Value);
        Assert.Equal("正文\uFFFD", entry.Element(atom + "summary")!.Value);
    }

    [Fact]
    public void SitemapListsEveryPageWithPercentEncodedAbsoluteUrls()
    {
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = Load("sitemap.xml").Root!.Elements(sm + "url").Select(u => u.Element(sm + "loc")!.Value).ToList();
        Assert.Equal(
            [Base, Base + "articles/a/", Base + "articles/b/", Base + "tags/", Base + "tags/%E6%A6%82%E7%8E%87/", Base + "tags/%E5%A4%A7%E6%A8%A1%E5%9E%8B/"],
            locs);
        Assert.All(locs, l => Assert.True(Uri.IsWellFormedUriString(l, UriKind.Absolute), l));
    }

    [Fact]
    public void RobotsPointsAtTheSitemap() =>
        Assert.Contains("Sitemap: https://example.org/docs/sitemap.xml", File.ReadAllText(Path.Combine(_output.StagingDir, "robots.txt")));

    public void Dispose() => _output.Dispose();
}
