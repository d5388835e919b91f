using SiteGen.Search;

namespace SiteGen.Tests.Search;

public sealed class TypoKeysTests
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz";

    private static readonly string[] Words =
        ["transformer", "diffusion", "normalizing", "attention", "model", "flow", "softmax", "gradient", "abcde", "aabba"];

    /// <summary>Every word one edit away: deletions, insertions, substitutions and adjacent transpositions.</summary>
    private static IEnumerable<string> OneEdit(string w, string alphabet = Alphabet)
    {
        for (var i = 0; i < w.Length; i++)
        {
            yield return w.Remove(i, 1);
            foreach (var c in alphabet)
            {
                yield return w[..i] + c + w[(i + 1)..];
            }

            if (i + 1 < w.Length)
            {
                yield return w[..i] + w[i + 1] + w[i] + w[(i + 2)..];
            }
        }

        for (var i = 0; i <= w.Length; i++)
        {
            foreach (var c in alphabet)
            {
                yield return w.Insert(i, c.ToString());
            }
        }
    }

    /// <summary>The plain dynamic programme, without early exit, to check the bounded one against.</summary>
    private static int Reference(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    [Fact]
    public void EveryWordOneEditAwaySharesAKey()
    {
        foreach (var word in Words)
        {
            var keys = TypoKeys.Keys(word, 1);
            foreach (var typo in OneEdit(word).Where(t => t.Length >= 4))
            {
                Assert.True(keys.Overlaps(TypoKeys.Keys(typo, 1)), $"'{typo}' shares no key with '{word}'");
            }
        }
    }

    [Fact]
    public void EveryWordTwoEditsAwaySharesAKey()
    {
        foreach (var word in Words.Where(w => w.Length >= 7))
        {
            var keys = TypoKeys.Keys(word, 2);
            // Every pair of edits, with letters from the word itself and one foreign letter: which letter is
            // inserted or substituted only matters through whether it equals a neighbour.
            var letters = new string(word.Distinct().Append('q').ToArray());
            foreach (var once in OneEdit(word, letters).Distinct())
            {
                foreach (var twice in OneEdit(once, letters).Where(t => t.Length >= 7))
                {
                    Assert.True(keys.Overlaps(TypoKeys.Keys(twice, 2)), $"'{twice}' shares no key with '{word}'");
                }
            }
        }
    }

    [Fact]
    public void DistanceIsOptimalStringAlignmentAndStopsEarlyAboveTheBound()
    {
        foreach (var word in Words)
        {
            foreach (var other in OneEdit(word).SelectMany(w => OneEdit(w)).Where((_, i) => i % 97 == 0).Concat(Words))
            {
                var exact = Reference(word, other);
                Assert.Equal(Math.Min(exact, 3), TypoKeys.Distance(word, other, 2));
                Assert.Equal(Math.Min(exact, 2), TypoKeys.Distance(word, other, 1));
            }
        }

        Assert.Equal(1, TypoKeys.Distance("transfromer", "transformer", 2));
        Assert.Equal(1, TypoKeys.Distance("difusion", "diffusion", 1));
    }

    [Fact]
    public void OnlyLatinWordsTakePartWithEditsByLength()
    {
        Assert.Equal(0, TypoKeys.TermEdits("abc"));
        Assert.Equal(1, TypoKeys.TermEdits("flow"));
        Assert.Equal(1, TypoKeys.TermEdits("softma"));
        Assert.Equal(2, TypoKeys.TermEdits("softmax"));
        Assert.Equal(0, TypoKeys.TermEdits("fp32abc"));
        Assert.Equal(0, TypoKeys.TermEdits("\\theta"));
        Assert.Equal(0, TypoKeys.TermEdits("扩散模型"));
        Assert.Equal(1, TypoKeys.TermEdits("café"));
        Assert.Equal([0, 1, 1, 2, 0, 1], new[] { (4, 4), (5, 5), (8, 8), (9, 9), (3, 5), (4, 5) }.Select(p => TypoKeys.QueryEdits(p.Item1, p.Item2)));
        Assert.Equal(["abcd", "abcde", "abce", "abde", "acde", "bcde"], TypoKeys.Keys("abcdefgh", 1));
        Assert.Equal(16, TypoKeys.Keys("abcdefgh", 2).Count);
    }
}
