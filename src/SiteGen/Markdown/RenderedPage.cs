using SiteGen.Content;

namespace SiteGen.Markdown;

/// <summary>An entry of a page's table of contents.</summary>
public sealed record TocEntry(int Level, string Id, string Text);

/// <summary>A page with its body rendered to HTML and the facts templates need about it.</summary>
/// <param name="Text">Plain text of the body, for excerpts, reading time and related articles.</param>
public sealed record RenderedPage(Page Page, string Html, IReadOnlyList<TocEntry> Toc, bool HasMath, string Text)
{
    /// <summary>
    /// The body as HTML. A build keeps bodies in its state on disk rather than in memory (<see cref="Stored"/>):
    /// then each use reads it back, so a large site never holds every page's HTML at once.
    /// </summary>
    public string Html
    {
        get => field ?? HtmlSource?.Invoke() ?? "";
        init => field = value;
    } = Html;

    /// <summary>Where <see cref="Html"/> is read from when it is not held; null when it is.</summary>
    public Func<string>? HtmlSource { get; init; }

    /// <summary>SHA-256 of the UTF-8 HTML (lower-case hex) when known, so keys need not read the HTML.</summary>
    public string? HtmlHash { get; init; }

    /// <summary>The links and images of the Markdown, where they are written, for the link check.</summary>
    public IReadOnlyList<BodyLink> Links { get; init; } = [];

    /// <summary>A page whose HTML is read from <paramref name="html"/> on each use.</summary>
    public static RenderedPage Stored(Page page, Func<string> html, string htmlHash, IReadOnlyList<TocEntry> toc, bool hasMath, string text) =>
        new(page, null!, toc, hasMath, text) { HtmlSource = html, HtmlHash = htmlHash };

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

/// <summary>
/// A link or image of a page's Markdown as written (<paramref name="Url"/> before any rewriting), at its true
/// position in the page's file (1-based), so a link checker can report it where the author fixes it.
/// </summary>
public sealed record BodyLink(string Url, string File, int Line, int Column, bool IsImage);
