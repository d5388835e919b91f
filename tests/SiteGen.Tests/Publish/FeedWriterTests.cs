using System.Xml.Linq;
using SiteGen.Config;
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
