using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using SiteGen.Highlighting;

namespace SiteGen.Markdown.Extensions.Highlighting;

/// <summary>
/// Highlights fenced code at build time: replaces Markdig's <see cref="CodeBlockRenderer"/> in its own slot with
/// <see cref="HtmlHighlightedCodeBlockRenderer"/>, which keeps the original as its fallback. The slot matters:
/// Markdig's and SiteGen's math block renderers are inserted at the front, so <c>$$</c> blocks (which are fenced
/// code blocks to Markdig) still reach them first.
/// </summary>
public sealed class HighlightingExtension(CodeHighlighter highlighter) : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && html.ObjectRenderers.FindExact<CodeBlockRenderer>() is { } original)
        {
            html.ObjectRenderers.Replace<CodeBlockRenderer>(new HtmlHighlightedCodeBlockRenderer(original, highlighter));
        }
    }
}

/// <summary>Registers <see cref="HighlightingExtension"/>.</summary>
public static class HighlightingPipelineExtensions
{
    /// <summary>Highlights fenced code blocks with <paramref name="highlighter"/>; precise source locations let warnings point at the fence.</summary>
    public static MarkdownPipelineBuilder UseHighlighting(this MarkdownPipelineBuilder pipeline, CodeHighlighter highlighter)
    {
        ArgumentNullException.ThrowIfNull(highlighter);
        pipeline.UsePreciseSourceLocation();
        if (!pipeline.Extensions.Contains<HighlightingExtension>())
        {
            pipeline.Extensions.Add(new HighlightingExtension(highlighter));
        }

        return pipeline;
    }
}
