using SiteGen.Publish;
using SiteGen.Templates;

namespace SiteGen.Build;

/// <summary>What the served site was last built from, kept so the next live rebuild can publish only differences.</summary>
/// <param name="SiteKey">Configuration and site-wide facts (KaTeX stylesheet linked or not); a change means a full build.</param>
/// <param name="Templates">The compiled templates of that build; other templates mean a full build.</param>
/// <param name="Files">Every file of that build by path.</param>
/// <param name="Related">Each article's related articles, by URL.</param>
internal sealed record PublishedSite(
    string SiteKey,
    TemplateSet Templates,
    IReadOnlyDictionary<string, SiteFile> Files,
    IReadOnlyDictionary<string, string[]> Related);

/// <summary>
/// The files a live rebuild must write and delete: a file is affected when it is new, when what it lists
/// changed (its key: neighbours, related articles, listings, tag counts), or, for an article page, when the
/// article itself was reloaded or re-rendered. Files of the previous build missing from the new plan are deleted.
/// </summary>
internal static class AffectedPages
{
    public static (IReadOnlyList<SiteFile> Write, IReadOnlyList<string> Delete) Between(PublishedSite previous, IReadOnlyList<SiteFile> plan)
    {
        var write = plan.Where(file => Changed(previous.Files.GetValueOrDefault(file.Path), file)).ToList();
        var planned = plan.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var delete = previous.Files.Keys.Where(path => !planned.Contains(path)).Order(StringComparer.Ordinal).ToList();
        return (write, delete);
    }

    private static bool Changed(SiteFile? old, SiteFile now) =>
        old is null
        || old.Key != now.Key
        // Unchanged files keep their Page (load cache) and body HTML (render cache) instances.
        || !ReferenceEquals(old.Article?.Page, now.Article?.Page)
        || !ReferenceEquals(old.Article?.Rendered.Html, now.Article?.Rendered.Html);

    /// <summary>
    /// Related lists for a live rebuild without recomputing TF-IDF over the whole site: each article keeps
    /// the list of the last full build (minus removed articles); an article new since then has none yet.
    /// </summary>
    public static IReadOnlyList<ArticleEntry>[] Related(PublishedSite previous, IReadOnlyList<ArticleEntry> articles)
    {
        var byUrl = articles.ToDictionary(a => a.Page.Url, StringComparer.Ordinal);
        return articles
            .Select(a => (IReadOnlyList<ArticleEntry>)(previous.Related.GetValueOrDefault(a.Page.Url) ?? [])
                .Select(url => byUrl.GetValueOrDefault(url))
                .OfType<ArticleEntry>()
                .ToList())
            .ToArray();
    }

    public static IReadOnlyDictionary<string, string[]> RelatedByUrl(IReadOnlyList<ArticleEntry> articles, IReadOnlyList<ArticleEntry>[] related) =>
        articles.ToDictionary(a => a.Page.Url, a => related[a.Index].Select(r => r.Page.Url).ToArray(), StringComparer.Ordinal);
}
