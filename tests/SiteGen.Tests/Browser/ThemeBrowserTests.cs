using System.Text.Json;
using Microsoft.Playwright;

namespace SiteGen.Tests.Browser;

/// <summary>The theme in real headless Chromium: screenshots, layout, accessibility, theme toggle and TOC.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ThemeBrowserTests(BrowserFixture fixture)
{
    private static readonly (string Name, string Path)[] ShotPages =
    [
        ("home", ""),
        ("article-math", "articles/normalizing-flow/"),
        ("tag", "tags/%E5%A4%A7%E6%A8%A1%E5%9E%8B/"),
    ];

    private static readonly string[] ScannedPages =
    [
        "", "page/2/", "articles/normalizing-flow/", "articles/lora/", "tags/", "tags/%E5%A4%A7%E6%A8%A1%E5%9E%8B/", "404.html",
    ];

    [Fact]
    public async Task ScreenshotsAtPhoneAndDesktopWidthsInBothThemesWithoutHorizontalOverflow()
    {
        foreach (var (name, path) in ShotPages)
        {
            foreach (var width in new[] { 375, 1280 })
            {
                foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
                {
                    var page = await fixture.NewPageAsync(width, scheme);
                    await page.GotoAsync(fixture.BaseUrl + path);
                    var file = Path.Combine(BrowserFixture.ScreenshotDir, $"{name}-{width}-{scheme.ToString().ToLowerInvariant()}.png");
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
                    Assert.True(new FileInfo(file).Length > 1000, file);

                    var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
                    Assert.True(overflow <= 0, $"{name} at {width}px scrolls sideways by {overflow}px");
                    var dark = await page.EvaluateAsync<bool>(
                        "getComputedStyle(document.body).backgroundColor.match(/\\d+/g).slice(0,3).reduce((a,b)=>a+ +b,0) < 200");
                    Assert.Equal(scheme == ColorScheme.Dark, dark);
                    await page.Context.CloseAsync();
                }
            }
        }
    }

    [Fact]
    public async Task AxeFindsNoSeriousOrCriticalViolations()
    {
        var problems = new List<string>();
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            foreach (var path in ScannedPages)
            {
                var page = await fixture.NewPageAsync(1280, scheme);
                await page.GotoAsync(fixture.BaseUrl + path);
                await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = BrowserFixture.AxeScript });
                var json = await page.EvaluateAsync<JsonElement>(
                    "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations" +
                    ".filter(v => v.impact === 'serious' || v.impact === 'critical')" +
                    ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))");
                problems.AddRange(json.EnumerateArray().Select(v => $"/{path} [{scheme}] {v.GetString()}"));
                await page.Context.CloseAsync();
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task ThemeToggleSwitchesAndIsRememberedAcrossReload()
    {
        var page = await fixture.NewPageAsync(1280, ColorScheme.Light);
        await page.GotoAsync(fixture.BaseUrl);
        Assert.Null(await page.GetAttributeAsync("html", "data-theme"));
        var toggle = page.Locator(".theme-toggle");
        Assert.Equal("false", await toggle.GetAttributeAsync("aria-pressed"));

        await toggle.ClickAsync();
        Assert.Equal("dark", await page.GetAttributeAsync("html", "data-theme"));
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-pressed"));

        await page.ReloadAsync();
        // Set by the inline script in <head>, before the first paint, so a dark reader sees no white flash.
        Assert.Equal("dark", await page.GetAttributeAsync("html", "data-theme"));
        Assert.Equal("true", await page.Locator(".theme-toggle").GetAttributeAsync("aria-pressed"));

        await page.GotoAsync(fixture.BaseUrl + "articles/lora/");
        Assert.Equal("dark", await page.GetAttributeAsync("html", "data-theme"));
        await page.Locator(".theme-toggle").ClickAsync();
        await page.ReloadAsync();
        Assert.Equal("light", await page.GetAttributeAsync("html", "data-theme"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TocLinksJumpToTheirHeadings()
    {
        // On a phone the article is long enough that the last heading starts below the fold.
        var page = await fixture.NewPageAsync(375);
        await page.GotoAsync(fixture.BaseUrl + "articles/normalizing-flow/");
        var links = page.Locator(".toc a");
        Assert.Equal(5, await links.CountAsync());
        var last = links.Nth(4);
        Assert.Equal(0, await page.EvaluateAsync<double>("window.scrollY"));
        var id = (await last.GetAttributeAsync("href"))!.TrimStart('#');
        await last.ClickAsync();
        await page.WaitForFunctionAsync("id => decodeURIComponent(location.hash) === '#' + id", id);
        // Scrolling may be smooth: wait until the heading has arrived near the top of the viewport.
        await page.WaitForFunctionAsync("id => Math.abs(document.getElementById(id).getBoundingClientRect().top) < window.innerHeight / 2", id);
        var top = await page.EvaluateAsync<double>("id => document.getElementById(id).getBoundingClientRect().top", id);
        Assert.InRange(top, -1, await page.EvaluateAsync<double>("window.innerHeight") - 20);
        Assert.True(await page.EvaluateAsync<double>("window.scrollY") > 0, "the page scrolled to the heading");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task SkipLinkIsTheFirstTabStopAndMovesFocusToMain()
    {
        var page = await fixture.NewPageAsync(375);
        await page.GotoAsync(fixture.BaseUrl + "articles/normalizing-flow/");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await page.EvaluateAsync<string>("document.activeElement.className"));
        var box = await page.Locator(".skip-link").BoundingBoxAsync();
        Assert.True(box is { X: >= 0, Y: >= 0 }, "the focused skip link is visible");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Context.CloseAsync();
    }
}
