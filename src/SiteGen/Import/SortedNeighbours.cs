namespace SiteGen.Import;

/// <summary>
/// Truncation candidates: sorted by their text, a truncated copy lands right before the text it was cut from
/// (only other cuts of the same beginning can sort between them). A second order starts each text at a
/// content-defined anchor (the smallest-hash 8-gram of characters 16–96), so a copy edited in its first
/// characters, a prefixed tag say, still sorts next to its original. Each text is paired with the next
/// <see cref="Window"/> texts of each order that share at least <see cref="MinimumSharedStart"/> characters.
/// </summary>
internal static class SortedNeighbours
{
    /// <summary>How many following texts in each sorted order a text is paired with.</summary>
    public const int Window = 8;

    /// <summary>Neighbours sharing fewer leading characters are left to the bands (a truncation needs at least this many).</summary>
    public const int MinimumSharedStart = SameArticle.MinimumTruncation;

    private const int AnchorFrom = 16;
    private const int AnchorTo = 96;
    private const int AnchorLength = 8;

    /// <summary>For each text, the higher-ranked neighbours (see <see cref="NearDuplicates.IsLonger"/>) whose lengths allow a match.</summary>
    public static List<int>?[] Find(ArticleVersion[] versions, double editShare)
    {
        var neighbours = new List<int>?[versions.Length];
        var starts = new int[versions.Length];
        Pair(versions, starts, editShare, neighbours);
        Parallel.For(0, versions.Length, i => starts[i] = Anchor(versions[i].Core));
        Pair(versions, starts, editShare, neighbours);
        return neighbours;
    }

    private static void Pair(ArticleVersion[] versions, int[] starts, double editShare, List<int>?[] neighbours)
    {
        var order = Enumerable.Range(0, versions.Length).Where(i => starts[i] >= 0).ToArray();
        Array.Sort(order, (a, b) =>
        {
            var c = From(versions, starts, a).SequenceCompareTo(From(versions, starts, b));
            return c != 0 ? c : a.CompareTo(b);
        });

        for (var p = 0; p < order.Length; p++)
        {
            for (var q = p + 1; q < Math.Min(order.Length, p + 1 + Window); q++)
            {
                var (a, b) = (order[p], order[q]);
                if (From(versions, starts, a).CommonPrefixLength(From(versions, starts, b)) < MinimumSharedStart)
                {
                    // Sorted order: texts further on share even less of a's beginning.
                    break;
                }

                var (lower, upper) = NearDuplicates.IsLonger(versions, b, a) ? (a, b) : (b, a);
                if (SameArticle.LengthsAllow(versions[lower], versions[upper], editShare))
                {
                    (neighbours[lower] ??= []).Add(upper);
                }
            }
        }
    }

    private static ReadOnlySpan<char> From(ArticleVersion[] versions, int[] starts, int i) => versions[i].Core[starts[i]..];

    /// <summary>Where the smallest-hash 8-gram of characters 16–96 starts; -1 when the text is too short to have one worth using.</summary>
    private static int Anchor(ReadOnlySpan<char> core)
    {
        if (core.Length < AnchorFrom + AnchorLength + MinimumSharedStart)
        {
            return -1;
        }

        var (best, bestHash) = (-1, ulong.MaxValue);
        for (var p = AnchorFrom; p + AnchorLength <= Math.Min(core.Length, AnchorTo); p++)
        {
            var hash = ShingleSet.Hash(core.Slice(p, AnchorLength));
            if (hash < bestHash)
            {
                (best, bestHash) = (p, hash);
            }
        }

        return best;
    }
}
