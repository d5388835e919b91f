using System.Text;
using SiteGen.Diagnostics;
using SiteGen.Import;
using SiteGen.Import.Syndication;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Import.Syndication;

/// <summary>The readers one format at a time: what is read from each, dates, URLs, and the link/guid evidence.</summary>
public sealed class FeedReaderTests
{
    private static (IReadOnlyList<FeedEntry> Entries, IReadOnlyList<Diagnostic> Diagnostics) Read(string name, string text)
    {
        using var dir = new TempDir();
        dir.Write(name, text);
        var bag = new DiagnosticBag();
        var batch = new ReadFeeds().Read(dir.Path, bag);
        return (batch.Entries, bag.Snapshot());
    }

    [Fact]
    public void RssItemKeepsItsFieldsAndItsLine()
    {
        var (entries, diagnostics) = Read("a.xml", """
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><link>https://ex.org/</link>
            <item><title>First</title><link>posts/1</link><guid>https://ex.org/p/1</guid><pubDate>Sat, 06 Apr 2024 09:00:00 PDT</pubDate>
            <dc:creator>Ann</dc:creator><category>ML</category><description>&lt;p&gt;Hello &lt;b&gt;world&lt;/b&gt;&lt;/p&gt;</description></item>
            </channel></rss>
            """);
        Assert.Empty(diagnostics);
        var entry = Assert.Single(entries);
        Assert.Equal((2, "First\nHello world"), (entry.Line, entry.Text));
        var item = entry.Item!;
        Assert.Equal((FeedFormat.Rss, 1, "First", "https://ex.org/posts/1", "https://ex.org/p/1", "Ann"), (item.Format, item.Position, item.Title, item.Link, item.Guid, item.Author));
        Assert.Equal(["ML"], item.Categories);
        Assert.Equal(new DateTimeOffset(2024, 4, 6, 9, 0, 0, TimeSpan.FromHours(-7)), item.Date);
        Assert.Equal("Hello **world**\n", item.Markdown);
    }

    [Fact]
    public void AtomTextHtmlAndXhtmlContentAreEachReadOnce()
    {
        var (entries, _) = Read("a.xml", """
            <feed xmlns="http://www.w3.org/2005/Atom">
            <entry><title>t</title><id>1</id><updated>2024-01-01T00:00:00Z</updated><content type="text">a &lt;b&gt; c &amp;amp;</content></entry>
            <entry><title>h</title><id>2</id><updated>2024-01-01T00:00:00Z</updated><content type="html">a &lt;b&gt;bold&lt;/b&gt; &amp;amp;amp;</content></entry>
            <entry><title>x</title><id>3</id><updated>2024-01-01T00:00:00Z</updated><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">a <b>bold</b> &amp;amp;</div></content></entry>
            <entry><title>s</title><id>4</id><updated>2024-01-01T00:00:00Z</updated><summary>only a summary</summary><content src="https://ex.org/x"/></entry>
            </feed>
            """);
        Assert.Equal(["t\na <b> c &amp;", "h\na bold &amp;", "x\na bold &amp;", "s\nonly a summary"], entries.Select(e => e.Text));
        Assert.Equal("a \\<b\\> c \\&amp;\n", entries[0].Item!.Markdown);
        Assert.Equal("a **bold** \\&amp;\n", entries[1].Item!.Markdown);
        Assert.Equal(entries[1].Item!.Markdown, entries[2].Item!.Markdown);
    }

    [Fact]
    public void JsonFeedOneAndOneOneAreRead()
    {
        var (entries, diagnostics) = Read("f.json", """
            {"version": "https://jsonfeed.org/version/1", "home_page_url": "https://ex.org/",
             "items": [
               {"id": 7, "url": "/p/7", "title": "Seven", "content_html": "<p>x <code>y</code></p>", "date_published": "2024-02-03T04:05:06+01:00", "author": {"name": "Old"}},
               {"id": "8", "content_text": "no title here", "authors": [{"name": "A"}, {"name": "B"}], "tags": ["t1", "t2"]}
             ]}
            """);
        Assert.Empty(diagnostics);
        Assert.Equal(["Seven\nx y", "no title here"], entries.Select(e => e.Text));
        Assert.Equal(("7", "https://ex.org/p/7", "Old"), (entries[0].Item!.Guid, entries[0].Item!.Link, entries[0].Item!.Author));
        Assert.Equal(("A, B", null), (entries[1].Item!.Author, entries[1].Item!.Title));
        Assert.Equal(["t1", "t2"], entries[1].Item!.Categories);
        Assert.Equal((3, 4), (entries[0].Line, entries[1].Line));
    }

