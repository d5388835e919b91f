using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using SiteGen.Mathematics;

namespace SiteGen.Markdown.Extensions.Mathematics;

/// <summary>
/// Writes a <see cref="MathInline"/> as KaTeX HTML inside Markdig's <c>&lt;span class="math"&gt;</c>:
/// <c>$…$</c> in inline mode, <c>$$…$$</c> in display mode.
/// </summary>
public sealed class HtmlKatexInlineRenderer(KatexRenderer katex) : HtmlObjectRenderer<MathInline>
{
    protected override void Write(HtmlRenderer renderer, MathInline obj)
    {
        var html = KatexMathWriter.Render(katex, obj.Content.ToString(), displayMode: obj.DelimiterCount >= 2, obj);
        if (renderer.EnableHtmlForInline)
        {
            renderer.Write("<span").WriteAttributes(obj).Write('>').Write(html).Write("</span>");
        }
        else
        {
            renderer.WriteEscape(obj.Content);
        }
    }
}
