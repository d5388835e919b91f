namespace SiteGen.Import;

/// <summary>
/// The rule for "two versions of one article": the shorter one, aligned from the first character, differs
/// from the longer one by at most a small share of its characters. A truncated version (it ends with an
/// ellipsis) is compared with the start of the longer text, so a cut-off copy is an aligned common prefix;
/// any other version must match over the whole length of both. Sharing sentences in another order, or
/// sharing a beginning and then going on differently, is not enough: when in doubt, keep both.
/// </summary>
internal static class SameArticle
{
    /// <summary>Below this many characters a truncated copy says too little to be matched by its beginning.</summary>
    public const int MinimumTruncation = 24;

    /// <summary>The largest share of edited characters allowed for <paramref name="threshold"/> (0.1 up to 0.9).</summary>
    public static double EditShare(double threshold) => 1 - Math.Max(threshold, 0.9);

    /// <summary>Whether the lengths alone allow a match: a whole-length copy differs in length by at most its edit budget.</summary>
    public static bool LengthsAllow(in ArticleVersion shorter, in ArticleVersion longer, double editShare) =>
        (shorter.Truncated && shorter.CoreLength >= MinimumTruncation)
        || longer.CoreLength - shorter.CoreLength <= (int)(editShare * longer.CoreLength);

    /// <summary>
    /// Edits needed to turn <paramref name="shorter"/> into <paramref name="longer"/> (into its beginning, when the
    /// shorter one is truncated), or -1 when they are not versions of one article. <paramref name="work"/> counts
    /// the alignment's block steps.
    /// </summary>
    public static int Edits(in ArticleVersion shorter, in ArticleVersion longer, double editShare, ref long work)
    {
        var s = shorter.Core;
        var l = longer.Core;
        if (s.Length == 0)
        {
            return -1;
        }

        var prefix = s.CommonPrefixLength(l);
        if (shorter.Truncated && s.Length >= MinimumTruncation)
        {
            var budget = (int)(editShare * s.Length);
            return prefix == s.Length ? 0 : BoundedEditDistance.Compute(s[prefix..], l[prefix..], budget, freeTextEnd: true, ref work);
        }

        if (!LengthsAllow(shorter, longer, editShare))
        {
            return -1;
        }

        var wholeBudget = (int)(editShare * l.Length);

        var sRest = s[prefix..];
        var lRest = l[prefix..];
        var suffix = sRest.CommonSuffixLength(lRest);
        return BoundedEditDistance.Compute(sRest[..^suffix], lRest[..^suffix], wholeBudget, freeTextEnd: false, ref work);
    }

    private static int CommonSuffixLength(this ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var n = Math.Min(a.Length, b.Length);
        var k = 0;
        while (k < n && a[a.Length - 1 - k] == b[b.Length - 1 - k])
        {
            k++;
        }

        return k;
    }
}