    [Fact]
    public void AFileThatIsNotAFeedIsOneWarningAndNoEntries()
    {
        foreach (var (name, text) in new[] { ("x.json", "[1, 2]"), ("y.json", "{\"items\": []}"), ("s.xml", "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"/>"), ("r.xml", "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>") })
        {
            var (entries, diagnostics) = Read(name, text);
            Assert.Empty(entries);
            var warning = Assert.Single(diagnostics);
            Assert.Equal(("SG0132", 1), (warning.Code, warning.Line));
        }
    }

    [Fact]
    public void ABadDateKeepsTheItemWithAWarning()
    {
        var (entries, diagnostics) = Read("a.xml", "<rss version=\"2.0\"><channel>\n<item><title>T</title><pubDate>31 Feb 2024</pubDate></item></channel></rss>");
        Assert.Null(Assert.Single(entries).Item!.Date);
        Assert.Equal(("SG0134", 2, 1), (diagnostics[0].Code, diagnostics[0].Line, diagnostics[0].Column));
    }

    [Fact]
    public void AnUnsupportedEncodingDeclarationAndLatin1AreHandled()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(Path.Combine(dir.Path, "l.xml"), Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><item><title>café</title></item></channel></rss>"));
        var bag = new DiagnosticBag();
        var entry = Assert.Single(new ReadFeeds().Read(dir.Path, bag).Entries);
        Assert.Equal("café", entry.Item!.Title);
        Assert.Empty(bag.Snapshot());
    }

    [Theory]
    [InlineData("Mon, 01 Apr 2024 23:30:00 -0800", "2024-04-01T23:30:00-08:00")]
    [InlineData("Mon, 1 Apr 2024 23:30 EST", "2024-04-01T23:30:00-05:00")]
    [InlineData("01 Apr 24 10:00:00 Z", "2024-04-01T10:00:00+00:00")]
    [InlineData("2024-04-01T10:00:00+08:00", "2024-04-01T10:00:00+08:00")]
    [InlineData("2024-04-01T10:00:00.123Z", "2024-04-01T10:00:00.123+00:00")]
    public void DatesAsFeedsWriteThem(string text, string expected)
    {
        Assert.True(FeedDates.TryParse(text, out var date));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, date.Offset);
    }

    [Theory]
    [InlineData("javascript:alert(1)", null, true)]
    [InlineData(" JaVaScRiPt:alert(1)", null, true)]
    [InlineData("java\tscript:alert(1)", null, true)]
    [InlineData("java\nscript:alert(1)", null, true)]
    [InlineData("\u0001javascript:alert(1)", null, true)]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=", null, true)]
    [InlineData("vbscript:msgbox", null, true)]
    [InlineData("file:///etc/passwd", null, true)]
    [InlineData("ｊavascript:alert(1)", null, true)]
    [InlineData("/a/b?c=1#d", "https://ex.org/a/b?c=1#d", false)]
    [InlineData("//cdn.ex.org/x.png", "https://cdn.ex.org/x.png", false)]
    [InlineData("https://ex.org/\"onmouseover=\"x", "https://ex.org/%22onmouseover=%22x", false)]
    [InlineData("#top", null, false)]
    [InlineData("mailto:a@ex.org", null, true)]
    public void OnlyHttpUrlsAreLinked(string raw, string? expected, bool refused)
    {
        var uri = SafeUrl.Resolve(raw, new Uri("https://ex.org/base/"), allowMailto: false, out var unsafeScheme);
        Assert.Equal(expected, uri?.AbsoluteUri);
        Assert.Equal(refused, unsafeScheme);
    }

    [Fact]
    public void ASharedLinkMergesOnlyWhenTheTextsAgree()
    {
        using var seeds = new TempDir();
        using var content = new TempDir();
        const string body = "标准化流把简单分布逐步变换成复杂分布,每一步都可逆,雅可比行列式容易计算,因此可以精确计算似然。";
        // The RSS item is a rewritten summary (too different for text alone); the Atom entry shares its link.
        seeds.Write("a.xml", $"""
            <rss version="2.0"><channel><link>https://ex.org/</link>
            <item><title>标准化流</title><link>https://ex.org/flow</link><description>标准化流把简单分布逐步变换成复杂分布,每一步都可逆。摘要,详见全文。</description></item>
            <item><title>无关</title><link>https://ex.org/flow</link><description>完全不同的另一篇文章,讲的是强化学习里的时序差分方法和资格迹。</description></item>
            </channel></rss>
            """);
        seeds.Write("b.xml", $"""
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><title>标准化流</title><id>urn:1</id><updated>2024-01-01T00:00:00Z</updated>
            <link href="http://www.ex.org/flow/?utm_source=x"/><content type="html">{body}</content></entry></feed>
            """);
        var result = ImportFeeds.Run(ImportTestKit.Config(seeds.Path, content.Path), new DiagnosticBag(), new FixedClock(ImportTestKit.Today));
        Assert.Equal((3, 2), (result.Entries, result.Articles));
        var merged = Directory.GetFiles(content.Path).Select(File.ReadAllText).Single(p => p.Contains("feed: b.xml", StringComparison.Ordinal));
        Assert.Contains("feed: a.xml\n    line: 2\n    item: 1\n", merged);
        Assert.DoesNotContain("时序差分", merged);
    }

    /// <summary>Every fixture feed cut short or with bytes overwritten (seeded): never an exception, only warnings.</summary>
    [Fact]
    public void DamagedFeedsNeverThrow()
    {
        var random = new Random(14);
        using var dir = new TempDir();
        foreach (var source in Directory.GetFiles(SyndicationFixture.SourceSeeds).Where(f => !f.EndsWith(".txt", StringComparison.Ordinal)))
        {
            var bytes = File.ReadAllBytes(source);
            for (var n = 0; n < 40; n++)
            {
                var damaged = n % 2 == 0 ? bytes[..random.Next(bytes.Length)] : (byte[])bytes.Clone();
                if (n % 2 == 1)
                {
                    for (var k = 0; k < 5; k++)
                    {
                        damaged[random.Next(damaged.Length)] = "<>&\"]\\\u0001{}"u8[random.Next(9)];
                    }
                }
                var path = Path.Combine(dir.Path, "f" + Path.GetExtension(source));
                File.WriteAllBytes(path, damaged);
                var bag = new DiagnosticBag();
                var entries = new ReadFeeds().Read(dir.Path, bag).Entries;
                Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(e.Text)));
                Assert.DoesNotContain(bag.Snapshot(), d => d.Severity == Severity.Error);
                File.Delete(path);
            }
        }
    }

