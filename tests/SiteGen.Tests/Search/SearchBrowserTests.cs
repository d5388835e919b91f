using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace SiteGen.Tests.Search;

[Collection(SearchBrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SearchBrowserTests(SearchBrowserFixture site, ITestOutputHelper output)
{
    /// <summary>Query, and text that only the article that must come first contains.</summary>
    public static TheoryData<string, string> SeedQueries => new()
    {
        { "标准化流", "Normalizing flow(标准化流)" },
        { "重参数", "文章从连续情形出发开始介绍重参数" },
        { "LoRA", "LoRA(LowRank" },
        { "蒙特卡洛", "蒙特卡洛方法是强化学习中的重要算法类别" },
        { "度学习", "深度学习偏置的作用" },
        { "ｌｏｒａ", "LoRA(LowRank" },
    };

    private string ExpectedUrl(string marker) => site.Documents
        .Single(d => d.Title.Contains(marker, StringComparison.Ordinal) || d.BodyHtml.Contains(marker, StringComparison.Ordinal)).Url;

    private async Task<IPage> OpenAsync(string url)
    {
        var page = await site.Browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(url);
        return page;
    }

    private static async Task<string[]> ResultLinksAsync(IPage page)
    {
        await page.WaitForSelectorAsync("[data-search-done]", new() { Timeout = 10_000 });
        return (await page.Locator("[data-search-page] [data-search-result]").EvaluateAllAsync<string[]>(
            "els => els.map(e => e.getAttribute('data-search-result'))"));
    }

    [Theory]
    [MemberData(nameof(SeedQueries))]
    public async Task SearchPageUnderASubPathPutsTheRightArticleFirst(string query, string titlePart)
    {
        var page = await OpenAsync(site.Server.BaseUrl + "search/?q=" + Uri.EscapeDataString(query));
        var links = await ResultLinksAsync(page);
        Assert.NotEmpty(links);
        Assert.StartsWith("../" + ExpectedUrl(titlePart), links[0]);
        // The link must resolve under the sub-path, not at the server root.
        var href = await page.Locator("[data-search-page] [data-search-result] a").First.EvaluateAsync<string>("a => a.href");
        Assert.StartsWith(site.Server.BaseUrl + ExpectedUrl(titlePart), href);
        await page.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(SeedQueries))]
    public async Task SearchPageFromDiskPutsTheRightArticleFirstAndLinksToIndexHtml(string query, string titlePart)
    {
        var page = await OpenAsync(site.FileUrl("search/index.html") + "?q=" + Uri.EscapeDataString(query));
        var links = await ResultLinksAsync(page);
        Assert.NotEmpty(links);
        Assert.StartsWith("../" + ExpectedUrl(titlePart) + "index.html", links[0]);
        await page.CloseAsync();
    }

    [Fact]
    public async Task ResultLinksToTheHeadingAndHighlightsTheMatch()
    {
        var page = await OpenAsync(site.Server.BaseUrl + "search/?q=LoRA");
        var links = await ResultLinksAsync(page);
        // The LoRA article's match sits under one of its recovered section headings: the link goes there.
        Assert.Contains("#", links[0]);
        var (path, anchor) = (links[0][..links[0].IndexOf('#')], Uri.UnescapeDataString(links[0][(links[0].IndexOf('#') + 1)..]));
        Assert.StartsWith("../" + ExpectedUrl("LoRA(LowRank"), path);
        var target = File.ReadAllText(Path.Combine(site.SiteDir, ExpectedUrl("LoRA(LowRank"), "index.html"));
        Assert.Matches($"<h[2-6] id=\"{System.Text.RegularExpressions.Regex.Escape(anchor)}\"", target);
        var marks = await page.Locator("[data-search-page] .sg-result").First.Locator("mark").AllTextContentsAsync();
        Assert.Contains(marks, m => m.Equals("LoRA", StringComparison.OrdinalIgnoreCase));
        await page.CloseAsync();
    }

    [Fact]
    public async Task TypingOnTheSearchPageSearchesAPrefixAndUpdatesTheUrl()
    {
        var page = await OpenAsync(site.Server.BaseUrl + "search/");
        await page.WaitForSelectorAsync("[data-search-done]");
        await page.FillAsync("#sg-search-page-input", "Normali");
        await page.WaitForSelectorAsync("[data-search-done='Normali']");
        var first = await page.Locator("[data-search-page] .sg-result").First.InnerTextAsync();
        Assert.Contains("normali", first, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("?q=Normali", page.Url);
        await page.CloseAsync();
    }

    [Fact]
    public async Task ChineseHighlightCoversTheWholeQuery()
    {
        var page = await OpenAsync(site.Server.BaseUrl + "search/?q=" + Uri.EscapeDataString("标准化流"));
        await ResultLinksAsync(page);
        var marks = await page.Locator("[data-search-page] .sg-result-snippet").First.Locator("mark").AllTextContentsAsync();
        Assert.Contains("标准化流", marks);
        await page.CloseAsync();
    }

    [Theory]
    [InlineData("\\vartheta")]
    [InlineData("vartheta")]
    public async Task TexSourceOfKatexFormulasIsSearchable(string query)
    {
        var page = await OpenAsync(site.Server.BaseUrl + "search/?q=" + Uri.EscapeDataString(query));
        var links = await ResultLinksAsync(page);
        Assert.StartsWith("../articles/katex/#", links[0]);
        await page.CloseAsync();
    }

    [Fact]
    public async Task MatchPastTheStoredTextStillLinksToItsHeading()
    {
        var page = await OpenAsync(site.Server.BaseUrl + "search/?q=zyxwvut");
        var links = await ResultLinksAsync(page);
        Assert.Equal("../articles/long/#" + Uri.EscapeDataString("后面"), links[0]);
        await page.CloseAsync();
    }

    [Fact]
    public async Task KatexGlyphsAreNotSearchable()
    {
        var page = await OpenAsync(site.Server.BaseUrl + "search/?q=glyphonly");
        Assert.Empty(await ResultLinksAsync(page));
        await page.CloseAsync();
    }

    [Fact]
    public async Task IndexTextIsNeverParsedAsMarkup()
    {
        var page = await OpenAsync(site.Server.BaseUrl + "search/?q=" + Uri.EscapeDataString("转义测试"));
        await ResultLinksAsync(page);
        Assert.Equal(0, await page.Locator("[data-search-page] img, [data-search-page] script, [data-search-page] b").CountAsync());
        var title = await page.Locator("[data-search-page] .sg-result-title").First.TextContentAsync();
        Assert.Equal(SearchBrowserFixture.HostileTitle, title);
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
        await page.CloseAsync();
    }

    [Fact]
    public async Task SlashFocusesTheBoxArrowsMoveAndEnterOpens()
    {
        var page = await OpenAsync(site.Server.BaseUrl + ExpectedUrl("LoRA(LowRank"));
        await page.Keyboard.PressAsync("/");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.id === 'sg-search-input'"));
        await page.Keyboard.TypeAsync("重参数");
        await page.WaitForSelectorAsync("#sg-search-dropdown [data-search-result]", new() { Timeout = 10_000 });
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal(1, await page.Locator("#sg-search-dropdown .sg-active").CountAsync());
        await page.Keyboard.PressAsync("Enter");
        // Only where Enter went matters, not every font of the next page: poll the URL.
        var expected = site.Server.BaseUrl + ExpectedUrl("文章从连续情形出发开始介绍重参数");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!page.Url.StartsWith(expected, StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.StartsWith(expected, page.Url);
        await page.CloseAsync();
    }

    [Fact]
    public async Task PlainFormSubmitGoesToTheSearchPage()
    {
        var page = await OpenAsync(site.FileUrl("index.html"));
        await page.FillAsync("#sg-search-input", "蒙特卡洛");
        await page.Keyboard.PressAsync("Enter");
        string[] links;
        try
        {
            links = await ResultLinksAsync(page);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"no results after Enter; page is at {page.Url}", e);
        }

        Assert.Contains("/search/index.html?q=", page.Url);
        Assert.StartsWith("../" + ExpectedUrl("蒙特卡洛方法是强化学习中的重要算法类别"), links[0]);
        await page.CloseAsync();
    }

    [Fact]
    public async Task JavaScriptTokenizerMatchesTheSharedVectors()
    {
        var vectors = JsonNode.Parse(File.ReadAllText(SearchTokenizerTests.VectorsPath(source: false)))!.AsArray();
        var page = await OpenAsync(site.FileUrl("index.html"));
        await page.WaitForFunctionAsync("() => window.SiteGenSearch");
        var inputs = vectors.Select(v => v!["input"]!.GetValue<string>()).ToArray();
        var actual = await page.EvaluateAsync<JsonElement>(
            "inputs => inputs.map(s => SiteGenSearch.tokenize(s, 0).tokens.map(t => [t.t, t.p, t.k]))", inputs);
        for (var i = 0; i < inputs.Length; i++)
        {
            Assert.Equal(vectors[i]!["tokens"]!.ToJsonString(), JsonNode.Parse(actual[i].GetRawText())!.ToJsonString());
        }

        await page.CloseAsync();
    }

    [Fact]
    public async Task JavaScriptShardsMatchTheCSharpShards()
    {
        var page = await OpenAsync(site.FileUrl("index.html"));
        await page.WaitForFunctionAsync("() => window.SiteGenSearch");
        string[] terms = ["normaliz", "no", "\\theta", "标准", "𠀀𠀁", "a800"];
        var js = await page.EvaluateAsync<int[]>("ts => ts.map(t => SiteGenSearch.shardOf(t, 97))", terms);
        Assert.Equal(terms.Select(t => SiteGen.Search.ShardKey.Shard(t, 97)).ToArray(), js);
        await page.CloseAsync();
    }

    [Fact]
    public async Task NoScriptPageExplainsSearchNeedsJavaScript()
    {
        var context = await site.Browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Server.BaseUrl + "search/?q=LoRA");
        Assert.Contains("JavaScript", await page.Locator("main").InnerTextAsync());
        await context.CloseAsync();
    }

    [Fact]
    public async Task QueryAnswersQuicklyOnceShardsAreLoaded()
    {
        foreach (var query in new[] { "标准化流", "重参数", "LoRA", "蒙特卡洛", "深度学习 神经网络", "diffusion model" })
        {
            var page = await OpenAsync(site.Server.BaseUrl + "search/");
            await page.WaitForFunctionAsync("() => window.SiteGenSearch");
            site.Server.ResetCounts();
            var ms = await page.EvaluateAsync<double>(SearchLatency.Script, query);
            var bytes = site.Server.Served.Sum(s => s.Bytes);
            output.WriteLine($"seeds: '{query}': {bytes / 1024.0:F1} kB in {site.Server.Served.Count} files, {ms:F2} ms after load");
            Assert.True(ms < 200, $"'{query}' took {ms} ms");
            await page.CloseAsync();
        }
    }
}

/// <summary>Times a query in the page after its index files are loaded (decoding and ranking included).</summary>
public static class SearchLatency
{
    public const string Script = """
        async q => {
          await SiteGenSearch.query(q, 10, 0);
          let best = Infinity;
          for (let i = 0; i < 5; i++) {
            SiteGenSearch.clearDecoded();
            const t0 = performance.now();
            await SiteGenSearch.query(q, 10, 0);
            best = Math.min(best, performance.now() - t0);
          }
          return best;
        }
        """;
}
