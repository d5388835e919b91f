using System.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteGen.Common;
using SiteGen.Content;
using SiteGen.Diagnostics;

namespace SiteGen.Markdown;

/// <summary>Renders page bodies to HTML with the shared Markdig pipeline, in parallel.</summary>
public sealed class RenderMarkdown(MarkdownPipeline pipeline, IDocumentContext? documentContext = null)
{
    public IReadOnlyList<RenderedPage> Run(IReadOnlyList<Page> pages, DiagnosticBag diagnostics)
    {
        var rendered = new RenderedPage[pages.Count];
        Parallel.For(0, pages.Count, i => rendered[i] = RenderOne(pages[i], diagnostics));
        return rendered;
    }

    /// <summary>
    /// Renders one page. Markdig rejects some inputs by throwing (nesting past its depth limit, for one): such a
    /// page is a located warning and shows its Markdown as text, so nothing of it is lost and the build goes on.
    /// </summary>
    public RenderedPage RenderOne(Page page, DiagnosticBag diagnostics)
    {
        RenderedPage rendered;
        try
        {
            rendered = Render(page, diagnostics);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diagnostics.Warning("SG0210", page.SourcePath, page.BodyLine, 1,
                $"the Markdown cannot be rendered ({e.Message.TrimEnd('.')}); the page shows it as plain text. " +
                "Simplify the deepest nesting (quotes, lists, brackets) or escape the characters that start it");
            rendered = new RenderedPage(page, $"<pre class=\"unrendered\">{System.Net.WebUtility.HtmlEncode(page.Markdown)}</pre>\n", [], false, page.Markdown);
        }

        PausePoint.Reached("render");
        return rendered;
    }

    private RenderedPage Render(Page page, DiagnosticBag diagnostics)
    {
        var document = Markdig.Markdown.Parse(page.Markdown, pipeline);
        var hasMath = documentContext?.Attach(document, page, diagnostics) ?? false;
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        hasMath |= documentContext?.HasMath(document) ?? ContainsMath(document);
        return new RenderedPage(page, writer.ToString(), TableOfContents(document), hasMath, PlainText(document));
    }

    private static List<TocEntry> TableOfContents(MarkdownDocument document) =>
        document.Descendants<HeadingBlock>()
            .Where(h => h.Level is >= 2 and <= 3 && h.GetAttributes().Id is not null)
            .Select(h => new TocEntry(h.Level, h.GetAttributes().Id!, InlineText(h.Inline)))
            .ToList();

    private static bool ContainsMath(MarkdownDocument document) =>
        document.Descendants<Markdig.Extensions.Mathematics.MathInline>().Any()
        || document.Descendants<Markdig.Extensions.Mathematics.MathBlock>().Any();

    private static string PlainText(MarkdownDocument document)
    {
        var text = new StringBuilder();
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf.Inline is not null)
            {
                text.Append(InlineText(leaf.Inline));
            }
            else
            {
                text.Append(leaf.Lines.ToString());
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string InlineText(ContainerInline? container)
    {
        if (container is null)
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var inline in container.Descendants())
        {
            switch (inline)
            {
                case LiteralInline literal: text.Append(literal.Content.AsSpan()); break;
                case CodeInline code: text.Append(code.Content); break;
                case Markdig.Extensions.Mathematics.MathInline math: text.Append(math.Content.AsSpan()); break;
                case Extensions.Placeholders.PlaceholderInline mark: text.Append('[').Append(mark.Label).Append(']'); break;
                case LineBreakInline: text.Append(' '); break;
            }
        }

        return text.ToString();
    }
}

/// <summary>
/// Per-document state a Markdig extension needs while rendering (the page's file and line offset for
/// diagnostics); stored on the document so renderers never keep "the current file" in static state.
/// </summary>
public interface IDocumentContext
{
    /// <summary>Attaches the context for <paramref name="page"/>; returns whether the page is already known to have math.</summary>
    bool Attach(MarkdownDocument document, Page page, DiagnosticBag diagnostics);

    /// <summary>Whether rendering found math in the document.</summary>
    bool HasMath(MarkdownDocument document);
}
