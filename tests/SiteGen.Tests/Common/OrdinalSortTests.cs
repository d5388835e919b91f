using CsCheck;
using SiteGen.Common;

namespace SiteGen.Tests.Common;

public sealed class OrdinalSortTests
{
    private static readonly Gen<string> Key = Gen.OneOf(Gen.String[0, 6], Gen.Char["a文😀\u00e9Z"].Array[0, 5].Select(c => new string(c)));

    /// <summary>Distinct keys, some sorted run at the front (as a map read in order and grown), the rest in any order.</summary>
    private static readonly Gen<string[]> Keys = Gen.Select(Key.HashSet[0, 60], Gen.Double[0, 1], (set, sortedShare) =>
    {
        var keys = set.ToArray();
        var run = (int)(keys.Length * sortedShare);
        Array.Sort(keys, 0, run, StringComparer.Ordinal);
        return keys;
    });

    [Fact]
    public void SortGivesOrdinalOrderWithEachValueBesideItsKey() =>
        Keys.Sample(keys =>
        {
            var values = keys.Select(k => "v:" + k).ToArray();
            var expected = keys.Order(StringComparer.Ordinal).ToArray();

            OrdinalSort.Sort(keys, values);

            Assert.Equal(expected, keys);
            Assert.Equal(expected.Select(k => "v:" + k), values);
        }, iter: 5_000);

    [Fact]
    public void ByKeyOfAMapGrownAfterItWasReadInOrder()
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in new[] { "a", "b", "d", "文", "😀" })
        {
            map.Add(key, key.Length);
        }

        map.Add("c", 7);
        map.Add("Z", 8);

        var (keys, values) = OrdinalSort.ByKey(map);

        Assert.Equal(["Z", "a", "b", "c", "d", "文", "😀"], keys);
        Assert.Equal([8, 1, 1, 7, 1, 1, 2], values);
    }

    [Fact]
    public void MergeOfSortedRunsIsOneSortedRun() =>
        Gen.Select(Key.HashSet[0, 80], Gen.Int[1, 5], Gen.Int).Sample((set, count, seed) =>
        {
            var random = new Random(seed);
            var runs = set.GroupBy(_ => random.Next(count))
                .Select(g => g.Order(StringComparer.Ordinal).ToArray())
                .Select(keys => (keys, keys.Select(k => k.Length).ToArray()))
                .ToList();

            var (keys, values) = OrdinalSort.Merge(runs);

            Assert.Equal(set.Order(StringComparer.Ordinal), keys);
            Assert.Equal(keys.Select(k => k.Length), values);
        }, iter: 2_000);
}
