namespace SiteGen.Content;

/// <summary>Where one occurrence of an article came from.</summary>
/// <param name="Item">1-based position of the item in an RSS, Atom or JSON Feed file; null for a text feed's line.</param>
public sealed record PageSource(string Feed, int Line, int? Item = null);

/// <summary>A Markdown page from <c>content/</c> with its front matter read and checked.</summary>
/// <param name="SourcePath">Path used in diagnostics, e.g. <c>content/lora.md</c>.</param>
/// <param name="BodyLine">1-based line of the file where <paramref name="Markdown"/> starts.</param>
/// <param name="Link">Front matter <c>link</c>: the original the article was imported from (any string; checked where it is shown).</param>
/// <param name="Author">Front matter <c>author</c>.</param>
public sealed record Page(
    string SourcePath,
    string Id,
    string Title,
    string Slug,
    DateOnly? Date,
    IReadOnlyList<string> Tags,
    IReadOnlyList<PageSource> Sources,
    bool Truncated,
    string? Description,
    string Markdown,
    int BodyLine,
    string? Link = null,
    string? Author = null)
{
    /// <summary>Site-relative URL of the page, one trailing-slash policy everywhere.</summary>
    public string Url => $"articles/{Slug}/";
}
