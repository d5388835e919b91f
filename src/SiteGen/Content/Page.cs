namespace SiteGen.Content;

/// <summary>Where one occurrence of an article came from.</summary>
public sealed record PageSource(string Feed, int Line);

/// <summary>A Markdown page from <c>content/</c> with its front matter read and checked.</summary>
/// <param name="SourcePath">Path used in diagnostics, e.g. <c>content/lora.md</c>.</param>
/// <param name="BodyLine">1-based line of the file where <paramref name="Markdown"/> starts.</param>
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
    int BodyLine)
{
    /// <summary>Site-relative URL of the page, one trailing-slash policy everywhere.</summary>
    public string Url => $"articles/{Slug}/";
}
