using System.Diagnostics;
using Microsoft.Playwright;
using SiteGen.Tests.Publish;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Browser;

/// <summary>
/// The valid fixture site, served on a loopback port, and Debian's Chromium driven by Playwright. A missing
/// Chromium fails the tests with the command that installs it: the tests never download a browser.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private LoopbackServer? _server;

    public IBrowser Browser { get; private set; } = null!;

    public string SiteDir { get; private set; } = "";

    public string BaseUrl => _server!.BaseUrl;

    /// <summary>Where screenshots go: <c>TestResults/screenshots/</c> beside the test assembly, or <c>SITEGEN_SCREENSHOTS</c>.</summary>
    public static string ScreenshotDir { get; } = Environment.GetEnvironmentVariable("SITEGEN_SCREENSHOTS")
        ?? Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public static string AxeScript => Path.Combine(TestSite.RepoRoot, "tests", "SiteGen.Tests", "Browser", "axe", "node_modules", "axe-core", "axe.min.js");

    public async Task InitializeAsync()
    {
        (_playwright, Browser) = await Chromium.LaunchAsync();
        SiteDir = TestSite.Build(TestSite.ValidContent, "/").OutputDir;
        _server = new LoopbackServer(SiteDir, "/");
        Directory.CreateDirectory(ScreenshotDir);
        await EnsureAxeAsync();
    }

    public async Task<IPage> NewPageAsync(int width, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = width < 600 ? 812 : 800 },
            ColorScheme = scheme,
            Locale = "zh-CN",
            DeviceScaleFactor = 1,
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        _server?.Dispose();
    }

    /// <summary>Installs axe-core from the lock file once (npm ci), so the scan uses a pinned version.</summary>
    private static async Task EnsureAxeAsync()
    {
        if (File.Exists(AxeScript))
        {
            return;
        }

        var dir = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(AxeScript)))!;
        var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund")
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("could not start npm; install Node.js and npm");
        var output = await npm.StandardOutput.ReadToEndAsync() + await npm.StandardError.ReadToEndAsync();
        await npm.WaitForExitAsync();
        if (npm.ExitCode != 0 || !File.Exists(AxeScript))
        {
            throw new InvalidOperationException($"'npm ci' in {dir} failed ({npm.ExitCode}): {output}");
        }
    }
}

/// <summary>Shares one browser and one served site among the browser test classes.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
