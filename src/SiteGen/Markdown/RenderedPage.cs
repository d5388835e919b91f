using SiteGen.Content;

namespace SiteGen.Markdown;

/// <summary>An entry of a page's table of contents.</summary>
public sealed record TocEntry(int Level, string Id, string Text);

/// <summary>A page with its body rendered to HTML and the facts templates need about it.</summary>
/// <param name="Text">Plain text of the body, for excerpts, reading time and related articles.</param>
public sealed record RenderedPage(Page Page, string Html, IReadOnlyList<TocEntry> Toc, bool HasMath, string Text);

/// <summary>
/// A link or image of a page's Markdown as written (<paramref name="Url"/> before any rewriting), at its true
/// position in the page's file (1-based), so a link checker can report it where the author fixes it.
/// </summary>
public sealed record BodyLink(string Url, string File, int Line, int Column, bool IsImage);