    /// <summary>
    /// Noncharacters (U+FFFE made <c>string.Normalize</c> throw inside dedup) and lone surrogates written as JSON
    /// escapes or XML character references: replaced, each with a located SG0102, and the import completes.
    /// </summary>
    [Fact]
    public void NoncharactersAndLoneSurrogatesInItemsAreReplaced()
    {
        using var seeds = new TempDir();
        using var content = new TempDir();
        seeds.Write("a.json", """
            {"version": "https://jsonfeed.org/version/1.1", "items": [
              {"id": "1", "title": "非字符 \uFFFE 标题", "content_text": "正文里有 \uFDD0 和 \uDBFF\uDFFF 两个非字符,这一条应当照常导入。"},
              {"id": "2\uDC00", "\uD800name": 1, "tags": ["\uDFFF"], "title": "孤立代理", "content_text": "这里有一个孤立的代理项 \uD800 ,它也不是文本,但这一条同样应当导入。"},
              {"id": "3", "title": "实体", "content_html": "<p>HTML 实体 &#xFFFE; 和 &#x1; 解码后都不是文本,这一条也应当导入。</p>"}
            ]}
            """);
        seeds.Write("b.xml", "<rss version=\"2.0\"><channel>\n<item><title>XML 非字符 &#xFDD0;</title><description>&lt;p&gt;这里的 HTML 实体 &amp;#xFDD1; 解码后不是文本,导入时换成替换字符。&lt;/p&gt;</description></item></channel></rss>");
        var bag = new DiagnosticBag();
        var result = ImportFeeds.Run(ImportTestKit.Config(seeds.Path, content.Path), bag, new FixedClock(ImportTestKit.Today));

        Assert.Equal(4, result.Articles);
        var replaced = bag.Snapshot().Where(d => d.Code == "SG0102").ToList();
        Assert.Equal([("a.json", 2), ("a.json", 3), ("a.json", 4), ("b.xml", 2)], replaced.Select(d => (Path.GetFileName(d.File), d.Line)).Distinct());
        Assert.Contains(replaced, d => d.Message.Contains("item 1: noncharacter U+FDD0", StringComparison.Ordinal));
        Assert.Equal((3, 12), replaced.Where(d => d.Message.Contains("4 escape(s) of a lone surrogate", StringComparison.Ordinal)).Select(d => (d.Line, d.Column)).Single());
        Assert.Contains(replaced, d => d.Message.Contains("reference decodes to noncharacter U+FFFE", StringComparison.Ordinal));
        Assert.Contains(replaced, d => d.Message.Contains("reference decodes to noncharacter U+FDD1", StringComparison.Ordinal));
        foreach (var page in Directory.GetFiles(content.Path).Select(File.ReadAllText))
        {
            Assert.DoesNotContain(page.EnumerateRunes(), r => r.Value is >= 0xFDD0 and <= 0xFDEF || (r.Value & 0xFFFE) == 0xFFFE);
            Assert.Contains('\uFFFD', page);
            Assert.DoesNotContain(page, char.IsSurrogate);
        }
    }

