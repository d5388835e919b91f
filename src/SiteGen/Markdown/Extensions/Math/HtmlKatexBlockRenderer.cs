using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using SiteGen.Mathematics;

namespace SiteGen.Markdown.Extensions.Mathematics;

/// <summary>Writes a <see cref="MathBlock"/> (<c>$$</c> fenced) as display-mode KaTeX HTML inside <c>&lt;div class="math"&gt;</c>.</summary>
public sealed class HtmlKatexBlockRenderer(KatexRenderer katex) : HtmlObjectRenderer<MathBlock>
{
    protected override void Write(HtmlRenderer renderer, MathBlock obj)
    {
        renderer.EnsureLine();
        var html = KatexMathWriter.Render(katex, obj.Lines.ToString(), displayMode: true, obj);
        if (renderer.EnableHtmlForBlock)
        {
            renderer.Write("<div").WriteAttributes(obj).Write('>').Write(html).WriteLine("</div>");
        }
        else
        {
            renderer.WriteLeafRawLines(obj, true, true);
        }
    }
}
