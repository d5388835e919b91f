using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteGen.Content;
using SiteGen.Diagnostics;
using SiteGen.Markdown.Extensions.Links;

namespace SiteGen.Markdown;

/// <summary>
/// What SiteGen's renderers need to know about the page they render, stored on its parsed document with
/// <c>document.SetData(typeof(PageRenderContext), context)</c> so no renderer keeps "the current page" in
/// static state: where diagnostics go and point (the body starts at <see cref="Page.BodyLine"/>), the site's
/// pages for links by file, and what rendering found (highlighted blocks, what the HTML depends on).
/// One document renders on one thread.
/// </summary>
public sealed class PageRenderContext(Page page, DiagnosticBag diagnostics, SiteLinkIndex? links = null)
{
    private readonly List<RenderDependency> _dependencies = [];

    public Page Page => page;

    public DiagnosticBag Diagnostics => diagnostics;

    /// <summary>The site's pages and static files; null renders links as written (plain Markdig use).</summary>
    public SiteLinkIndex? Links => links;

    /// <summary>Code blocks written with highlighting: the page needs the highlight stylesheet when above 0.</summary>
    public int HighlightedBlocks { get; private set; }

    /// <summary>Facts outside this page that its HTML depends on (other pages' URLs and anchors, image sizes).</summary>
    public IReadOnlyList<RenderDependency> Dependencies => _dependencies;

    internal void CountHighlightedBlock() => HighlightedBlocks++;

    internal void DependOn(RenderDependency dependency)
    {
        if (!_dependencies.Contains(dependency))
        {
            _dependencies.Add(dependency);
        }
    }

    /// <summary>A warning at <paramref name="at"/>'s true position in the page's file (Markdig counts from 0 within the body).</summary>
    internal void Warning(string code, MarkdownObject at, string message) =>
        diagnostics.Warning(code, page.SourcePath, at.Line + page.BodyLine, at.Column + 1, message);

    /// <summary>The context of the document <paramref name="obj"/> belongs to, if one was attached.</summary>
    public static PageRenderContext? Of(MarkdownObject obj) =>
        MarkdownDocuments.Containing(obj)?.GetData(typeof(PageRenderContext)) as PageRenderContext;
}
