using System.Text;
using AngleSharp.Dom;
using SiteGen.Diagnostics;
using SiteGen.Import;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Import.Syndication;

/// <summary>The fixture feeds of every format, hostile and broken ones included, imported and built as a site.</summary>
public sealed class SyndicationImportTests(SyndicationFixture site) : IClassFixture<SyndicationFixture>
{
    private static readonly string[] Pages =
    [
        "normalizing-flow", "lora", "cdata", "json", "json-2", "json-3",
    ];

    [Fact]
    public void OnePagePerDistinctArticleAcrossFormats()
    {
        // 19 entries: the flow article as a text line, an RSS item, an Atom entry and a shorter JSON Feed item is one page.
        Assert.Equal(19, site.Entries.Count);
        var pages = Directory.GetFiles(site.Config.ContentDir, "*.md");
        Assert.Equal(16, pages.Length);
        var flow = site.Page("normalizing-flow");
        Assert.Contains("  - feed: 000-notes.txt\n    line: 4\n", flow);
        Assert.Contains("  - feed: 010-blog.xml\n    line: 7\n    item: 1\n", flow);
        Assert.Contains("  - feed: 015-atom.xml\n    line: 7\n    item: 1\n", flow);
        Assert.Contains("  - feed: 040-feed.json\n    line: 6\n    item: 1\n", flow);
        // The JSON item is a shorter version: kept in full under the other versions.
        Assert.Contains("\n## 其他版本\n\n### 040-feed.json:6\n", flow);
        Assert.All(Pages, slug => Assert.True(File.Exists(Path.Combine(site.Config.ContentDir, slug + ".md")), slug));
    }

    [Fact]
    public void TitlesDatesLinksAuthorsAndCategoriesAreKept()
    {
        var flow = ImportTestKit.FrontMatterOf(site.Page("normalizing-flow"));
        Assert.Contains("title: \"Normalizing Flow 入门\"\n", flow);
        // The day the author wrote (-08:00), not the UTC day.
        Assert.Contains("date: 2024-04-01\n", flow);
        Assert.Contains("link: \"https://blog.example.com/posts/normalizing-flow\"\n", flow);
        Assert.Contains("author: \"林小北\"\n", flow);
        // Category "Diffusion" and JSON tag "生成模型" go through the taxonomy.
        Assert.Contains("tags: [生成模型]\n", flow);

        var lora = ImportTestKit.FrontMatterOf(site.Page("lora"));
        Assert.Contains("link: \"https://blog.example.com/posts/lora\"\n", lora);
        Assert.Contains("author: \"王编辑\"\n", lora);
        Assert.Contains("date: 2024-04-02\n", lora);
        Assert.Contains("tags: [高效微调]\n", lora);

        var html = site.Html("normalizing-flow");
        var original = ImportTestKit.Parse(html).QuerySelector(".original a");
        Assert.NotNull(original);
        Assert.Equal("https://blog.example.com/posts/normalizing-flow", original!.GetAttribute("href"));
        var document = ImportTestKit.Parse(html);
        Assert.Equal("原文：https://blog.example.com/posts/normalizing-flow", document.QuerySelector(".article-footer .original")?.TextContent);
        Assert.Equal("林小北", document.QuerySelector(".article-meta .author")?.TextContent);
        Assert.Contains("010-blog.xml 第 7 行（第 1 条）", document.QuerySelectorAll(".sources li").Select(li => li.TextContent));
        Assert.Contains("000-notes.txt 第 4 行", document.QuerySelectorAll(".sources li").Select(li => li.TextContent));
    }

