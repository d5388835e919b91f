using SiteGen.Build;
using SiteGen.Config;
using SiteGen.Diagnostics;
using SiteGen.Tests.Import;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Publish;

/// <summary>
/// Whole-site goldens with the built-in theme: each <c>TestFiles/Templates/&lt;case&gt;/</c> holds <c>seeds/</c> and a
/// <c>sitegen.yml</c> (page size 2, so the home page and a tag have further pages); the site built from them with a
/// fixed clock must equal <c>expected/</c> file for file (every page kind, the feeds, the sitemap; assets and search
/// shards are left out). <c>SITEGEN_UPDATE_GOLDENS=1</c> rewrites <c>expected/</c>.
/// </summary>
public sealed class ThemeGoldenTests
{
    private static string CaseDir(string name) => Path.Combine(RepoPaths.Root, "tests", "SiteGen.Tests", "TestFiles", "Templates", name);

    public static TheoryData<string> Cases() => new(Directory.EnumerateDirectories(Path.Combine(RepoPaths.Root, "tests", "SiteGen.Tests", "TestFiles", "Templates"))
        .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Cases))]
    public void SiteMatchesGolden(string name)
    {
        using var work = new TempDir();
        var actual = Build(CaseDir(name), work);
        var expectedDir = Path.Combine(CaseDir(name), "expected");
        if (Environment.GetEnvironmentVariable("SITEGEN_UPDATE_GOLDENS") == "1")
        {
            if (Directory.Exists(expectedDir))
            {
                Directory.Delete(expectedDir, recursive: true);
            }

            foreach (var (path, text) in actual)
            {
                var target = Path.Combine(expectedDir, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, text);
            }
        }

        Assert.True(Directory.Exists(expectedDir), $"{expectedDir} is missing; run with SITEGEN_UPDATE_GOLDENS=1 to create it");
        var expected = Files(expectedDir);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, text) in expected)
        {
            Assert.True(text == actual[path], $"{path} differs from its golden:\n{FirstDifference(text, actual[path])}");
        }
    }

    [Fact]
    public void HostileFeedTextIsOnlyEverText()
    {
        using var work = new TempDir();
        var site = Build(CaseDir("hostile"), work);
        foreach (var (path, text) in site.Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal)))
        {
            // The theme's own inline script is the only script element; feed and config text never become markup.
            Assert.Equal(1, Count(text, "<script>"));
            Assert.DoesNotContain("<img", text);
            Assert.DoesNotContain("<b>站点", text);
            Assert.DoesNotContain("<i>注入", text);
            Assert.DoesNotContain("{{ 1+1 }}".Replace("1+1", "2"), text);
            Assert.DoesNotContain(">2 模板注入", text);
            Assert.DoesNotContain("href=\"javascript:", text);
        }

        // Template syntax in feed text reaches no template: it is shown as it was written.
        Assert.Contains(site.Values, page => page.Contains("<h1>{{ 1+1 }} 模板注入", StringComparison.Ordinal));
        Assert.Contains(site.Values, page => page.Contains("<p>{{ 1+1 }} 模板注入 {{ page.title }}", StringComparison.Ordinal));
        Assert.Contains("&lt;script&gt;alert(&quot;feed&quot;)&lt;/script&gt;", string.Concat(site.Values));
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;", string.Concat(site.Values));
    }

    [Fact]
    public void TagPagesArePaginatedLikeTheHomePage()
    {
        using var work = new TempDir();
        // page_size 2; the tag has 3 articles. Build() also asserts that the link check found nothing.
        var site = Build(CaseDir("hostile"), work);
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        var first = parser.ParseDocument(site["tags/i-注入-i/index.html"]);
        var second = parser.ParseDocument(site["tags/i-注入-i/page/2/index.html"]);
        Assert.Equal(2, first.QuerySelectorAll(".card").Length);
        Assert.Single(second.QuerySelectorAll(".card"));
        Assert.Equal("../../tags/i-%E6%B3%A8%E5%85%A5-i/page/2/", first.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href"));
        Assert.Null(first.QuerySelector(".pagination a[rel=prev]"));
        Assert.Equal("../../../../tags/i-%E6%B3%A8%E5%85%A5-i/", second.QuerySelector(".pagination a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("../../../../", second.QuerySelector("meta[name=sitegen-root]")!.GetAttribute("content"));
        Assert.Contains("第 2 / 2 页", second.QuerySelector(".pagination")!.TextContent);
        Assert.Equal("https://example.org/docs/tags/i-%E6%B3%A8%E5%85%A5-i/page/2/", second.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Contains("<loc>https://example.org/docs/tags/i-%E6%B3%A8%E5%85%A5-i/page/2/</loc>", site["sitemap.xml"]);
        Assert.Contains("<loc>https://example.org/docs/page/3/</loc>", site["sitemap.xml"]);
        Assert.False(site.ContainsKey("tags/生成模型/page/2/index.html"));
    }

    [Theory]
    [InlineData("english", ">Subscribe</a>")]
    [InlineData("english-feeds", ">Feed</a>")]
    public void EnglishSiteHasNoChineseThemeWords(string name, string feedLink)
    {
        using var work = new TempDir();
        var site = Build(CaseDir(name), work);
        foreach (var (path, text) in site.Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal)))
        {
            Assert.Contains("<html lang=\"en\">", text);
            Assert.False(text.Any(c => c is >= '\u3000' and <= '\u9fff' or >= '\uff00' and <= '\uffef'), $"{path} has CJK text or punctuation from the theme");
            Assert.Contains(feedLink, text);
        }
    }

    [Fact]
    public void FeedItemPagesShowTheAuthorTheOriginalAndTheItemNumber()
    {
        using var work = new TempDir();
        var site = Build(CaseDir("english-feeds"), work);
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        var flows = parser.ParseDocument(site["articles/normalizing-flows-in-one-page/index.html"]);
        Assert.Equal("Ada \"Flow\" Lovelace & co", flows.QuerySelector(".article-meta .author")?.TextContent);
        var original = flows.QuerySelector(".article-footer .original");
        Assert.Equal("Original: https://blog.example.com/posts/flows?ref=rss&lang=en", original?.TextContent);
        Assert.Equal("https://blog.example.com/posts/flows?ref=rss&lang=en", original?.QuerySelector("a")?.GetAttribute("href"));
        Assert.Equal("nofollow noopener noreferrer", original?.QuerySelector("a")?.GetAttribute("rel"));
        Assert.Equal("010-blog.xml line 7 (item 1)", flows.QuerySelector(".sources li")?.TextContent);

        // An item without a link or an author shows neither: no empty line, no dangling separator.
        var lora = parser.ParseDocument(site["articles/notes-on-lora/index.html"]);
        Assert.Null(lora.QuerySelector(".original"));
        Assert.Null(lora.QuerySelector(".author"));
        Assert.Equal("010-blog.xml line 16 (item 2)", lora.QuerySelector(".sources li")?.TextContent);
    }

    /// <summary>Builds a case folder (its seeds and sitegen.yml) and returns the site's text files by path.</summary>
    internal static Dictionary<string, string> Build(string caseDir, TempDir work)
    {
        var diagnostics = new DiagnosticBag();
        var config = new LoadConfig().Run(Path.Combine(caseDir, "sitegen.yml"), new SiteConfig(), diagnostics) with
        {
            SeedsDir = Path.Combine(caseDir, "seeds"),
            ContentDir = work.Combine("content"),
            TemplatesDir = work.Combine("no-templates"),
            OutputDir = work.Combine("site"),
            CacheDir = work.Combine("cache"),
            BaseUrl = "https://example.org/docs/",
        };
        Assert.Empty(diagnostics.Snapshot());
        var result = new SiteBuilder(new FixedClock(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero))).Build(config);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        return Files(config.OutputDir)
            .Where(f => !f.Key.StartsWith("assets/", StringComparison.Ordinal) && !f.Key.StartsWith("search/d/", StringComparison.Ordinal)
                        && f.Key.Contains('.', StringComparison.Ordinal) && !f.Key.EndsWith(".js", StringComparison.Ordinal))
            .ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
    }

    private static Dictionary<string, string> Files(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f).Replace('\\', '/'), f => File.ReadAllText(f).ReplaceLineEndings("\n"), StringComparer.Ordinal);

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static string FirstDifference(string expected, string actual)
    {
        var at = 0;
        while (at < expected.Length && at < actual.Length && expected[at] == actual[at])
        {
            at++;
        }

        var from = Math.Max(0, at - 80);
        return $"expected: …{expected[from..Math.Min(expected.Length, at + 80)]}…\nactual:   …{actual[from..Math.Min(actual.Length, at + 80)]}…";
    }
}
