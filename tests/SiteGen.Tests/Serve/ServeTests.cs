using Xunit.Abstractions;

namespace SiteGen.Tests.Serve;

public sealed class ServeTests(ITestOutputHelper output)
{
    private const string Page = "---\ntitle: 演示页面\nslug: demo\n---\n最初的正文。\n";

    [Fact]
    public async Task ServesUnderBasePathWithReloadScriptOnlyWhenServing()
    {
        await using var site = await ServedSite.StartAsync(("content/demo.md", Page));
        Assert.EndsWith("/docs/", site.Session.Url);
        var html = await site.GetAsync("articles/demo/");
        Assert.Contains("最初的正文", html);
        Assert.Contains("data-sitegen-live-reload", html);
        var built = await File.ReadAllTextAsync(site.Dir.Combine("site", "articles", "demo", "index.html"));
        Assert.DoesNotContain("data-sitegen-live-reload", built);
        var missing = await site.Http.GetAsync(site.Session.Url + "no/such/page/");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task EditedPageIsServedWithinTwoSeconds()
    {
        await using var site = await ServedSite.StartAsync(("content/demo.md", Page));
        await site.GetAsync("articles/demo/");
        await File.WriteAllTextAsync(site.Dir.Combine("content", "demo.md"), Page.Replace("最初的正文", "修改后的正文"));
        var took = await site.WaitForAsync("articles/demo/", "修改后的正文", TimeSpan.FromSeconds(2));
        output.WriteLine($"save → served: {took.TotalMilliseconds:F0} ms");
        Assert.True(took < TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task SeedsSiteEditIsServedQuickly()
    {
        await using var site = await ServedSite.StartSeedsSiteAsync();
        var file = Directory.EnumerateFiles(site.Dir.Combine("content"), "*.md").Order(StringComparer.Ordinal).First();
        var text = await File.ReadAllTextAsync(file);
        var slug = System.Text.RegularExpressions.Regex.Match(text, "(?m)^slug: *\"?([^\"\n]+)").Groups[1].Value.Trim();
        await site.GetAsync($"articles/{slug}/");
        var times = new List<double>();
        for (var edit = 1; edit <= 5; edit++)
        {
            // The file watcher must see each save as its own change.
            await Task.Delay(300);
            await File.WriteAllTextAsync(file, text + $"\n第 {edit} 次保存的新段落。\n");
            var took = await site.WaitForAsync($"articles/{slug}/", $"第 {edit} 次保存的新段落", TimeSpan.FromSeconds(2));
            times.Add(took.TotalMilliseconds);
        }

        output.WriteLine($"seeds site, save → served (ms): {string.Join(", ", times.Select(t => t.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))}; best {times.Min():F0}");
        output.WriteLine(site.Log.ToString());
        Assert.All(times, t => Assert.True(t < 2000));
    }

    [Fact]
    public async Task BrokenTemplateKeepsServingTheLastGoodSiteAndTellsTheBrowser()
    {
        await using var site = await ServedSite.StartAsync(("content/demo.md", Page));
        using var events = await site.Http.GetStreamAsync(site.Session.Url + "__sitegen/events");
        using var reader = new StreamReader(events);
        Assert.Equal(": connected", await reader.ReadLineAsync());

        await File.WriteAllTextAsync(site.Dir.Combine("templates", "pages", "article.sbn-html"), "{{ if article.title }}never closed");
        await File.WriteAllTextAsync(site.Dir.Combine("content", "demo.md"), Page.Replace("最初的正文", "新正文"));

        string? line;
        var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        do
        {
            line = await reader.ReadLineAsync(cancel.Token);
        }
        while (line is not null && !line.StartsWith("event:", StringComparison.Ordinal));

        Assert.Equal("event: build-error", line);
        Assert.Contains("SG0402", await reader.ReadLineAsync(cancel.Token));
        Assert.Contains("最初的正文", await site.GetAsync("articles/demo/"));
        Assert.Contains("build failed", site.Log.ToString());
    }

    [Fact]
    public async Task NewFeedAddsItsArticle()
    {
        await using var site = await ServedSite.StartAsync(("content/demo.md", Page));
        await File.WriteAllTextAsync(site.Dir.Combine("seeds", "100_new.txt"),
            "INCOMING TRANSMISSION\n\nLATEST UPDATES\n变分自编码器(VAE)是一种生成模型,它用编码器把数据映射到隐变量的分布上,再用解码器重建数据。\n");
        await site.WaitForAsync("", "变分自编码器", TimeSpan.FromSeconds(5));
        Assert.Single(Directory.GetFiles(site.Dir.Combine("content")), f => File.ReadAllText(f).Contains("变分自编码器", StringComparison.Ordinal));
        Assert.Contains("最初的正文", await site.GetAsync("articles/demo/"));
    }
}