    [Fact]
    public void PagesFromTextLinesAloneShowNoOriginalAuthorOrItem()
    {
        var textOnly = Directory.GetFiles(site.Config.ContentDir, "*.md")
            .Where(path => !File.ReadAllText(path).Contains("\n    item: ", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension).OfType<string>().ToList();
        Assert.NotEmpty(textOnly);
        foreach (var slug in textOnly)
        {
            var document = ImportTestKit.Parse(site.Html(slug));
            Assert.Null(document.QuerySelector(".original"));
            Assert.Null(document.QuerySelector(".author"));
            Assert.DoesNotContain("条）", document.QuerySelector(".sources")?.TextContent ?? "");
        }
    }

    [Fact]
    public void BoldStaysBoldCodeStaysCodeAndMathIsTypeset()
    {
        var flow = ImportTestKit.Parse(site.Html("normalizing-flow")).QuerySelector(".article-body")!;
        Assert.Equal("生成模型", flow.QuerySelector("strong")?.TextContent);
        var code = flow.QuerySelector("pre > code");
        Assert.Equal("language-python", code?.ClassName);
        Assert.Equal("z = flow(z0)", code?.TextContent.TrimEnd());
        Assert.NotEmpty(flow.QuerySelectorAll(".katex"));

        var lora = ImportTestKit.Parse(site.Html("lora")).QuerySelector(".article-body")!;
        Assert.Equal("低秩分解", lora.QuerySelector("h2")?.TextContent);
        Assert.Equal("两个低秩矩阵", lora.QuerySelector("em")?.TextContent);
        Assert.NotNull(lora.QuerySelector(".katex-display"));
        Assert.Equal(3, lora.QuerySelectorAll("li").Length);
        Assert.Equal("原权重冻结", lora.QuerySelector("ul ul li")?.TextContent.Trim());
        Assert.Equal(["A", "B"], lora.QuerySelectorAll("li strong").Select(s => s.TextContent));
        Assert.Equal("低秩假设来自论文的观察。", lora.QuerySelector("blockquote")?.TextContent.Trim());
        Assert.Equal(["方法", "参数量", "全量微调", "100%", "LoRA", "0.1%"], lora.QuerySelectorAll("table th, table td").Select(c => c.TextContent));
        Assert.Equal("https://blog.example.com/img/lora.png", lora.QuerySelector("img")?.GetAttribute("src"));
        Assert.Equal("https://arxiv.org/abs/2106.09685", lora.QuerySelector("a[href^='https://arxiv']")?.GetAttribute("href"));

        var attention = ImportTestKit.Parse(site.Html(SlugOf("注意力机制的复杂度"))).QuerySelector(".article-body")!;
        Assert.Equal("3", attention.QuerySelector("ol")?.GetAttribute("start"));
        // KaTeX markup in the feed becomes math again from its TeX annotation, typeset by our KaTeX.
        Assert.Equal(3, attention.QuerySelectorAll(".katex").Length);
    }

    [Fact]
    public void NothingHostileReachesTheSite()
    {
        foreach (var file in Directory.GetFiles(site.Config.OutputDir, "*.html", SearchOption.AllDirectories))
        {
            var document = ImportTestKit.Parse(File.ReadAllText(file));
            foreach (var element in document.All)
            {
                Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
                foreach (var name in new[] { "href", "src", "action", "formaction", "data", "srcset" })
                {
                    var value = SiteGen.Common.Whitespace.Collapse(element.GetAttribute(name) ?? "").Replace(" ", "").ToLowerInvariant();
                    Assert.False(value.StartsWith("javascript:") || value.StartsWith("data:") || value.StartsWith("vbscript:"), $"{file}: <{element.LocalName} {name}=\"{value}\">");
                }
            }
            Assert.Empty(document.QuerySelectorAll("iframe, object, embed, frame, applet"));
            Assert.DoesNotContain(document.QuerySelectorAll("script"), s => s.TextContent.Contains("alert", StringComparison.Ordinal));
            if (document.QuerySelector(".article-body") is { } body)
            {
                Assert.Empty(body.QuerySelectorAll("script, style, svg"));
                // Only our own KaTeX writes style attributes.
                Assert.DoesNotContain(body.QuerySelectorAll("*"), e => e.HasAttribute("style") && e.Closest(".katex") is null);
            }
        }

        var hostile = ImportTestKit.Parse(site.Html(SlugOf("脚本与事件"))).QuerySelector(".article-body")!;
        Assert.Contains("危险链接的文字", hostile.TextContent);
        Assert.Empty(hostile.QuerySelectorAll("a"));
        Assert.Equal("https://img.example.net/x.png", hostile.QuerySelector("img")?.GetAttribute("src"));

        // Escaped markup stays text, decoded exactly once per layer (XML, then HTML).
        var escaped = ImportTestKit.Parse(site.Html(SlugOf("转义过的标记只解码一次"))).QuerySelector(".article-body")!;
        Assert.Equal("<script>alert(4)</script> 是文字;&lt; 显示为 <;*星号* _下划线_ [方括号](javascript:alert(5)) $美元$ # 井号 都原样显示。", escaped.TextContent.Trim());
        Assert.Empty(escaped.QuerySelectorAll("script, a, em, strong, .katex, h1"));
    }

    [Fact]
    public void EveryEntrysTextIsInExactlyOnePage()
    {
        var pages = Directory.GetFiles(site.Config.ContentDir, "*.md")
            .ToDictionary(f => Path.GetFileName(f), f => PageText(File.ReadAllText(f)));
        foreach (var entry in site.Entries)
        {
            var title = entry.Item?.Title;
            var body = title is not null && entry.Text.StartsWith(title + "\n", StringComparison.Ordinal) ? entry.Text[(title.Length + 1)..] : entry.Text;
            var wanted = ImportTestKit.Squash(body);
            var holders = pages.Where(p => p.Value.Contains(wanted, StringComparison.Ordinal)).Select(p => p.Key).ToList();
            Assert.True(holders.Count == 1, $"{entry.Feed}:{entry.Line} is in {holders.Count} pages: {wanted}");
            if (title is not null)
            {
                Assert.Contains(ImportTestKit.Squash(title), pages[holders[0]]);
            }
        }
    }

    [Fact]
    public void WarningsNameTheFileAndTheItemsLine()
    {
        var import = site.Result.Diagnostics.Where(d => d.Code.StartsWith("SG01", StringComparison.Ordinal));
        Golden.AssertMatches("Import/Syndication/expected-diagnostics.txt", string.Join("\n", site.Printed(import)) + "\n");
        Assert.DoesNotContain(site.Result.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void SecondImportChangesNoByteAndKeepsAnEditedItemPage()
    {
        var before = Snapshot(site.Config.ContentDir);
        var bag = new DiagnosticBag();
        var again = ImportFeeds.Run(site.Config, bag, new FixedClock(SyndicationFixture.Today.AddDays(30)));
        Assert.Equal((0, 0), (again.PagesCreated, again.PagesUpdated));
        var after = Snapshot(site.Config.ContentDir);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, kv => Assert.Equal(kv.Value, after[kv.Key]));

        using var copy = new TempDir();
        var config = site.Config with { ContentDir = copy.Combine("content") };
        ImportFeeds.Run(config, new DiagnosticBag(), new FixedClock(SyndicationFixture.Today));
        var path = Path.Combine(config.ContentDir, "lora.md");
        var edited = File.ReadAllText(path).Replace("低秩分解", "低秩分解(手改)", StringComparison.Ordinal);
        File.WriteAllText(path, edited);
        var third = ImportFeeds.Run(config, new DiagnosticBag(), new FixedClock(SyndicationFixture.Today.AddDays(1)));
        Assert.Equal(1, third.PagesKeptEdited);
        Assert.Equal(edited, File.ReadAllText(path));
    }

    private string SlugOf(string title) =>
        Path.GetFileNameWithoutExtension(Directory.GetFiles(site.Config.ContentDir, "*.md")
            .Single(f => File.ReadAllText(f).Contains($"\ntitle: \"{title}\"\n", StringComparison.Ordinal)));

    private static Dictionary<string, byte[]> Snapshot(string dir) =>
        Directory.GetFiles(dir).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

    /// <summary>The page's title and its rendered body as squashed text, image alt texts included.</summary>
    private static string PageText(string page)
    {
        var text = new StringBuilder();
        var title = ImportTestKit.FrontMatterOf(page).Split('\n').First(l => l.StartsWith("title: ", StringComparison.Ordinal))[7..];
        text.Append(new YamlDotNet.Serialization.Deserializer().Deserialize<string>(title));
        Append(ImportTestKit.Parse(ImportTestKit.Html(ImportTestKit.BodyOf(page))).Body!, text);
        return ImportTestKit.Squash(text.ToString());
    }

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t: text.Append(t.Data); break;
                case IElement { LocalName: "img" } img: text.Append(img.GetAttribute("alt")); break;
                default: Append(child, text); break;
            }
        }
    }
}
