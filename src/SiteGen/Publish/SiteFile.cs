namespace SiteGen.Publish;

/// <summary>Where a build's files go: a staging folder (<see cref="SiteOutput"/>) or the served folder in place.</summary>
public interface ISiteWriter
{
    /// <summary>Writes a file at <paramref name="relativePath"/> below the site root, creating folders as needed.</summary>
    void Write(string relativePath, string content);
}

/// <summary>
/// One output file of the site, before it is rendered: its path, a key of everything it shows from other
/// pages, and how to render it. A live rebuild re-renders a file only when its key or its own article changed.
/// </summary>
/// <param name="Key">
/// Summaries of the articles and tags the file lists (titles, URLs, excerpts, dates, counts…); equal keys
/// mean equal output as long as templates, configuration and <paramref name="Article"/> are unchanged.
/// </param>
/// <param name="Article">The article an article page shows; its body and front matter are not part of the key.</param>
public sealed record SiteFile(string Path, string Key, Func<string> Render, bool IsHtml, ArticleEntry? Article = null);
