namespace SiteGen.Publish;

/// <summary>Where a build's files go: a staging folder (<see cref="SiteOutput"/>) or the served folder in place.</summary>
public interface ISiteWriter
{
    /// <summary>Writes a file at <paramref name="relativePath"/> below the site root, creating folders as needed.</summary>
    void Write(string relativePath, string content);
}

/// <summary>
/// One output file of the site, before it is rendered: its path, a key of everything its bytes depend on
/// besides the theme and the configuration, and how to render it.
/// </summary>
/// <param name="Key">
/// Everything the file's bytes depend on except the template set (keyed by <c>TemplateSet.Fingerprint</c>)
/// and the configuration (title, language, base URL, page size, translations…), which the Build stage keys
/// separately: for an article page its own title, date, tags, body HTML (hashed), table of contents, sources
/// (with their feed item numbers), original link, author, listing facts and whether it links the highlight
/// stylesheet, and the summaries of its neighbours and related articles; for a listing the position and page
/// count and the summaries (title, URL, excerpt and its HTML, date, reading time, tags) of the articles and tags
/// it lists; for every HTML page whether the site ships KaTeX's stylesheet. Equal keys, fingerprints and
/// configurations mean equal bytes.
/// </param>
/// <param name="Article">The article an article page shows (its own data is in the key as well).</param>
public sealed record SiteFile(string Path, string Key, Func<string> Render, bool IsHtml, ArticleEntry? Article = null);
