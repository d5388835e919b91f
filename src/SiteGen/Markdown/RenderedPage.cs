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
}

/// <summary>
/// A link or image of a page's Markdown as written (<paramref name="Url"/> before any rewriting), at its true
/// position in the page's file (1-based), so a link checker can report it where the author fixes it.
/// </summary>
public sealed record BodyLink(string Url, string File, int Line, int Column, bool IsImage);
