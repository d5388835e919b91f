using SiteGen.Config;

namespace SiteGen.Import;

/// <summary>
/// Folds feed entries into articles: exact duplicates (after NFKC and whitespace normalization) first, then
/// near duplicates found by MinHash/LSH candidates (plus a shared-prefix key for differently truncated copies)
/// and confirmed by the true shingle similarity. Output order is the order of first occurrence.
/// </summary>
public sealed class DeduplicateArticles
{
    // Containment alone would glue a short quote to any article that contains it, so it needs to be near total.
    private const double MinimumContainment = 0.9;
    private const int MinimumShinglesForContainment = 20;
    private const int PrefixKeyLength = 64;
    private const int MaxComparisonsPerBucket = 64;

    public DeduplicatedArticles Deduplicate(IReadOnlyList<FeedEntry> entries, SiteConfig config)
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
        var clusters = FindNearDuplicates(texts, config.DedupThreshold, config.ShingleSize);

        var articles = BuildArticles(entries, normalized, entryToDistinct, firstEntryOfDistinct, clusters);
        return new DeduplicatedArticles(
            articles,
            ExactDuplicates: entries.Count - distinctCount,
            NearDuplicates: distinctCount - articles.Count);
    }

    private static UnionFind FindNearDuplicates(string[] texts, double threshold, int shingleSize)
    {
        var bands = new MinHashBands(threshold);
        var keys = new ulong[texts.Length][];
        Parallel.For(0, texts.Length, i => keys[i] = bands.BandKeys(texts[i], shingleSize));
        // Exact shingle sets only for texts that became candidates: keeping them all would cost gigabytes at 100k entries.
        var shingles = new Dictionary<int, ulong[]>();

        // All (key, text) pairs sorted by key: texts sharing a key end up next to each other, with no per-bucket allocations.
        var prefixKeys = texts.Count(t => t.Length >= PrefixKeyLength);
        var allKeys = new ulong[texts.Length * bands.Bands + prefixKeys];
        var owners = new int[allKeys.Length];
        var n = 0;
        for (var i = 0; i < texts.Length; i++)
        {
            foreach (var key in keys[i])
            {
                allKeys[n] = key;
                owners[n++] = i;
            }
            if (texts[i].Length >= PrefixKeyLength)
            {
                // Differently truncated copies share their beginning but can be far apart in Jaccard terms.
                allKeys[n] = ShingleSet.Hash(texts[i].AsSpan(0, PrefixKeyLength)) ^ 0x5851F42D4C957F2DUL;
                owners[n++] = i;
            }
        }
        Array.Sort(allKeys, owners);

        var unionFind = new UnionFind(texts.Length);
        var compared = new HashSet<long>();
        for (var runStart = 0; runStart < allKeys.Length;)
        {
            var runEnd = runStart + 1;
            while (runEnd < allKeys.Length && allKeys[runEnd] == allKeys[runStart])
            {
                runEnd++;
            }
            if (runEnd - runStart > 1)
            {
                var members = owners[runStart..runEnd];
                Array.Sort(members);
                CompareRun(members);
            }
            runStart = runEnd;
        }
        return unionFind;

        void CompareRun(int[] members)
        {
            for (var b = 1; b < members.Length; b++)
            {
                for (var a = Math.Max(0, b - MaxComparisonsPerBucket); a < b; a++)
                {
                    var (i, j) = (members[a], members[b]);
                    if (i == j || unionFind.Find(i) == unionFind.Find(j) || !compared.Add(((long)i << 32) | (uint)j))
                    {
                        continue;
                    }
                    if (AreNearDuplicates(ShinglesOf(i), ShinglesOf(j), threshold))
                    {
                        unionFind.Union(i, j);
                    }
                }
            }
        }

        ulong[] ShinglesOf(int i)
        {
            if (!shingles.TryGetValue(i, out var set))
            {
                shingles[i] = set = ShingleSet.Of(texts[i], shingleSize);
            }
            return set;
        }
    }

    internal static bool AreNearDuplicates(ulong[] a, ulong[] b, double threshold)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return false;
        }
        var common = ShingleSet.Intersection(a, b);
        var jaccard = (double)common / (a.Length + b.Length - common);
        if (jaccard >= threshold)
        {
            return true;
        }
        var smaller = Math.Min(a.Length, b.Length);
        return smaller >= MinimumShinglesForContainment
            && (double)common / smaller >= Math.Max(threshold, MinimumContainment);
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
