using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using SiteGen.Highlighting;

namespace SiteGen.Markdown.Extensions.Highlighting;

/// <summary>
/// Writes a fenced code block whose language has a grammar as <c>&lt;pre class="hl"&gt;&lt;code class="language-…"&gt;</c>
/// with classed spans from <see cref="CodeHighlighter"/>. Every other code block (indented, no language, <c>text</c>,
/// an unknown language, or one the tokenizer failed on) goes to Markdig's own renderer, so it is written exactly as
/// without highlighting; an unknown language or a failure is a warning at the fence. Math blocks never get here:
/// their renderers sit before this one.
/// </summary>
public sealed class HtmlHighlightedCodeBlockRenderer(CodeBlockRenderer fallback, CodeHighlighter highlighter) : HtmlObjectRenderer<CodeBlock>
{
    internal CodeBlockRenderer Fallback => fallback;

    protected override void Write(HtmlRenderer renderer, CodeBlock obj)
    {
        if (obj is not FencedCodeBlock { Info: { Length: > 0 } info } || !renderer.EnableHtmlForBlock)
        {
            fallback.Write(renderer, obj);
            return;
        }

        var context = PageRenderContext.Of(obj);
        var language = highlighter.Resolve(info);
        if (language.Kind == CodeLanguageKind.Unknown)
        {
            context?.Warning("SG0800", obj,
                $"no grammar for code language '{info}'; the block is shown uncoloured. Use a known name (python, csharp, bash, yaml, js, …) or 'text'");
            fallback.Write(renderer, obj);
            return;
        }

        if (language.Kind == CodeLanguageKind.Plain || obj.Lines.Count == 0)
        {
            // An empty block has nothing to colour; it does not make the page load the stylesheet.
            fallback.Write(renderer, obj);
            return;
        }

        var lines = new string[obj.Lines.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = obj.Lines.Lines[i].Slice.ToString();
        }

        var code = highlighter.Highlight(language, lines);
        if (code.Html is null)
        {
            context?.Warning("SG0801", obj, $"code block in '{info}' could not be highlighted ({code.Error}); it is shown uncoloured");
            fallback.Write(renderer, obj);
            return;
        }

        renderer.EnsureLine();
        // The language class comes from Markdig's attributes, escaped by its attribute writer. A long line makes
        // the block scroll sideways; tabindex lets keyboard users scroll it too.
        renderer.Write("<pre class=\"hl\" tabindex=\"0\"><code").WriteAttributes(obj).Write('>');
        renderer.Write(code.Html);
        renderer.WriteLine("</code></pre>");
        renderer.EnsureLine();
        context?.CountHighlightedBlock();
    }
}
