using SiteGen.Config;

namespace SiteGen.Import;

/// <summary>
/// Folds feed entries into articles: exact duplicates (after NFKC and whitespace normalization) first, then
/// near duplicates, which are only other versions of the same article: a truncated copy (an aligned common
/// prefix) or a copy with small edits over its whole length (<see cref="NearDuplicates"/>, <see cref="SameArticle"/>).
/// Output order is the order of first occurrence.
/// </summary>
public sealed class DeduplicateArticles
{
    /// <param name="memo">Kept band keys of earlier imports (none: every distinct text is hashed).</param>
    public DeduplicatedArticles Deduplicate(IReadOnlyList<FeedEntry> entries, SiteConfig config, IPageRenderMemo? memo = null)
    {
        var normalized = new string[entries.Count];
        Parallel.For(0, entries.Count, i => normalized[i] = TextKey.Normalize(entries[i].Text));

        var distinctIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var entryToDistinct = new int[entries.Count];
        var firstEntryOfDistinct = new List<int>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (!distinctIndex.TryGetValue(normalized[i], out var d))
            {
                d = firstEntryOfDistinct.Count;
                distinctIndex.Add(normalized[i], d);
                firstEntryOfDistinct.Add(i);
            }
            entryToDistinct[i] = d;
        }

        var distinctCount = firstEntryOfDistinct.Count;
        var texts = firstEntryOfDistinct.Select(i => normalized[i]).ToArray();
        var clusters = NearDuplicates.Find(texts, config.DedupThreshold, config.ShingleSize, out _, memo);

        var articles = BuildArticles(entries, normalized, entryToDistinct, firstEntryOfDistinct, clusters);
        return new DeduplicatedArticles(
            articles,
            ExactDuplicates: entries.Count - distinctCount,
            NearDuplicates: distinctCount - articles.Count);
    }

    private static List<Article> BuildArticles(
        IReadOnlyList<FeedEntry> entries,
        string[] normalized,
        int[] entryToDistinct,
        List<int> firstEntryOfDistinct,
        UnionFind clusters)
    {
        // Distinct texts are numbered in order of first occurrence, so grouping in that order keeps feed order.
        var groups = new Dictionary<int, List<int>>();
        var order = new List<int>();
        for (var d = 0; d < firstEntryOfDistinct.Count; d++)
        {
            var root = clusters.Find(d);
            if (!groups.TryGetValue(root, out var members))
            {
                groups[root] = members = [];
                order.Add(root);
            }
            members.Add(d);
        }

        var sourcesByDistinctRoot = new Dictionary<int, List<FeedEntry>>();
        for (var i = 0; i < entries.Count; i++)
        {
            var root = clusters.Find(entryToDistinct[i]);
            if (!sourcesByDistinctRoot.TryGetValue(root, out var list))
            {
                sourcesByDistinctRoot[root] = list = [];
            }
            list.Add(entries[i]);
        }

        var articles = new List<Article>(order.Count);
        foreach (var root in order)
        {
            var members = groups[root];
            var longest = members[0];
            foreach (var d in members)
            {
                if (normalized[firstEntryOfDistinct[d]].Length > normalized[firstEntryOfDistinct[longest]].Length)
                {
                    longest = d;
                }
            }
            var others = members.Where(d => d != longest).Select(d => entries[firstEntryOfDistinct[d]]).ToList();
            articles.Add(new Article(
                TextKey.IdOf(normalized[firstEntryOfDistinct[members[0]]]),
                entries[firstEntryOfDistinct[longest]],
                others,
                sourcesByDistinctRoot[root]));
        }
        return articles;
    }
}
