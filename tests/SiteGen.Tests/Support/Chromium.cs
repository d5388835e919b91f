using Microsoft.Playwright;

namespace SiteGen.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright. A missing Chromium fails the test with the command that
/// installs it: tests never download a browser.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"{ExecutablePath} not found: browser tests need Debian's Chromium and CJK fonts. Install them with " +
                "'bash .ci/install' (or 'apt-get install -y chromium fonts-noto-cjk'); the tests never download a browser.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Args,
        });
        return (playwright, browser);
    }
}
