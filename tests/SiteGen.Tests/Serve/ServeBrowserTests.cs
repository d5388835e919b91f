using SiteGen.Tests.Support;

namespace SiteGen.Tests.Serve;

[Trait("Category", "Browser")]
public sealed class ServeBrowserTests
{
    [Fact]
    public async Task OpenPageReloadsByItselfAfterAnEdit()
    {
        await using var site = await ServedSite.StartAsync(("content/demo.md", "---\ntitle: 演示\nslug: demo\n---\n第一版正文。\n"));
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(site.Session.Url + "articles/demo/");
            Assert.Contains("第一版正文", await page.InnerTextAsync(".article-body"));
            // Mark this document: a reload replaces it, so the mark disappears.
            await page.EvaluateAsync("window.__notReloaded = true");

            await File.WriteAllTextAsync(site.Dir.Combine("content", "demo.md"), "---\ntitle: 演示\nslug: demo\n---\n第二版正文。\n");

            await page.WaitForFunctionAsync("document.body && document.body.innerText.includes('第二版正文')", null,
                new Microsoft.Playwright.PageWaitForFunctionOptions { Timeout = 5000 });
            Assert.False(await page.EvaluateAsync<bool>("window.__notReloaded === true"));
            await browser.CloseAsync();
        }
    }
}
