using SiteGen.Build;
using SiteGen.Config;

namespace SiteGen.Tests.Publish;

/// <summary>Builds fixture sites with the real theme into temporary folders.</summary>
internal static class TestSite
{
    public static string RepoRoot => Support.RepoPaths.Root;

    public static string TemplatesDir => Path.Combine(RepoRoot, "templates");

    public static string TestFiles => Path.Combine(AppContext.BaseDirectory, "TestFiles");

    public static string ValidContent => Path.Combine(TestFiles, "Sites", "valid", "content");

    /// <summary>Builds <paramref name="contentDir"/> and returns the output folder (deleted by the caller or the OS).</summary>
    public static (string OutputDir, BuildResult Result) Build(string contentDir, string baseUrl, string? outputDir = null, string? staticDir = null)
    {
        var work = Path.Combine(Path.GetTempPath(), "sitegen-tests", Guid.NewGuid().ToString("N"));
        var config = new SiteConfig
        {
            Title = "测试站点",
            Description = "中文技术文章与数学公式。",
            ContentDir = contentDir,
            SeedsDir = Path.Combine(work, "no-seeds"),
            TemplatesDir = TemplatesDir,
            OutputDir = outputDir ?? Path.Combine(work, "site"),
            CacheDir = Path.Combine(work, "cache"),
            StaticDir = staticDir ?? Path.Combine(work, "no-static"),
            BaseUrl = BaseUrl.Normalize(baseUrl),
            PageSize = 3,
        };
        var result = new SiteBuilder(TimeProvider.System).Build(config);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return (config.OutputDir, result);
    }
}
