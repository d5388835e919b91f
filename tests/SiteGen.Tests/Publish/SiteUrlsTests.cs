using SiteGen.Config;
using SiteGen.Publish;

namespace SiteGen.Tests.Publish;

public sealed class SiteUrlsTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("404.html", "")]
    [InlineData("tags/", "../")]
    [InlineData("articles/lora/", "../../")]
    [InlineData("page/2/", "../../")]
    public void RootFromCountsFolders(string pageUrl, string expected) =>
        Assert.Equal(expected, SiteUrls.RootFrom(pageUrl));

    [Fact]
    public void LinksAreRelativeSoAnyBasePathWorks() =>
        Assert.Equal("../../tags/%E5%A4%A7%E6%A8%A1%E5%9E%8B/", SiteUrls.Link("articles/lora/", SiteUrls.TagUrl("大模型")));

    [Theory]
    [InlineData("https://example.org/docs/", "", "https://example.org/docs/")]
    [InlineData("https://example.org/docs/", "articles/lora/", "https://example.org/docs/articles/lora/")]
    [InlineData("https://example.org/docs/", "tags/概率/", "https://example.org/docs/tags/%E6%A6%82%E7%8E%87/")]
    [InlineData("https://example.org/", "atom.xml", "https://example.org/atom.xml")]
    [InlineData("/docs/", "sitemap.xml", "/docs/sitemap.xml")]
    public void AbsoluteUrlsKeepTheBasePath(string baseUrl, string siteUrl, string expected)
    {
        var urls = new SiteUrls(new SiteConfig { BaseUrl = BaseUrl.Normalize(baseUrl) });
        Assert.Equal(expected, urls.Absolute(siteUrl));
    }

    [Theory]
    [InlineData("https://example.org/docs")]
    [InlineData("https://example.org/docs/")]
    [InlineData("https://example.org/docs//")]
    public void OneTrailingSlashPolicy(string baseUrl)
    {
        var urls = new SiteUrls(new SiteConfig { BaseUrl = BaseUrl.Normalize(baseUrl) });
        Assert.Equal("https://example.org/docs/articles/x/", urls.Absolute("articles/x/"));
    }

    [Fact]
    public void EncodeKeepsSlashesAndEncodesFragments() =>
        Assert.Equal("articles/a%20b/#%E5%B0%8F%E7%BB%93", SiteUrls.Encode("articles/a b/#小结"));

    [Theory]
    [InlineData("大模型", "大模型")]
    [InlineData("Flow", "flow")]
    [InlineData("C# / .NET", "c-net")]
    [InlineData("  ", "tag")]
    [InlineData("生成 模型", "生成-模型")]
    public void TagSlugKeepsChineseAndReplacesUnsafeCharacters(string tag, string expected) =>
        Assert.Equal(expected, SiteUrls.TagSlug(tag));

    [Fact]
    public void TagUrlIsAFolder() => Assert.Equal("tags/概率/", SiteUrls.TagUrl("概率"));
}
