namespace SiteGen.Import;

/// <summary>
/// The rule for "two versions of one article": the shorter one, aligned from the first character, differs
/// from the longer one by at most a small share of its characters, and only by small edits (no stretch of
/// more than <see cref="MaxDifferingRun"/> characters on either side without a counterpart on the other).
/// A truncated version (it ends with an ellipsis) is compared with the start of the longer text, so a cut-off
/// copy is an aligned common prefix; any other version must match over the whole length of both. Sharing
/// sentences in another order, sharing a beginning or an ending and otherwise going on differently, is not
/// enough, and neither is a copy whose numbers differ (number 7 and number 8 of a weekly, version 2 and 3
/// of a post): when in doubt, keep both.
/// </summary>
internal static class SameArticle
{
    /// <summary>Below this many characters a truncated copy says too little to be matched by its beginning.</summary>
    public const int MinimumTruncation = 24;

    /// <summary>The longest stretch of characters one version may have that the other lacks (the seeds' pair differs in 26).</summary>
    public const int MaxDifferingRun = 32;

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
            if (prefix == s.Length)
            {
                return 0;
            }

            var budget = (int)(editShare * s.Length);
            var edits = BoundedEditDistance.Compute(s[prefix..], l[prefix..], budget, freeTextEnd: true, ref work);
            // The aligned part of the longer text ends within 'edits' characters of the shorter one's length.
            return edits >= 0 && OnlySmallEdits(s[prefix..], l[prefix..Math.Min(l.Length, s.Length + edits)], l[prefix..Math.Max(prefix, s.Length - edits)])
                && SameNumbers(s, l, Math.Max(prefix, s.Length - edits))
                ? edits
                : -1;
        }

        if (!LengthsAllow(shorter, longer, editShare))
        {
            return -1;
        }

        var sRest = s[prefix..];
        var lRest = l[prefix..];
        var suffix = sRest.CommonSuffixLength(lRest);
        var sMiddle = sRest[..^suffix];
        var lMiddle = lRest[..^suffix];
        var whole = BoundedEditDistance.Compute(sMiddle, lMiddle, (int)(editShare * l.Length), freeTextEnd: false, ref work);
        return whole >= 0 && OnlySmallEdits(sMiddle, lMiddle, lMiddle) && SameNumbers(s, l, l.Length) ? whole : -1;
    }

    /// <summary>
    /// Whether the two texts have the same numbers (runs of digits) in the same order: every number of
    /// <paramref name="shorter"/> is the longer one's number at the same place, and the longer one has no other number
    /// before <paramref name="longerAligned"/> (its whole length for a whole-length copy, the part surely aligned
    /// with a truncated one). A truncated text's last number may be cut off: then it need only begin the other's.
    /// Only runs after an accepted alignment.
    /// </summary>
    internal static bool SameNumbers(ReadOnlySpan<char> shorter, ReadOnlySpan<char> longer, int longerAligned)
    {
        var (i, j) = (0, 0);
        while (true)
        {
            var a = NextNumber(shorter, ref i);
            var b = NextNumber(longer, ref j);
            if (a.IsEmpty)
            {
                // No number left in the shorter text: the longer one may have more only past the aligned part.
                return b.IsEmpty || j - b.Length >= longerAligned;
            }

            if (b.IsEmpty)
            {
                return false;
            }

            var cutOff = i == shorter.Length && longerAligned < longer.Length;
            if (!(cutOff ? b.StartsWith(a) : a.SequenceEqual(b)))
            {
                return false;
            }
        }
    }

    /// <summary>The next run of digits at or after <paramref name="at"/>, which moves past it; empty when there is none.</summary>
    private static ReadOnlySpan<char> NextNumber(ReadOnlySpan<char> text, ref int at)
    {
        while (at < text.Length && !char.IsDigit(text[at]))
        {
            at++;
        }

        var start = at;
        while (at < text.Length && char.IsDigit(text[at]))
        {
            at++;
        }

        return text[start..at];
    }

    /// <summary>
    /// Whether neither side has a long stretch the other lacks: <paramref name="shorter"/> against all the longer
    /// text may be aligned with (<paramref name="longerReach"/>), and the part of the longer text that is surely
    /// aligned (<paramref name="longerAligned"/>) against the shorter one. Only runs after an accepted alignment.
    /// </summary>
    private static bool OnlySmallEdits(ReadOnlySpan<char> shorter, ReadOnlySpan<char> longerReach, ReadOnlySpan<char> longerAligned) =>
        DifferingRun.Longest(shorter, longerReach) <= MaxDifferingRun && DifferingRun.Longest(longerAligned, shorter) <= MaxDifferingRun;

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
