using Xunit;
using SiteGen.Mathematics;

namespace SiteGen.Tests.Mathematics;

/// <summary>No formula may crash or hang the build; a tripped limit costs one engine, not the pool.</summary>
public sealed class KatexLimitTests
{
    [Theory]
    [InlineData(5000)]
    [InlineData(50_000)]
    public void Deep_brace_nesting_falls_back_and_the_engine_recovers(int depth)
    {
        using var katex = new KatexRenderer(KatexSettings.Default with { EngineCount = 1 });
        var tex = new string('{', depth) + "x" + new string('}', depth);
        var result = katex.Render(tex, false);
        Assert.True(result.IsFallback, result.Error);
        Assert.Contains("nests too deeply", result.Error, StringComparison.Ordinal);
        Assert.StartsWith("<span class=\"katex-error\"", result.Html, StringComparison.Ordinal);

        var next = katex.Render("a^2", false);
        Assert.Null(next.Error);
        Assert.StartsWith("<span class=\"katex\">", next.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_far_deeper_than_real_formulas_still_renders()
    {
        // Time enough for a fresh engine on a loaded machine: this test is about the nesting limit only.
        using var katex = new KatexRenderer(KatexSettings.Default with { EngineCount = 1, RenderTimeout = TimeSpan.FromMinutes(2) });
        var result = katex.Render(new string('{', 300) + @"\frac{a}{b}" + new string('}', 300), false);
        Assert.False(result.IsFallback, result.Error);
    }

    [Fact]
    public void Fallback_escapes_the_source()
    {
        using var katex = new KatexRenderer(KatexSettings.Default with { EngineCount = 1, MaxStatements = 1000 });
        var result = katex.Render("<b>&</b>" + @"\frac{a}{b}", false);
        Assert.True(result.IsFallback);
        Assert.Contains("&lt;b&gt;&amp;&lt;/b&gt;", result.Html, StringComparison.Ordinal);
        Assert.Contains("statements", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeout_trips_on_a_slow_formula_and_the_next_formula_renders()
    {
        using var katex = new KatexRenderer(KatexSettings.Default with { EngineCount = 1, RenderTimeout = TimeSpan.FromMilliseconds(200) });
        var huge = string.Concat(Enumerable.Repeat(@"\underbrace{\overbrace{a+b}^{x}}_{y}", 3000));
        var result = katex.Render(huge, true);
        Assert.True(result.IsFallback, result.Error);
        Assert.Contains("longer than", result.Error, StringComparison.Ordinal);
        // The replacement engine's first renders are cold and, on a loaded machine, can themselves take longer
        // than the 200 ms this test allows; the pool has recovered once a small formula renders again.
        Assert.Contains(Enumerable.Range(0, 50), i => katex.Render($"a+b_{{{i}}}", false).Error is null);
    }

    [Fact]
    public void Memory_limit_trips_on_a_formula_that_allocates_too_much_and_the_next_formula_renders()
    {
        // Time enough that only the allocation limit can trip.
        using var katex = new KatexRenderer(KatexSettings.Default with
        {
            EngineCount = 1, MaxMemoryBytes = 64L << 20, RenderTimeout = TimeSpan.FromMinutes(10),
        });
        var result = katex.Render(string.Concat(Enumerable.Repeat(@"\frac{a}{b}+\sqrt{x_1}", 4000)), true);
        Assert.True(result.IsFallback, result.Error);
        Assert.Contains("allocated more than 64 MB", result.Error, StringComparison.Ordinal);
        Assert.Null(katex.Render("a^2", false).Error);
    }

    [Fact]
    public void Limits_apply_per_render_not_per_engine_lifetime()
    {
        // One formula needs far fewer statements (and allocates far less) than this, fifty of them far more.
        using var katex = new KatexRenderer(KatexSettings.Default with { EngineCount = 1, MaxStatements = 200_000, MaxMemoryBytes = 32L << 20 });
        for (var i = 0; i < 50; i++)
        {
            Assert.Null(katex.Render($@"\frac{{a_{i}}}{{b}} + \sqrt{{{i}}}", false).Error);
        }
    }

    [Fact]
    public void Expansion_loops_are_caught_by_katex()
    {
        using var katex = new KatexRenderer(KatexSettings.Default with { EngineCount = 1 });
        var result = katex.Render(@"\def\a{\a}\a", false);
        Assert.Contains("expansion", result.Error, StringComparison.OrdinalIgnoreCase);
    }
}
