using SiteGen.Check;

namespace SiteGen.Tests.Check;

public sealed class LinkResolverTests
{
    [Theory]
    [InlineData("index.html", "", "index.html", null)]
    [InlineData("index.html", "#top", "index.html", "top")]
    [InlineData("index.html", "tags/", "tags/index.html", null)]
    [InlineData("articles/a/index.html", "../../", "index.html", null)]
    [InlineData("articles/a/index.html", "../b/#%E5%B0%8F%E7%BB%93", "articles/b/index.html", "小结")]
    [InlineData("articles/a/index.html", "../../tags/%E6%A6%82%E7%8E%87/", "tags/概率/index.html", null)]
    [InlineData("articles/a/index.html", "./img.png?x=1", "articles/a/img.png", null)]
    [InlineData("articles/a/index.html", "/docs/assets/site.css", "assets/site.css", null)]
    [InlineData("404.html", "/docs/", "index.html", null)]
    [InlineData("404.html", "/docs", "index.html", null)]
    [InlineData("tags/x/index.html", "..", "tags/index.html", null)]
    public void ResolvesLikeABrowser(string page, string link, string path, string? fragment)
    {
        var target = LinkResolver.Resolve(page, link, "/docs/");
        Assert.Equal(LinkKind.Internal, target.Kind);
        Assert.Equal(path, target.Path);
        Assert.Equal(fragment, target.Fragment);
    }

    [Theory]
    [InlineData("https://example.org/", LinkKind.External)]
    [InlineData("mailto:a@b.c", LinkKind.External)]
    [InlineData("data:image/png;base64,AA", LinkKind.External)]
    [InlineData("//cdn.example.org/x.js", LinkKind.External)]
    [InlineData("/other/", LinkKind.OutsideBasePath)]
    [InlineData("/docsx/", LinkKind.OutsideBasePath)]
    [InlineData("../../../x.html", LinkKind.AboveRoot)]
    public void ClassifiesOtherLinks(string link, LinkKind kind) =>
        Assert.Equal(kind, LinkResolver.Resolve("articles/a/index.html", link, "/docs/").Kind);
}
