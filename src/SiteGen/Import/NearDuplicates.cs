namespace SiteGen.Import;

/// <summary>
/// Finds which distinct texts are versions of one article (<see cref="SameArticle"/>) with bounded work per
/// text, so shared boilerplate cannot make it quadratic. Candidates come from two places: neighbours in
/// sorted orders of the texts (<see cref="SortedNeighbours"/>: a truncated copy sorts right before the text it
/// was cut from), and MinHash/LSH bands (copies with small edits), where a bucket shared by many texts is
/// boilerplate and nominates nobody.
/// Each text then verifies a bounded list of longer candidates on all cores and links to the closest one.
/// </summary>
internal static class NearDuplicates
{
    /// <summary>An LSH bucket with more texts than this holds shared text, not one article's versions.</summary>
    public const int MaxBucketSize = 16;

    /// <summary>Band candidates verified per text, those sharing the most bands first.</summary>
    public const int MaxBandCandidates = 8;

    /// <summary>
    /// Bands a pair must share to be a band candidate. Texts that only share some sentences meet in one band far
    /// more often than their similarity predicts (a few sentences hold the smallest hashes); a pair at the
    /// threshold (0.6, 32 bands × 3 rows) still shares two bands with probability 99.6%.
    /// </summary>
    public const int MinSharedBands = 2;

    /// <summary>Clusters of distinct texts; see the class summary.</summary>
    /// <param name="memo">Band keys kept from earlier imports, by text and settings (none: every text is hashed).</param>
    public static UnionFind Find(string[] texts, double threshold, int shingleSize, out NearDuplicateWork work, IPageRenderMemo? memo = null)
    {
        var versions = new ArticleVersion[texts.Length];
        var bands = new MinHashBands(threshold);
        var keys = new ulong[texts.Length][];
        Parallel.For(0, texts.Length, i =>
        {
            versions[i] = ArticleVersion.Of(texts[i]);
            keys[i] = Keys(bands, versions[i].Core, threshold, shingleSize, memo);
        });

        var editShare = SameArticle.EditShare(threshold);
        var neighbours = SortedNeighbours.Find(versions, editShare);
        var buckets = new BandBuckets(keys, bands.Bands);
        var parents = new int[texts.Length];
        var verifications = new long[texts.Length];
        var steps = new long[texts.Length];
        var visits = new long[texts.Length];
        Parallel.For(0, texts.Length, () => new List<int>(), (i, _, scratch) =>
        {
            scratch.Clear();
            visits[i] = buckets.CollectLonger(i, versions, editShare, scratch);
            var candidates = TopByCount(scratch, MinSharedBands, MaxBandCandidates);
            foreach (var j in neighbours[i] ?? [])
            {
                if (!candidates.Contains(j))
                {
                    candidates.Add(j);
                }
            }

            var (best, bestShare) = (-1, double.MaxValue);
            long work = 0;
            foreach (var j in candidates)
            {
                var edits = SameArticle.Edits(versions[i], versions[j], editShare, ref work);
                var share = (double)edits / Math.Max(1, versions[i].CoreLength);
                if (edits >= 0 && (share < bestShare || (share == bestShare && IsLonger(versions, j, best))))
                {
                    (best, bestShare) = (j, share);
                }
            }

            parents[i] = best;
            verifications[i] = candidates.Count;
            steps[i] = work;
            return scratch;
        }, _ => { });

        var clusters = new UnionFind(texts.Length);
        for (var i = 0; i < texts.Length; i++)
        {
            if (parents[i] >= 0)
            {
                clusters.Union(i, parents[i]);
            }
        }

        work = new NearDuplicateWork(visits.Sum(), verifications.Sum(), steps.Sum(), buckets.SkippedBuckets);
        return clusters;
    }

    /// <summary>The text's band keys: kept from an earlier import (a hash of the text is cheaper than its MinHash), or made and kept.</summary>
    private static ulong[] Keys(MinHashBands bands, ReadOnlySpan<char> core, double threshold, int shingleSize, IPageRenderMemo? memo)
    {
        if (memo is null)
        {
            return bands.BandKeys(core, shingleSize);
        }

        using var hash = Common.InputHash.Of("band keys").Add(BitConverter.DoubleToInt64Bits(threshold)).Add(shingleSize).Add(core);
        var key = hash.Finish();
        if (memo.FindBandKeys(key) is { } known && known.Length == bands.Bands)
        {
            return known;
        }

        var made = bands.BandKeys(core, shingleSize);
        memo.KeepBandKeys(key, made);
        return made;
    }

    /// <summary>
    /// Whether <paramref name="j"/> ranks above <paramref name="i"/>: a longer core, or the same length and earlier.
    /// Only the lower-ranked text of a pair verifies it, so every pair is verified once and links point upwards.
    /// </summary>
    public static bool IsLonger(ArticleVersion[] versions, int j, int i) =>
        i < 0 || versions[j].CoreLength > versions[i].CoreLength || (versions[j].CoreLength == versions[i].CoreLength && j < i);

    /// <summary>
    /// The distinct values of <paramref name="values"/> occurring at least <paramref name="minimum"/> times, most
    /// often first (ties: lower value first), at most <paramref name="count"/>.
    /// </summary>
    private static List<int> TopByCount(List<int> values, int minimum, int count)
    {
        values.Sort();
        var counted = new List<(int Value, int Count)>();
        for (var k = 0; k < values.Count;)
        {
            var end = k + 1;
            while (end < values.Count && values[end] == values[k])
            {
                end++;
            }

            if (end - k >= minimum)
            {
                counted.Add((values[k], end - k));
            }

            k = end;
        }

        counted.Sort((x, y) => x.Count != y.Count ? y.Count.CompareTo(x.Count) : x.Value.CompareTo(y.Value));
        return counted.Take(count).Select(c => c.Value).ToList();
    }
}

/// <summary>
/// What near-duplicate detection did, for tests that prove it stays linear: bucket entries visited,
/// pairs verified, alignment block steps, and LSH buckets skipped as shared text.
/// </summary>
internal readonly record struct NearDuplicateWork(long BucketVisits, long Verifications, long AlignmentSteps, int SkippedBuckets);
