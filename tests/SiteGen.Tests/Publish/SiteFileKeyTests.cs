using SiteGen.Config;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Markdown;
using SiteGen.Publish;
using SiteGen.Templates;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Publish;

/// <summary>
/// The <see cref="SiteFile.Key"/> contract for what feed items add to an article page (original link, author, item
/// numbers): a change the page shows changes its key, and equal keys mean equal bytes.
/// </summary>
public sealed class SiteFileKeyTests
{
    private const string Changed = "articles/b/index.html";

    public static TheoryData<string> Variants() => new(["link", "author", "item"]);

    [Theory]
    [MemberData(nameof(Variants))]
    public void WhatAFeedItemAddsIsInTheArticlePagesKey(string variant)
    {
        var before = Plan(Site(Item(link: "https://example.org/a", author: "甲", item: 1)));
        var after = Plan(Site(variant switch
        {
            "link" => Item(link: "https://example.org/b", author: "甲", item: 1),
            "author" => Item(link: "https://example.org/a", author: "乙", item: 1),
            _ => Item(link: "https://example.org/a", author: "甲", item: 2),
        }));

        Assert.NotEqual(before[Changed].Render(), after[Changed].Render());
        Assert.NotEqual(before[Changed].Key, after[Changed].Key);
        // Nothing that lists the article shows these, so no other page changes; the Atom entry has the link and author.
        Assert.Equal(variant == "item" ? [Changed] : [Changed, "atom.xml"], before.Keys.Where(path => before[path].Key != after[path].Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ALinkThatIsNeverShownLeavesTheKeyAndTheBytesAlone()
    {
        var none = Plan(Site(Item(link: null, author: null, item: 1)));
        var script = Plan(Site(Item(link: "javascript:alert(1)", author: " ", item: 1)));

        Assert.Equal(none[Changed].Key, script[Changed].Key);
        Assert.Equal(none[Changed].Render(), script[Changed].Render());
    }

    private static RenderedPage Item(string? link, string? author, int item)
    {
        var plain = Articles.Page("b", "乙篇正文", date: "2024-01-02");
        return plain with { Page = plain.Page with { Link = link, Author = author, Sources = [new PageSource("010-blog.xml", 7, item)] } };
    }

    private static SiteModel Site(RenderedPage b) =>
        Articles.Site(Articles.Page("a", "甲篇正文", date: "2024-01-03"), b, Articles.Page("c", "丙篇正文", date: "2024-01-01"));

    private static Dictionary<string, SiteFile> Plan(SiteModel site)
    {
        using var work = new TempDir();
        var config = new SiteConfig { Title = "键", PageSize = 2, BaseUrl = "https://example.org/" };
        var related = site.Articles.Select(_ => (IReadOnlyList<ArticleEntry>)[]).ToArray();
        return new WriteSite(config, TemplateSet.Load(work.Combine("none"), new DiagnosticBag())).Plan(site, related)
            .ToDictionary(f => f.Path, StringComparer.Ordinal);
    }
}
