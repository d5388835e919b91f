using Xunit;
using SiteGen.Mathematics;

namespace SiteGen.Tests.Mathematics;

[Collection(KatexCollection.Name)]
public sealed class KatexRendererTests(KatexFixture fixture)
{
    private KatexRenderer Katex => fixture.Renderer;

    [Fact]
    public void Inline_and_display_modes_differ()
    {
        var inline = Katex.Render(@"\sum_{i=1}^n i", displayMode: false);
        var display = Katex.Render(@"\sum_{i=1}^n i", displayMode: true);
        Assert.StartsWith("<span class=\"katex\">", inline.Html, StringComparison.Ordinal);
        Assert.StartsWith("<span class=\"katex-display\">", display.Html, StringComparison.Ordinal);
        Assert.Null(inline.Error);
        Assert.Null(display.Error);
    }

    [Fact]
    public void Preparing_in_the_background_while_a_new_pool_renders_is_safe()
    {
        KatexRenderer.PrepareInBackground();
        using var katex = new KatexRenderer(KatexSettings.Default with { EngineCount = 2 });
        KatexRenderer.PrepareInBackground();
        Assert.Equal(Katex.Render(@"\frac{a}{b}", false).Html, katex.Render(@"\frac{a}{b}", false).Html);
    }

    [Fact]
    public void Tag_works_in_display_mode()
    {
        var result = Katex.Render(@"E = mc^2 \tag{1}", displayMode: true);
        Assert.Null(result.Error);
        Assert.Contains("class=\"katex-tag\"", result.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Cjk_inside_text_renders_without_warning()
    {
        var result = Katex.Render(@"x \text{（连续情形）}", displayMode: false);
        Assert.Null(result.Error);
        Assert.Empty(result.Warnings);
        Assert.Contains("连续情形", result.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Cjk_outside_text_renders_with_a_strict_warning()
    {
        var result = Katex.Render("x = 中文", displayMode: false);
        Assert.Null(result.Error);
        var warning = Assert.Single(result.Warnings.DistinctBy(w => w.Code));
        Assert.Equal("unicodeTextInMathMode", warning.Code);
    }

    [Fact]
    public void Parse_error_gives_katex_error_rendering_and_message()
    {
        var result = Katex.Render(@"\frac{a}{", displayMode: false);
        Assert.StartsWith("KaTeX parse error:", result.Error, StringComparison.Ordinal);
        Assert.StartsWith("<span class=\"katex-error\"", result.Html, StringComparison.Ordinal);
        Assert.False(result.IsFallback);
    }

    [Fact]
    public void Unknown_macro_is_an_error_though_katex_paints_it_red()
    {
        var result = Katex.Render(@"a + \foo", displayMode: false);
        Assert.Contains(@"Undefined control sequence: \foo", result.Error, StringComparison.Ordinal);
        Assert.Contains("mathcolor=\"#cc0000\"", result.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Macros_from_settings_apply_and_gdef_does_not_leak_between_formulas()
    {
        using var katex = new KatexRenderer(KatexSettings.Default with
        {
            Macros = new Dictionary<string, string> { [@"\RR"] = @"\mathbb{R}" },
            EngineCount = 1,
        });
        Assert.Null(katex.Render(@"x \in \RR", false).Error);
        Assert.Null(katex.Render(@"\gdef\leak{1} \leak", false).Error);
        Assert.NotNull(katex.Render(@"\leak", false).Error);
    }

    [Fact]
    public void Trust_stays_off_even_when_configured()
    {
        using var katex = new KatexRenderer(KatexSettings.Default with
        {
            Options = new Dictionary<string, object?> { ["trust"] = true },
            EngineCount = 1,
        });
        var result = katex.Render(@"\href{javascript:alert(1)}{x}", false);
        Assert.DoesNotContain("href=\"javascript:", result.Html, StringComparison.Ordinal);
        Assert.Null(result.Error);
    }

    [Fact]
    public void Each_distinct_formula_is_rendered_once()
    {
        using var katex = new KatexRenderer(KatexSettings.Default with { EngineCount = 1 });
        for (var i = 0; i < 5; i++)
        {
            katex.Render("a+b", false);
        }

        katex.Render("a+b", true);
        Assert.Equal(2, katex.RenderedCount);
    }

    [Fact]
    public void Parallel_renders_give_the_same_output_as_serial_ones()
    {
        var formulas = Enumerable.Range(0, 40).Select(i => $@"\frac{{x_{i}}}{{1+y^{{{i}}}}}").ToList();
        using var serial = new KatexRenderer(KatexSettings.Default with { EngineCount = 1 });
        var expected = formulas.Select(f => serial.Render(f, false).Html).ToList();
        var actual = new string[formulas.Count];
        Parallel.For(0, formulas.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => actual[i] = Katex.Render(formulas[i], false).Html);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Site_without_math_starts_no_engine()
    {
        using var katex = new KatexRenderer(KatexSettings.Default);
        Assert.Equal(0, katex.EnginesCreated);
    }
}
