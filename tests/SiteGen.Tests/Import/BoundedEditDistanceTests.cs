using SiteGen.Import;

namespace SiteGen.Tests.Import;

/// <summary>The bit-parallel, banded edit distance agrees with the textbook dynamic programme wherever it answers.</summary>
public sealed class BoundedEditDistanceTests
{
    [Theory]
    [InlineData(1, "ab")]
    [InlineData(2, "abcd")]
    [InlineData(3, "模型训练数据")]
    public void MatchesTheFullMatrixOnRandomPairs(int seed, string alphabet)
    {
        var random = new Random(seed);
        for (var round = 0; round < 400; round++)
        {
            // Lengths across block borders (64, 128, 192) and pairs that are near each other as well as far apart.
            var a = RandomText(random, alphabet, random.Next(0, 260));
            var b = random.Next(2) == 0 ? RandomText(random, alphabet, random.Next(0, 260)) : Mutate(random, a, alphabet, random.Next(0, 30));
            var maxEdits = random.Next(0, 90);
            foreach (var freeEnd in new[] { false, true })
            {
                long work = 0;
                var expected = freeEnd ? PrefixDistance(a, b) : Distance(a, b);
                var actual = BoundedEditDistance.Compute(a, b, maxEdits, freeEnd, ref work);
                Assert.True(expected <= maxEdits ? actual == expected : actual == -1,
                    $"round {round}, free end {freeEnd}, bound {maxEdits}: expected {expected}, got {actual} for '{a}' / '{b}'");
            }
        }
    }

    [Fact]
    public void UnrelatedTextsStopAfterAFewColumns()
    {
        var random = new Random(9);
        var a = RandomText(random, "abcdefghijklmnopqrstuvwxyz模型训练数据的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方", 400);
        // The same characters in another order: the character counts cannot tell them apart, the alignment must.
        var b = new string(a.OrderBy(_ => random.Next()).ToArray());
        long work = 0;
        Assert.Equal(-1, BoundedEditDistance.Compute(a, b, 40, freeTextEnd: false, ref work));
        // The whole matrix is 7 blocks × 400 columns = 2,800 block steps; the band and the column bound stop far sooner.
        Assert.InRange(work, 1, 400);
        work = 0;
        Assert.Equal(-1, BoundedEditDistance.Compute(a, b, 40, freeTextEnd: true, ref work));
        Assert.InRange(work, 1, 400);
    }

    [Fact]
    public void TextsWithOtherCharactersNeedNoAlignment()
    {
        long work = 0;
        Assert.Equal(-1, BoundedEditDistance.Compute(new string('模', 300), new string('型', 300), 100, freeTextEnd: false, ref work));
        Assert.Equal(0, work);
    }

    [Fact]
    public void LongTextsWithAFewEditsAreExact()
    {
        var random = new Random(4);
        var a = RandomText(random, "abcdefghijklmnopqrstuvwxyz模型训练", 5000);
        var b = a.Remove(4000, 1).Insert(100, "xyz").Remove(2500, 2).Insert(2500, "qq");
        long work = 0;
        Assert.Equal(Distance(a, b), BoundedEditDistance.Compute(a, b, 500, freeTextEnd: false, ref work));
        Assert.Equal(1, BoundedEditDistance.Compute(a[..3000] + "!", a + "tail", 10, freeTextEnd: true, ref work));
    }

    private static string RandomText(Random random, string alphabet, int length) =>
        new(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

    private static string Mutate(Random random, string text, string alphabet, int edits)
    {
        var chars = text.ToList();
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(chars.Count + 1);
            switch (random.Next(3))
            {
                case 0: chars.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                case 1 when at < chars.Count: chars.RemoveAt(at); break;
                default: if (at < chars.Count) { chars[at] = alphabet[random.Next(alphabet.Length)]; } break;
            }
        }

        return new string(chars.ToArray());
    }

    /// <summary>Row |a| of the full matrix d[i][j] for a (rows) against b (columns).</summary>
    private static int[] LastRow(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous;
    }

    private static int Distance(string a, string b) => LastRow(a, b)[b.Length];

    private static int PrefixDistance(string a, string b) => LastRow(a, b).Min();
}
