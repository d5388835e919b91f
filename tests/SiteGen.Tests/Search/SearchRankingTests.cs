using SiteGen.Search;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Search;

/// <summary>
/// Ranking on small hand-made sites, in Chromium: the page with every word of the query, with them
/// near each other or in its title, beats a page with one of them many times.
/// </summary>
[Trait("Category", "Browser")]
public sealed class SearchRankingTests
{
    private static SearchDocument Doc(string slug, string title, string body) => new($"articles/{slug}/", title, body, []);

    private static async Task<string[]> RankAsync(IReadOnlyList<SearchDocument> docs, string query, SearchIndexOptions? options = null)
    {
        using var dir = new TempDir();
        FixtureSite.Write(dir.Path, docs, pages: false, options);
        using var server = new LoopbackServer(dir.Path);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(server.BaseUrl + "search/");
            await page.WaitForFunctionAsync("() => window.SiteGenSearch");
            var urls = await page.EvaluateAsync<string[]>("async q => (await SiteGenSearch.query(q, 10, 0)).results.map(r => r.url)", query);
            await browser.CloseAsync();
            return urls;
        }
    }

    private static string Many(string word, int times) => string.Join(" ", Enumerable.Repeat(word, times));

    [Fact]
    public async Task ThePageWithBothAChineseAndAnEnglishWordBeatsOneWithOneOfThemOften()
    {
        SearchDocument[] docs =
        [
            Doc("chinese-only", "生成模型综述", $"<p>{Many("扩散模型原理很常见。", 30)}</p>"),
            Doc("english-only", "Generative models", $"<p>{Many("diffusion", 30)}</p>"),
            Doc("both", "笔记", "<p>今天读了扩散模型的论文。</p><p>后来又看了 diffusion 的代码，还有别的内容。</p>"),
        ];
        // Every page has every word: only that one is shown.
        Assert.Equal(["articles/both/"], await RankAsync(docs, "扩散模型 diffusion"));
        // No page has both 扩散模型原理 and diffusion: the page with most of each word comes first, not the
        // page with the whole Chinese word thirty times (its five bigrams used to count as five query terms).
        var urls = await RankAsync(docs, "扩散模型原理 diffusion");
        Assert.Equal("articles/both/", urls[0]);
        Assert.Equal(3, urls.Length);
    }

    [Fact]
    public async Task WordsNextToEachOtherAndTitleMatchesRankHigher()
    {
        var docs = new[]
        {
            Doc("apart", "笔记一", "<p>flow 在这里。</p><p>这一段很长很长，讲别的事情，很长很长很长。</p><p>后面才说到 matching。</p>"),
            Doc("adjacent", "笔记二", "<p>这里讲 flow matching 的做法，很长很长很长很长很长很长。</p>"),
            Doc("title", "Flow Matching", "<p>这里讲 flow 和别的东西，还有 matching，很长很长很长很长。</p>"),
        };
        var urls = await RankAsync(docs, "flow matching");
        Assert.Equal(["articles/title/", "articles/adjacent/", "articles/apart/"], urls);
    }

    [Fact]
    public async Task ASynonymFindsItsValuesButOnlyOneWay()
    {
        var docs = new[]
        {
            Doc("linear", "Linear models", "<p>linear regression</p>"),
            Doc("chinese", "代数", "<p>线性代数的内容</p>"),
            Doc("other", "其他", "<p>完全无关的内容</p>"),
        };
        var options = new SearchIndexOptions
        {
            Synonyms = new Dictionary<string, IReadOnlyList<string>> { ["线性"] = ["linear"], ["回归"] = ["regression"] },
        };
        Assert.Equal(["articles/linear/", "articles/chinese/"], await RankAsync(docs, "线性", options));
        // Inside a longer Chinese word each key is split off as a word of its own.
        Assert.Equal(["articles/linear/"], await RankAsync(docs, "线性回归", options));
        Assert.Equal(["articles/linear/"], await RankAsync(docs, "linear", options));
        Assert.Equal(["articles/chinese/"], await RankAsync(docs, "线性", null));
    }
}
