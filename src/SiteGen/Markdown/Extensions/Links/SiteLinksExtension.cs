using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;

namespace SiteGen.Markdown.Extensions.Links;

/// <summary>
/// Site-aware links and images: replaces Markdig's <see cref="LinkInlineRenderer"/> in place with
/// <see cref="HtmlSiteLinkRenderer"/>, which keeps the original for the writing itself.
/// </summary>
public sealed class SiteLinksExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && html.ObjectRenderers.FindExact<LinkInlineRenderer>() is { } original)
        {
            html.ObjectRenderers.Replace<LinkInlineRenderer>(new HtmlSiteLinkRenderer(original));
        }
    }
}

/// <summary>Registers <see cref="SiteLinksExtension"/>.</summary>
public static class SiteLinksPipelineExtensions
{
    /// <summary>Rewrites root-relative URLs and links to Markdown files for the site, and sizes static images.</summary>
    public static MarkdownPipelineBuilder UseSiteLinks(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<SiteLinksExtension>();
        return pipeline;
    }
}
