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
        }

        var file = Assert.Single(Directory.GetFiles(_dir, "*.json", SearchOption.AllDirectories));
        File.WriteAllText(file, "{\"key\":\"inline\\nx\",\"val");
        using (var build2 = new KatexRenderer(Settings))
        {
            Assert.False(build2.Render("x", false).FromCache);
        }

        using var build3 = new KatexRenderer(Settings);
        Assert.True(build3.Render("x", false).FromCache);
    }

    [Fact]
    public void Builds_at_once_leave_whole_entries()
    {
        var renderers = Enumerable.Range(0, 4).Select(_ => new KatexRenderer(Settings)).ToList();
        Parallel.ForEach(renderers, r => r.Render("a_1", false));
        renderers.ForEach(r => r.Dispose());
        Assert.Single(Directory.GetFiles(_dir, "*.json", SearchOption.AllDirectories));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp", SearchOption.AllDirectories));
        using var next = new KatexRenderer(Settings);
        Assert.True(next.Render("a_1", false).FromCache);
        Assert.Equal(0, next.EnginesCreated);
    }

    [Fact]
    public void A_formula_that_left_memory_is_read_back_from_disk_and_counted_once()
    {
        // Generations of 4: after 12 other formulas the first one is no longer in memory.
        using var katex = new KatexRenderer(Settings, memoGeneration: 4);
        var first = katex.Render("x^{0}", false);
        foreach (var i in Enumerable.Range(1, 12))
        {
            katex.Render($"x^{{{i}}}", false);
        }

        var again = katex.Render("x^{0}", false);
        Assert.False(first.FromCache);
        Assert.True(again.FromCache);
        Assert.Equal(first.Html, again.Html);
        Assert.Equal((13, 0), (katex.RenderedCount, katex.CachedCount));
    }

    [Fact]
    public void Without_a_cache_folder_nothing_leaves_memory()
    {
        using var katex = new KatexRenderer(KatexSettings.Default with { CacheDirectory = null, EngineCount = 1 }, memoGeneration: 4);
        var first = katex.Render("x^{0}", false);
        foreach (var i in Enumerable.Range(1, 12))
        {
            katex.Render($"x^{{{i}}}", false);
        }

        Assert.Same(first, katex.Render("x^{0}", false));
        Assert.Equal(13, katex.RenderedCount);
    }

    [Fact]
    public void A_fallback_is_not_kept()
    {
        using (var build1 = new KatexRenderer(Settings))
        {
            Assert.True(build1.Render(new string('{', 5000) + "x" + new string('}', 5000), false).IsFallback);
        }

        Assert.Empty(Directory.Exists(_dir) ? Directory.GetFiles(_dir, "*.json", SearchOption.AllDirectories) : []);
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
