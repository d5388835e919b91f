using SiteGen.Build;
using SiteGen.Config;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Build;

/// <summary>Live rebuilds of hand-written pages: links by file follow slug changes, static files and code stay in step.</summary>
public sealed class HandWrittenRebuildTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly BuildSession _cache = new();
    private readonly SiteConfig _config;

    public HandWrittenRebuildTests()
    {
        _config = TempSite.Config(_dir) with { StaticDir = _dir.Combine("static") };
        Directory.CreateDirectory(_config.SeedsDir);
        _dir.Write("static/robots-extra.txt", "one");
        WritePage("a.md", "a", "见 [乙](b.md#方法)。");
        WritePage("b.md", "b", "## 方法\n\n正文。");
        Assert.False(Build().Incremental);
    }

    [Fact]
    public void ASlugChangeRewritesThePagesThatLinkToItByFile()
    {
        WritePage("b.md", "b-renamed", "## 方法\n\n正文。");
        var result = Build();
        Assert.True(result.Incremental);
        Assert.Contains("href=\"../../articles/b-renamed/#%E6%96%B9%E6%B3%95\"", Read("articles/a/index.html"), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.Combine("site", "articles", "b")));
    }

    [Fact]
    public void AnAnchorRemovedFromTheTargetIsReportedAtTheLinkingPage()
    {
        WritePage("b.md", "b", "## 结论\n\n正文。");
        var result = new SiteBuilder(TimeProvider.System).Build(_config, _cache);
        var warning = Assert.Single(result.Diagnostics, d => d.Code == "SG0803");
        Assert.EndsWith("content/a.md", warning.File, StringComparison.Ordinal);
    }

    [Fact]
    public void AChangedStaticFileIsCopiedAndNothingElseWritten()
    {
        _dir.Write("static/robots-extra.txt", "two");
        var result = Build();
        Assert.True(result.Incremental);
        Assert.Equal(1, result.FilesWritten);
        Assert.Equal("two", Read("robots-extra.txt"));
    }

    [Fact]
    public void TheFirstHighlightedBlockAddsItsStylesheet()
    {
        Assert.False(File.Exists(_dir.Combine("site", "assets", "highlight.css")));
        WritePage("b.md", "b", "## 方法\n\n```python\nprint(1)\n```");
        var result = Build();
        Assert.True(result.Succeeded);
        Assert.True(File.Exists(_dir.Combine("site", "assets", "highlight.css")));
        Assert.Contains("assets/highlight.css", Read("articles/b/index.html"), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _cache.Dispose();
        _dir.Dispose();
    }

    private BuildResult Build()
    {
        var result = new SiteBuilder(TimeProvider.System).Build(_config, _cache);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return result;
    }

    private string Read(string path) => File.ReadAllText(_dir.Combine("site", path));

    private void WritePage(string file, string slug, string body) =>
        _dir.Write($"content/{file}", $"---\ntitle: 页面{slug}\nslug: {slug}\ndate: 2026-01-01\n---\n{body}\n");
}
