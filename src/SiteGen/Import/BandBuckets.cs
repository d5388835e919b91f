namespace SiteGen.Import;

/// <summary>
/// Every (LSH band key, text) pair sorted by key, so a bucket is a run of equal keys; a bucket of more than
/// <see cref="NearDuplicates.MaxBucketSize"/> texts is shared text and nominates nobody.
/// </summary>
internal sealed class BandBuckets
{
    private readonly ulong[] _keys;
    private readonly int[] _owners;
    private readonly int[] _positions;
    private readonly int[] _runStart;
    private readonly int[] _runEnd;
    private readonly int _bands;

    public BandBuckets(ulong[][] keys, int bands)
    {
        _bands = bands;
        var total = keys.Length * bands;
        _keys = new ulong[total];
        // Owner and band in one int: text * bands + band.
        _owners = new int[total];
        for (var i = 0; i < keys.Length; i++)
        {
            for (var b = 0; b < bands; b++)
            {
                _keys[i * bands + b] = keys[i][b];
                _owners[i * bands + b] = i * bands + b;
            }
        }

        SortByKey(_keys, _owners);
        _positions = new int[total];
        _runStart = new int[total];
        _runEnd = new int[total];
        for (var start = 0; start < total;)
        {
            var end = start + 1;
            while (end < total && _keys[end] == _keys[start])
            {
                end++;
            }

            if (end - start > NearDuplicates.MaxBucketSize)
            {
                SkippedBuckets++;
            }

            for (var k = start; k < end; k++)
            {
                _positions[_owners[k]] = k;
                _runStart[k] = start;
                _runEnd[k] = end;
            }

            start = end;
        }
    }

    public int SkippedBuckets { get; }

    /// <summary>
    /// Sorts the pairs by key, equal keys in the order they came (a radix sort, a byte at a time from the lowest):
    /// <c>Array.Sort</c> over two value-type arrays is framework code compiled afresh, unoptimized, in every process.
    /// </summary>
    private static void SortByKey(ulong[] keys, int[] owners)
    {
        var (fromKeys, fromOwners) = (keys, owners);
        var (toKeys, toOwners) = (new ulong[keys.Length], new int[keys.Length]);
        var counts = new int[256];
        for (var shift = 0; shift < 64; shift += 8)
        {
            Array.Clear(counts);
            foreach (var key in fromKeys)
            {
                counts[(int)(key >> shift) & 0xFF]++;
            }

            if (counts[(int)(fromKeys.Length == 0 ? 0 : (fromKeys[0] >> shift) & 0xFF)] == fromKeys.Length)
            {
                // Every key has the same byte here: the order stays as it is.
                continue;
            }

            for (int b = 0, start = 0; b < 256; b++)
            {
                (counts[b], start) = (start, start + counts[b]);
            }

            for (var i = 0; i < fromKeys.Length; i++)
            {
                var to = counts[(int)(fromKeys[i] >> shift) & 0xFF]++;
                toKeys[to] = fromKeys[i];
                toOwners[to] = fromOwners[i];
            }

            (fromKeys, fromOwners, toKeys, toOwners) = (toKeys, toOwners, fromKeys, fromOwners);
        }

        if (!ReferenceEquals(fromKeys, keys))
        {
            fromKeys.CopyTo(keys, 0);
            fromOwners.CopyTo(owners, 0);
        }
    }

    /// <summary>
    /// Adds, once per shared band, every higher-ranked text sharing a bucket with text <paramref name="i"/> whose
    /// length allows a match; returns the entries visited.
    /// </summary>
    public long CollectLonger(int i, ArticleVersion[] versions, double editShare, List<int> into)
    {
        long visited = 0;
        for (var b = 0; b < _bands; b++)
        {
            var position = _positions[i * _bands + b];
            var (start, end) = (_runStart[position], _runEnd[position]);
            if (end - start > NearDuplicates.MaxBucketSize)
            {
                continue;
            }

            for (var k = start; k < end; k++)
            {
                var j = _owners[k] / _bands;
                if (j != i && NearDuplicates.IsLonger(versions, j, i) && SameArticle.LengthsAllow(versions[i], versions[j], editShare))
                {
                    into.Add(j);
                }
            }

            visited += end - start;
        }

        return visited;
    }
}
