using System.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteGen.Common;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Markdown.Extensions.Links;

namespace SiteGen.Markdown;

/// <summary>
/// Renders page bodies to HTML with the shared Markdig pipeline, in parallel, in two passes: every page is parsed
/// first (headings get their ids), so that links by file can be resolved against all pages while rendering.
/// </summary>
/// <param name="staticDir">The site's static folder, for image sizes; null for none.</param>
public sealed class RenderMarkdown(MarkdownPipeline pipeline, IDocumentContext? documentContext = null, string? staticDir = null)
{
    public IReadOnlyList<RenderedPage> Run(IReadOnlyList<Page> pages, DiagnosticBag diagnostics) => Run(pages, diagnostics, store: null);

    /// <summary>
    /// As <see cref="Run(IReadOnlyList{Page}, DiagnosticBag)"/>, reusing from <paramref name="store"/> each body whose
    /// Markdown is unchanged while everything it took from other pages (their URLs and anchors, image sizes) still holds.
    /// </summary>
    public IReadOnlyList<RenderedPage> Run(IReadOnlyList<Page> pages, DiagnosticBag diagnostics, IRenderedPageStore? store)
    {
        var reused = new StoredRendering?[pages.Count];
        var documents = new (MarkdownDocument? Document, Exception? Failure)[pages.Count];
        Parallel.For(0, pages.Count, i =>
        {
            if (store?.TryGet(pages[i]) is { } hit)
            {
                reused[i] = hit;
            }
            else
            {
                documents[i] = Parse(pages[i]);
            }
        });

        var links = new SiteLinkIndex(
            pages.Select((page, i) => (page, reused[i]?.Rendered.Anchors ?? Anchors(documents[i].Document))), staticDir);
        var rendered = new RenderedPage[pages.Count];
        Parallel.For(0, pages.Count, i =>
        {
            var page = pages[i];
            if (reused[i] is { } hit && links.StillHolds(hit.Rendered.Dependencies))
            {
                foreach (var diagnostic in hit.Diagnostics)
                {
                    diagnostics.Add(diagnostic);
                }

                rendered[i] = hit.Rendered with { Page = page };
                return;
            }

            var local = new DiagnosticBag();
            var parsed = documents[i].Document is null && documents[i].Failure is null ? Parse(page) : documents[i];
            rendered[i] = RenderGuarded(page, parsed, document => Render(page, document, links, local), local);
            var found = local.Snapshot();
            store?.Set(page, new StoredRendering(rendered[i], found));
            foreach (var diagnostic in found)
            {
                diagnostics.Add(diagnostic);
            }
        });
        return rendered;
    }

    /// <summary>Renders one page on its own: links by file resolve only to itself.</summary>
    public RenderedPage RenderOne(Page page, DiagnosticBag diagnostics) => Run([page], diagnostics)[0];

    /// <summary>
    /// Parses one page, or returns the exception when Markdig rejects it by throwing (nesting past its depth
    /// limit, for one); <see cref="RenderGuarded"/> then shows the page as text.
    /// </summary>
    private (MarkdownDocument? Document, Exception? Failure) Parse(Page page)
    {
        try
        {
            return (Markdig.Markdown.Parse(page.Markdown, pipeline), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, e);
        }
    }

    /// <summary>
    /// Renders one parsed page. A page Markdig cannot parse or render is a located warning and shows its Markdown
    /// as text, so nothing of it is lost and the build goes on.
    /// </summary>
    private static RenderedPage RenderGuarded(Page page, (MarkdownDocument? Document, Exception? Failure) parsed,
        Func<MarkdownDocument, RenderedPage> render, DiagnosticBag diagnostics)
    {
        var failure = parsed.Failure;
        RenderedPage? rendered = null;
        if (parsed.Document is { } document)
        {
            try
            {
                rendered = render(document);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failure = e;
            }
        }

        if (rendered is null)
        {
            diagnostics.Warning("SG0210", page.SourcePath, page.BodyLine, 1,
                $"the Markdown cannot be rendered ({failure!.Message.TrimEnd('.')}); the page shows it as plain text. " +
                "Simplify the deepest nesting (quotes, lists, brackets) or escape the characters that start it");
            rendered = new RenderedPage(page, $"<pre class=\"unrendered\">{System.Net.WebUtility.HtmlEncode(page.Markdown)}</pre>\n", [], false, page.Markdown);
        }

        PausePoint.Reached("render");
        return rendered;
    }

    private RenderedPage Render(Page page, MarkdownDocument document, SiteLinkIndex links, DiagnosticBag diagnostics)
    {
        var context = new PageRenderContext(page, diagnostics, links);
        document.SetData(typeof(PageRenderContext), context);
        var hasMath = documentContext?.Attach(document, page, diagnostics) ?? false;
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        hasMath |= documentContext?.HasMath(document) ?? ContainsMath(document);
        return new RenderedPage(page, writer.ToString(), TableOfContents(document), hasMath, PlainText(document))
        {
            HasHighlight = context.HighlightedBlocks > 0,
            Anchors = Anchors(document),
            Dependencies = context.Dependencies.ToList(),
        };
    }

    /// <summary>Every heading id, as the auto-identifiers extension assigned them while parsing (none if parsing failed).</summary>
    private static HashSet<string> Anchors(MarkdownDocument? document) =>
        (document?.Descendants<HeadingBlock>() ?? [])
            .Select(h => h.GetAttributes().Id)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

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

/// <summary>A rendered body and the diagnostics rendering it reported, as a live preview keeps them between builds.</summary>
public sealed record StoredRendering(RenderedPage Rendered, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>Where bodies rendered by an earlier build are kept (the live preview's cache).</summary>
public interface IRenderedPageStore
{
    /// <summary>The last rendering of <paramref name="page"/>'s file if its Markdown (and where it starts) is unchanged.</summary>
    StoredRendering? TryGet(Page page);

    void Set(Page page, StoredRendering rendering);
}
