using System.Text.Json;
using Microsoft.Playwright;
using SiteGen.Tests.Publish;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Browser;

/// <summary>Highlighted code in real headless Chromium: the generated stylesheet follows the OS scheme and the theme toggle.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class HighlightBrowserTests(BrowserFixture fixture) : IDisposable
{
    // Light+ and Dark+ colour Python's "class" keyword and the editor background like this.
    private const string LightKeyword = "rgb(0, 0, 255)";
    private const string DarkKeyword = "rgb(86, 156, 214)";
    private const string LightBackground = "rgb(255, 255, 255)";
    private const string DarkBackground = "rgb(30, 30, 30)";

    private readonly LoopbackServer _server = new(HandWrittenSite.Build("/docs/").OutputDir, "/docs/");

    private string PageUrl => _server.BaseUrl + "articles/writing-guide/";

    [Fact]
    public async Task TheToggleSwitchesCodeColoursBetweenLightAndDark()
    {
        var page = await fixture.NewPageAsync(1280, ColorScheme.Light);
        await page.GotoAsync(PageUrl);
        Assert.Equal((LightKeyword, LightBackground), await CodeColours(page));
        await Shot(page, "code-light");

        await page.Locator(".theme-toggle").ClickAsync();
        Assert.Equal("dark", await page.GetAttributeAsync("html", "data-theme"));
        Assert.Equal((DarkKeyword, DarkBackground), await CodeColours(page));
        await Shot(page, "code-dark");

        await page.Locator(".theme-toggle").ClickAsync();
        Assert.Equal((LightKeyword, LightBackground), await CodeColours(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ADarkSystemSchemeGetsDarkCodeUntilTheToggleChoosesLight()
    {
        var page = await fixture.NewPageAsync(1280, ColorScheme.Dark);
        await page.GotoAsync(PageUrl);
        Assert.Null(await page.GetAttributeAsync("html", "data-theme"));
        Assert.Equal((DarkKeyword, DarkBackground), await CodeColours(page));

        await page.Locator(".theme-toggle").ClickAsync();
        Assert.Equal("light", await page.GetAttributeAsync("html", "data-theme"));
        Assert.Equal((LightKeyword, LightBackground), await CodeColours(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task HighlightedCodePassesAxeInBothThemes()
    {
        var problems = new List<string>();
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            var page = await fixture.NewPageAsync(1280, scheme);
            await page.GotoAsync(PageUrl);
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = BrowserFixture.AxeScript });
            var json = await page.EvaluateAsync<JsonElement>(
                "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations" +
                ".filter(v => v.impact === 'serious' || v.impact === 'critical')" +
                ".map(v => v.id + ': ' + v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + (n.any[0] || {}).message).join('; '))");
            problems.AddRange(json.EnumerateArray().Select(v => $"[{scheme}] {v.GetString()}"));
            await page.Context.CloseAsync();
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    public void Dispose() => _server.Dispose();

    private static async Task<(string Keyword, string Background)> CodeColours(IPage page)
    {
        var keyword = page.Locator("pre.hl code.language-python span").Filter(new LocatorFilterOptions { HasText = "class" }).First;
        return (await keyword.EvaluateAsync<string>("e => getComputedStyle(e).color"),
            await page.Locator("pre.hl").First.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
    }

    private static async Task Shot(IPage page, string name)
    {
        var file = Path.Combine(BrowserFixture.ScreenshotDir, $"{name}.png");
        await page.Locator("pre.hl").First.ScreenshotAsync(new LocatorScreenshotOptions { Path = file });
        Assert.True(new FileInfo(file).Length > 500, file);
    }
}
