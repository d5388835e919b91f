using Xunit;
using SiteGen.Mathematics;

namespace SiteGen.Tests.Mathematics;

public sealed class KatexCacheTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sitegen-katex-cache-" + Guid.NewGuid().ToString("N"));

    private KatexSettings Settings => KatexSettings.Default with { CacheDirectory = _dir, EngineCount = 1 };

    [Fact]
    public void Unchanged_rebuild_renders_nothing()
    {
        FormulaResult first;
        using (var build1 = new KatexRenderer(Settings))
        {
            first = build1.Render(@"\int_0^1 x\,dx", true);
            build1.Render(@"\foo", false);
            build1.SaveCache();
            Assert.Equal(2, build1.RenderedCount);
        }

        using var build2 = new KatexRenderer(Settings);
        var again = build2.Render(@"\int_0^1 x\,dx", true);
        var error = build2.Render(@"\foo", false);
        Assert.Equal(0, build2.RenderedCount);
        Assert.Equal(2, build2.CachedCount);
        Assert.Equal(0, build2.EnginesCreated);
        Assert.True(again.FromCache);
        Assert.Equal(first.Html, again.Html);
        Assert.Contains("Undefined control sequence", error.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_macros_do_not_share_the_cache()
    {
        using (var build1 = new KatexRenderer(Settings))
        {
            build1.Render("x", false);
            build1.SaveCache();
        }

        using var build2 = new KatexRenderer(Settings with { Macros = new Dictionary<string, string> { [@"\x"] = "y" } });
        build2.Render("x", false);
        Assert.Equal(1, build2.RenderedCount);
    }

    [Fact]
    public void Corrupt_cache_file_is_ignored_and_replaced()
    {
        using (var build1 = new KatexRenderer(Settings))
        {
            build1.Render("x", false);
            build1.SaveCache();
        }

        var file = Assert.Single(Directory.GetFiles(_dir));
        File.WriteAllText(file, "{\"format\":1,\"entr");
        using (var build2 = new KatexRenderer(Settings))
        {
            Assert.False(build2.Render("x", false).FromCache);
            build2.SaveCache();
        }

        using var build3 = new KatexRenderer(Settings);
        Assert.True(build3.Render("x", false).FromCache);
    }

    [Fact]
    public void Concurrent_saves_leave_a_whole_file()
    {
        var renderers = Enumerable.Range(0, 4).Select(_ => new KatexRenderer(Settings)).ToList();
        foreach (var r in renderers)
        {
            r.Render("a_1", false);
        }

        Parallel.ForEach(renderers, r => r.SaveCache());
        renderers.ForEach(r => r.Dispose());
        Assert.Single(Directory.GetFiles(_dir));
        using var next = new KatexRenderer(Settings);
        Assert.True(next.Render("a_1", false).FromCache);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
