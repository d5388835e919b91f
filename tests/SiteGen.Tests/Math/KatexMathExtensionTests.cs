using Markdig;
using Markdig.Syntax;
using Xunit;
using SiteGen.Diagnostics;
using SiteGen.Markdown.Extensions.Mathematics;

namespace SiteGen.Tests.Mathematics;

[Collection(KatexCollection.Name)]
public sealed class KatexMathExtensionTests(KatexFixture fixture)
{
    private (string Html, MathRenderContext Context, MarkdownDocument Document) Render(string markdown, int lineOffset = 0)
    {
        var pipeline = new MarkdownPipelineBuilder().UseKatexMath(fixture.Renderer).Build();
        var document = Markdig.Markdown.Parse(markdown, pipeline);
        var context = new MathRenderContext("content/post.md", lineOffset, new DiagnosticBag());
        document.SetData(typeof(MathRenderContext), context);
        return (document.ToHtml(pipeline), context, document);
    }

    [Fact]
    public void Inline_dollar_is_inline_mode_and_double_dollar_is_display_mode()
    {
        var (html, context, _) = Render("Energy $E=mc^2$ and $$a^2$$.");
        Assert.Contains("<span class=\"math\"><span class=\"katex\">", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"math\"><span class=\"katex-display\">", html, StringComparison.Ordinal);
        Assert.Equal(2, context.FormulaCount);
        Assert.Equal(0, context.Diagnostics.Count);
    }

    [Fact]
    public void Math_block_is_display_mode_with_tag()
    {
        var (html, context, document) = Render("Text\n\n$$\n\\int_0^1 f \\tag{3}\n$$\n");
        Assert.Contains("<div class=\"math\"><span class=\"katex-display\">", html, StringComparison.Ordinal);
        Assert.Contains("katex-tag", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\\[", html, StringComparison.Ordinal);
        Assert.True(context.HasMath);
        Assert.Equal(true, document.GetData("has-math"));
    }

    [Fact]
    public void Page_without_math_has_no_math()
    {
        var (_, context, document) = Render("Just text, 5 dollars.");
        Assert.False(context.HasMath);
        Assert.Null(document.GetData("has-math"));
    }

    [Fact]
    public void Tex_error_is_a_diagnostic_at_the_formula()
    {
        var (html, context, _) = Render("# Title\n\nSee **this**: $\\frac{a}{$ here.\n", lineOffset: 4);
        Assert.Contains("katex-error", html, StringComparison.Ordinal);
        var d = Assert.Single(context.Diagnostics.Snapshot());
        Assert.Equal("SG0301", d.Code);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal("content/post.md", d.File);
        Assert.Equal(3 + 4, d.Line);
        Assert.Equal(15, d.Column);
        Assert.StartsWith("content/post.md(7,15): warning SG0301: TeX error in formula '\\frac{a}{': KaTeX parse error:", d.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_macro_and_cjk_outside_text_are_diagnostics()
    {
        var (_, context, _) = Render("$\\nosuch$\n\n$$\n概率 p\n$$\n");
        var diagnostics = context.Diagnostics.Snapshot();
        Assert.Collection(diagnostics,
            d => Assert.Equal(("SG0301", 1, 1), (d.Code, d.Line, d.Column)),
            d => Assert.Equal(("SG0302", 3, 1), (d.Code, d.Line, d.Column)));
        Assert.Contains("Undefined control sequence", diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Setup_is_idempotent_and_replaces_markdigs_renderers()
    {
        var pipeline = new MarkdownPipelineBuilder().UseMathematics().UseKatexMath(fixture.Renderer)
            .UseKatexMath(fixture.Renderer).UseMathematics().Build();
        var html = Markdig.Markdown.ToHtml("$x$", pipeline);
        Assert.Equal(1, pipeline.Extensions.Count(e => e is KatexMathExtension));
        Assert.Contains("<span class=\"katex\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\\(", html, StringComparison.Ordinal);
    }
}
