using SiteGen.Content;

namespace SiteGen.Markdown;

/// <summary>An entry of a page's table of contents.</summary>
public sealed record TocEntry(int Level, string Id, string Text);

/// <summary>A page with its body rendered to HTML and the facts templates need about it.</summary>
/// <param name="Text">Plain text of the body, for excerpts, reading time and related articles.</param>
public sealed record RenderedPage(Page Page, string Html, IReadOnlyList<TocEntry> Toc, bool HasMath, string Text);
