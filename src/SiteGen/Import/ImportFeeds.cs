using SiteGen.Config;
using SiteGen.Diagnostics;

namespace SiteGen.Import;

/// <summary>The Import stage as the build runs it: feeds → articles → <c>content/*.md</c>.</summary>
public static class ImportFeeds
{
    /// <param name="renders">What rendering each page gave in earlier imports, so unchanged pages are not rendered again.</param>
    public static ImportResult Run(SiteConfig config, DiagnosticBag diagnostics, TimeProvider clock, IPageRenderMemo? renders = null)
    {
        var batch = new ReadFeeds().Read(config.SeedsDir, diagnostics);
        var deduplicated = new DeduplicateArticles().Deduplicate(batch.Entries, config, renders);
        // Feed items that share a link or guid merge when their texts agree by a lower bar; items stand for equal text lines.
        deduplicated = new Syndication.MergeFeedItems().Merge(deduplicated, batch.Entries, config);
        var pages = new WritePages().Write(deduplicated.Articles, config, diagnostics, clock, renders);
        return new ImportResult(
            batch.Feeds.Count,
            batch.Entries.Count,
            deduplicated.Articles.Count,
            deduplicated.ExactDuplicates,
            deduplicated.NearDuplicates,
            pages.Created,
            pages.Updated,
            pages.Unchanged,
            pages.KeptEdited);
    }
}
