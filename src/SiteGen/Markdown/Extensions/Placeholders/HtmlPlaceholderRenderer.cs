using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace SiteGen.Markdown.Extensions.Placeholders;

/// <summary>Shows a lost-content mark as a labelled, styled span whose text is still the original mark.</summary>
public sealed class HtmlPlaceholderRenderer : HtmlObjectRenderer<PlaceholderInline>
{
    protected override void Write(HtmlRenderer renderer, PlaceholderInline obj)
    {
        var what = obj.Label == "代码" ? "代码" : "公式";
        renderer.Write("<span class=\"missing\" title=\"原文此处缺失")
                .Write(what)
                .Write("\">[")
                .WriteEscape(obj.Label)
                .Write("]</span>");
    }
}
