using Microsoft.Playwright;
using SiteGen.Search;

namespace SiteGen.Tests.Search;

/// <summary>
/// The seeds site (plus a document with hostile markup), served from a sub-path on loopback and
/// open in Debian's headless Chromium. Never downloads a browser: a missing Chromium fails the tests.
/// </summary>
public sealed class SearchBrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    public const string HostileTitle = "<img src=x onerror=\"window.__pwned=1\">转义测试";

    private IPlaywright? _playwright;

    public string SiteDir { get; } = Path.Combine(Path.GetTempPath(), "sitegen-search-site-" + Guid.NewGuid().ToString("N"));

    public IReadOnlyList<SearchDocument> Documents { get; private set; } = [];

    public LoopbackServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var docs = SeedCorpus.Seeds().ToList();
        docs.Add(new SearchDocument("articles/hostile/", HostileTitle,
            "<p>&lt;script&gt;window.__pwned=2&lt;/script&gt; 转义测试 的正文 &lt;b&gt;粗体&lt;/b&gt;</p>", ["安全"]));
        docs.Add(new SearchDocument("articles/katex/", "KaTeX 公式测试",
            "<h2 id=\"定义\">定义</h2><p>输出为 <span class=\"katex\"><span class=\"katex-mathml\"><math><semantics><mrow><mi>θ</mi></mrow>" +
            "<annotation encoding=\"application/x-tex\">\\mathrm{softmax}(\\vartheta)</annotation></semantics></math></span>" +
            "<span class=\"katex-html\" aria-hidden=\"true\"><span class=\"mord\">glyphonly</span></span></span> 的结果</p>", []));
        docs.Add(new SearchDocument("articles/long/", "长文测试",
            "<p>" + string.Concat(Enumerable.Repeat("填充", 2600)) + "</p><h2 id=\"后面\">后面</h2><p>独有 zyxwvut 词</p>", []));
        Documents = docs;
        FixtureSite.Write(SiteDir, docs);
        Server = new LoopbackServer(SiteDir);
        Browser = await LaunchAsync();
    }

    public static async Task<(IPlaywright, IBrowser)> LaunchChromiumAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing: browser tests need Debian's chromium (run `bash .ci/install` or `apt-get install -y chromium fonts-noto-cjk`).");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        return (playwright, browser);
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        Server.Dispose();
        Directory.Delete(SiteDir, recursive: true);
    }

    public string FileUrl(string relative) => new Uri(Path.Combine(SiteDir, relative)).AbsoluteUri;

    private async Task<IBrowser> LaunchAsync()
    {
        var (playwright, browser) = await LaunchChromiumAsync();
        _playwright = playwright;
        return browser;
    }
}

[CollectionDefinition(Name)]
public sealed class SearchBrowserCollection : ICollectionFixture<SearchBrowserFixture>
{
    public const string Name = "Search browser";
}
