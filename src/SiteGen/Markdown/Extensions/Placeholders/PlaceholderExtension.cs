using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;

namespace SiteGen.Markdown.Extensions.Placeholders;

/// <summary>Renders <c>[Math]</c>, <c>[公式]</c> and <c>[代码]</c> as visible "missing in source" marks.</summary>
public sealed class PlaceholderExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<PlaceholderInlineParser>())
        {
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new PlaceholderInlineParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<HtmlPlaceholderRenderer>())
        {
            html.ObjectRenderers.Insert(0, new HtmlPlaceholderRenderer());
        }
    }
}

/// <summary>Builder method in Markdig's style.</summary>
public static class PlaceholderPipelineExtensions
{
    public static MarkdownPipelineBuilder UsePlaceholders(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<PlaceholderExtension>();
        return pipeline;
    }
}
