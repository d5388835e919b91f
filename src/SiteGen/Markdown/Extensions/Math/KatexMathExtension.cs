using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using SiteGen.Mathematics;

namespace SiteGen.Markdown.Extensions.Mathematics;

/// <summary>
/// Typesets Markdig's math with KaTeX at build time: keeps Markdig's Mathematics parsers and
/// replaces its two HTML renderers (which only wrap the TeX) with <see cref="HtmlKatexInlineRenderer"/>
/// and <see cref="HtmlKatexBlockRenderer"/>. TeX problems become diagnostics through the
/// <see cref="MathRenderContext"/> stored on the document.
/// </summary>
public sealed class KatexMathExtension(KatexRenderer katex) : IMarkdownExtension
{
    // The parsers come from Markdig's MathExtension, which UseKatexMath registers; extensions
    // cannot be added here because Markdig is enumerating them.
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html)
        {
            return;
        }

        // Markdig's MathExtension may set up before or after us; ours go first so they win either way.
        html.ObjectRenderers.RemoveAll(r => r is HtmlMathInlineRenderer or HtmlMathBlockRenderer);
        if (!html.ObjectRenderers.Contains<HtmlKatexInlineRenderer>())
        {
            html.ObjectRenderers.Insert(0, new HtmlKatexInlineRenderer(katex));
        }

        if (!html.ObjectRenderers.Contains<HtmlKatexBlockRenderer>())
        {
            html.ObjectRenderers.Insert(0, new HtmlKatexBlockRenderer(katex));
        }
    }
}

/// <summary>Registers <see cref="KatexMathExtension"/>.</summary>
public static class KatexMathPipelineExtensions
{
    /// <summary>
    /// Parses <c>$…$</c>, <c>$$…$$</c> and <c>$$</c> blocks (Markdig's Mathematics) and renders them with
    /// <paramref name="katex"/>. Also turns on Markdig's precise source locations, which diagnostics need.
    /// </summary>
    public static MarkdownPipelineBuilder UseKatexMath(this MarkdownPipelineBuilder pipeline, KatexRenderer katex)
    {
        ArgumentNullException.ThrowIfNull(katex);
        pipeline.UseMathematics();
        // Without it Markdig gives inlines no line or column, and TeX errors could not point at the formula.
        pipeline.UsePreciseSourceLocation();
        if (!pipeline.Extensions.Contains<KatexMathExtension>())
        {
            pipeline.Extensions.Add(new KatexMathExtension(katex));
        }

        return pipeline;
    }
}
