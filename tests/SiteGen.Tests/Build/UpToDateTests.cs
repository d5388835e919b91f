using SiteGen.Build;
using SiteGen.Config;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Build;

/// <summary>
/// A new <c>sitegen build</c> process whose inputs and site folder are as the last successful build left them
/// does nothing and reports that build's result; any change to an input or to the site takes the full path.
/// </summary>
public sealed class UpToDateTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly SiteConfig _config;

    public UpToDateTests()
    {
        _config = TempSite.Config(_dir);
        _dir.Write("seeds/feed.txt", "标题\n说明\n第一篇 讲梯度下降的文章 \\(x^2\\) 收敛。\n第二篇 讲注意力机制的文章。\n");
        _dir.Write("content/hand.md", "---\ntitle: 手写\nslug: hand\ndate: 2026-01-02\n---\n手写的正文。\n");
        // A front matter slip: a warning on every build, which the shortcut must report too.
        _dir.Write("content/slip.md", "---\ntitle: [没有闭合\n---\n有一处笔误的页面。\n");
    }

    [Fact]
    public void ASecondBuildWithNothingChangedDoesNothingAndReportsTheSameResult()
    {
        var first = Build();
        var before = FolderSnapshot.Take(_dir.Combine("site"));
        var second = Build();
        Assert.False(first.UpToDate);
        Assert.True(second.UpToDate);
        Assert.DoesNotContain("render", second.StageMilliseconds.Keys);
        Assert.Equal((first.Pages, first.Articles, first.Feeds, first.Entries), (second.Pages, second.Articles, second.Feeds, second.Entries));
        Assert.Equal(first.Diagnostics, second.Diagnostics);
        Assert.NotEmpty(second.Diagnostics);
        Assert.Equal(before, FolderSnapshot.Take(_dir.Combine("site")));
    }

    [Fact]
    public void AnEditedPageTakesTheFullPath()
    {
        Build();
        Build();
        _dir.Write("content/hand.md", "---\ntitle: 手写\nslug: hand\ndate: 2026-01-02\n---\n改过的正文。\n");
        var result = Build();
        Assert.False(result.UpToDate);
        Assert.Contains("改过的正文", File.ReadAllText(_dir.Combine("site/articles/hand/index.html")));
        Assert.True(Build().UpToDate);
    }

    [Fact]
    public void ANewFeedLineTakesTheFullPath()
    {
        var first = Build();
        File.AppendAllText(Path.Combine(_config.SeedsDir, "feed.txt"), "第三篇 讲扩散模型的文章。\n");
        var result = Build();
        Assert.False(result.UpToDate);
        Assert.Equal(first.Articles + 1, result.Articles);
        // The stamp of a site that was swapped comes from the build's record of it, which a walk of the folder must match.
        Assert.True(Build().UpToDate);
        File.AppendAllText(Path.Combine(_config.SeedsDir, "feed.txt"), "第四篇 讲强化学习的文章。\n");
        Assert.False(Build().UpToDate);
        Assert.True(Build().UpToDate);
    }

    [Fact]
    public void ASiteFileChangedOrRemovedByHandIsPutBack()
    {
        Build();
        var expected = FolderSnapshot.Take(_dir.Combine("site"));
        var page = _dir.Combine("site/articles/hand/index.html");
        File.WriteAllText(page, File.ReadAllText(page).Replace("手写的正文", "被改掉的字"));
        Assert.False(Build().UpToDate);
        Assert.Equal(expected, FolderSnapshot.Take(_dir.Combine("site")));
        File.Delete(page);
        Assert.False(Build().UpToDate);
        Assert.Equal(expected, FolderSnapshot.Take(_dir.Combine("site")));
        Assert.True(Build().UpToDate);
    }

    [Fact]
    public void StrictFailsOnTheWarningsOfTheBuildItStandsFor()
    {
        Build();
        var strict = new SiteBuilder(TimeProvider.System).Build(_config with { Strict = true });
        Assert.True(strict.UpToDate);
        Assert.False(strict.Succeeded);
    }

    [Fact]
    public void CleanAndOtherConfigurationTakeTheFullPath()
    {
        Build();
        Assert.False(new SiteBuilder(TimeProvider.System).Build(_config with { Clean = true }).UpToDate);
        Assert.False(new SiteBuilder(TimeProvider.System).Build(_config with { Title = "另一个标题" }).UpToDate);
        Assert.Contains("另一个标题", File.ReadAllText(_dir.Combine("site/index.html")));
    }

    [Fact]
    public void ADamagedStampIsIgnored()
    {
        Build();
        File.WriteAllBytes(Path.Combine(_config.CacheDir, UpToDate.FileName), [1, 2, 3]);
        var result = Build();
        Assert.False(result.UpToDate);
        Assert.True(result.Succeeded);
        Assert.True(Build().UpToDate);
    }

    public void Dispose() => _dir.Dispose();

    private BuildResult Build()
    {
        // A new SiteBuilder without a session each time: what a new sitegen build process runs.
        var result = new SiteBuilder(TimeProvider.System).Build(_config);
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return result;
    }
}