    [Fact]
    public void AHomePageLinkOnEveryItemMergesNothing()
    {
        using var seeds = new TempDir();
        using var content = new TempDir();
        var items = string.Concat(Enumerable.Range(1, 10).Select(i =>
            $"<item><title>周报 {i}</title><link>https://ex.org/</link><description>本周第 {i} 期:这一期的内容和其他各期都不一样,编号 {i * 7919}。</description></item>"));
        seeds.Write("a.xml", $"<rss version=\"2.0\"><channel>{items}</channel></rss>");
        var result = ImportFeeds.Run(ImportTestKit.Config(seeds.Path, content.Path), new DiagnosticBag(), new FixedClock(ImportTestKit.Today));
        Assert.Equal(10, result.Articles);
    }

    [Fact]
    public void AnItemWhoseBodyNamesItsTitleAfterALabelMergesWithItsTextLine()
    {
        // Found by the 2,000-article benchmark with a tenth of the lines as RSS: the body opens with a section label
        // and then the title, as the text line does; prepending the title again kept 82 truncated items apart.
        using var seeds = new TempDir();
        using var content = new TempDir();
        const string Body = "Transformer919 生成模型的难题就是判断生成分布与真实分布的相似度,因为我们只知道两者的采样结果,不知道它们的分布表达式。"
            + "特征工程是机器学习流程中重要的一个环节,即使是通常用来做端到端学习的深度学习模型在训练之前也免不了要做一些特征工程相关的工作。";
        seeds.Write("a.txt", $"INCOMING TRANSMISSION\n\nLATEST UPDATES\n前言 {Body} 近年来,为了加快训练时间、减少网络训练时候所占用的内存,业界提出越来越多的混合精度训练的方法。\n");
        seeds.Write("b.xml", "<rss version=\"2.0\"><channel><item><title>Transformer919</title><link>https://ex.org/posts/228</link>"
            + $"<description>&lt;p&gt;&lt;strong&gt;前言&lt;/strong&gt; {Body[..80]}...&lt;/p&gt;</description></item></channel></rss>");

        var result = ImportFeeds.Run(ImportTestKit.Config(seeds.Path, content.Path), new DiagnosticBag(), new FixedClock(ImportTestKit.Today));

        Assert.Equal(1, result.Articles);
    }
}
