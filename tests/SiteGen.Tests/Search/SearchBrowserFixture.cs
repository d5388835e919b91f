using AngleSharp.Html.Parser;
using Microsoft.Playwright;
using SiteGen.Build;
using SiteGen.Config;
using SiteGen.Search;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Search;

/// <summary>
/// The real seeds site, imported and built by <see cref="SiteBuilder"/> with the repository's templates
/// (plus pages that test escaping, TeX and long articles), served from a sub-path on loopback and
/// open in Debian's headless Chromium. Never downloads a browser: a missing Chromium fails the tests.
/// </summary>
public sealed class SearchBrowserFixture : IAsyncLifetime
{
    public const string HostileTitle = "<img src=x onerror=\"window.__pwned=1\">转义测试";

    /// <summary>The site's <c>search.synonyms</c>: 归一化流 is another translation of normalizing flow, which the seeds call 标准化流.</summary>
    public static readonly Dictionary<string, IReadOnlyList<string>> Synonyms = new()
    {
        ["归一化流"] = ["标准化流"],
        ["nf"] = ["normalizing flow"],
    };

    private readonly TempDir _work = new();
    private IPlaywright? _playwright;

    public string SiteDir => _work.Combine("site");

    public IReadOnlyList<SearchDocument> Documents { get; private set; } = [];

    public LoopbackServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _work.Write("content/hostile.md",
            "---\ntitle: \"" + HostileTitle.Replace("\"", "\\\"") + "\"\nslug: hostile\ntags: [安全]\n---\n" +
            "<script>window.__pwned=2</script> 转义测试 的正文 <b>粗体</b>\n");
        _work.Write("content/katex.md", "---\ntitle: KaTeX 公式测试\nslug: katex\n---\n## 定义\n\n输出为 $\\mathrm{softmax}(\\vartheta)$ 的结果\n");
        _work.Write("content/traditional.md",
            "---\ntitle: 繁體測試：價值疊代\nslug: traditional\n---\n## 動態規劃\n\n策略疊代與價值疊代都屬於動態規劃方法。\n");
        _work.Write("content/long.md",
            "---\ntitle: 长文测试\nslug: long\n---\n" + string.Concat(Enumerable.Repeat("填充", 2600)) + "\n\n## 后面\n\n独有 zyxwvut 词\n");
        var config = new SiteConfig
        {
            SeedsDir = RepoPaths.Seeds,
            ContentDir = _work.Combine("content"),
            TemplatesDir = RepoPaths.Templates,
            OutputDir = SiteDir,
            CacheDir = _work.Combine("cache"),
            BaseUrl = "/docs/",
            SearchSynonyms = Synonyms,
        };
        var result = new SiteBuilder(TimeProvider.System).Build(config);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Documents = BuiltDocuments(SiteDir);
        Server = new LoopbackServer(SiteDir);
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        Server.Dispose();
        _work.Dispose();
    }

    public string FileUrl(string relative) => new Uri(Path.Combine(SiteDir, relative)).AbsoluteUri;

    /// <summary>What the index was built from, read back from the built article pages.</summary>
    private static List<SearchDocument> BuiltDocuments(string siteDir)
    {
        var parser = new HtmlParser();
        return Directory.GetDirectories(Path.Combine(siteDir, "articles")).Select(dir =>
        {
            var document = parser.ParseDocument(File.ReadAllText(Path.Combine(dir, "index.html")));
            var title = document.QuerySelector("article h1")!.TextContent;
            var body = document.QuerySelector(".article-body")!.InnerHtml;
            return new SearchDocument($"articles/{Path.GetFileName(dir)}/", title, body, []);
        }).ToList();
    }
}

[CollectionDefinition(Name)]
public sealed class SearchBrowserCollection : ICollectionFixture<SearchBrowserFixture>
{
    public const string Name = "Search browser";
}
