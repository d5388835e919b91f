using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax.Inlines;

namespace SiteGen.Markdown.Extensions.Links;

/// <summary>
/// Writes links and images as Markdig does, after fixing their URL for the site: a root-relative URL
/// (<c>/images/x.png</c>) is made relative to the page, so the page works under any base path and from disk;
/// a relative link to a Markdown file (<c>other.md#section</c>) becomes that page's URL, and a missing file or
/// anchor is a warning at the link. Images load lazily, and static PNG, JPEG, GIF, WebP and SVG files get their
/// width and height so the page does not jump while they load. Without a <see cref="PageRenderContext"/> with a
/// <see cref="SiteLinkIndex"/>, links are written exactly as Markdig writes them.
/// </summary>
public sealed class HtmlSiteLinkRenderer(LinkInlineRenderer original) : HtmlObjectRenderer<LinkInline>
{
    internal LinkInlineRenderer Original => original;

    protected override void Write(HtmlRenderer renderer, LinkInline obj)
    {
        if (PageRenderContext.Of(obj) is { Links: not null } context && renderer.EnableHtmlForInline)
        {
            var written = obj.GetDynamicUrl?.Invoke() ?? obj.Url;
            if (written is not null)
            {
                var link = SiteLink.Rewrite(written, obj, context);
                obj.GetDynamicUrl = null;
                obj.Url = link.Url;
                if (obj.IsImage)
                {
                    var attributes = obj.GetAttributes();
                    attributes.AddPropertyIfNotExist("loading", "lazy");
                    if (link.Size is { } size)
                    {
                        attributes.AddPropertyIfNotExist("width", size.Width.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        attributes.AddPropertyIfNotExist("height", size.Height.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }
                }
            }
        }

        original.Write(renderer, obj);
    }
}
