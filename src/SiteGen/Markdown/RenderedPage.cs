using SiteGen.Content;

namespace SiteGen.Markdown;

/// <summary>An entry of a page's table of contents.</summary>
public sealed record TocEntry(int Level, string Id, string Text);

/// <summary>A page with its body rendered to HTML and the facts templates need about it.</summary>
/// <param name="Text">Plain text of the body, for excerpts, reading time and related articles.</param>
public sealed record RenderedPage(Page Page, string Html, IReadOnlyList<TocEntry> Toc, bool HasMath, string Text)
{
    /// <summary>True when some code block is highlighted: the page links the highlight stylesheet.</summary>
    public bool HasHighlight { get; init; }

    /// <summary>Every heading id of the body, which links by file (<c>page.md#id</c>) from other pages may name.</summary>
    public IReadOnlySet<string> Anchors { get; init; } = new HashSet<string>();

    /// <summary>What the HTML took from outside the page; a later build may reuse it only while each still holds.</summary>
    public IReadOnlyList<RenderDependency> Dependencies { get; init; } = [];
}

/// <summary>
/// One fact outside a page that its rendered HTML used: the URL and anchor of a page it links to by file, or the
/// size of a static image it shows. <paramref name="Value"/> is what the fact was; the HTML is stale once it differs.
/// </summary>
/// <param name="Kind"><c>page</c> (a link to <paramref name="Target"/>, a Markdown file, and <paramref name="Fragment"/>) or <c>image</c> (a static file).</param>
public sealed record RenderDependency(string Kind, string Target, string? Fragment, string Value);
