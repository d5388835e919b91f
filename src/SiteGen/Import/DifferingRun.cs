namespace SiteGen.Import;

/// <summary>
/// The longest stretch of one text that has no counterpart in another: a run of its character q-grams of
/// which none occurs in the other text. Scattered small edits leave only short runs; a paragraph that only
/// one side has (another article's opening before a shared footer, say) leaves a long one.
/// </summary>
internal static class DifferingRun
{
    private const int GramLength = 4;

    [ThreadStatic]
    private static ulong[]? t_grams;

    /// <summary>Characters in the longest run of <paramref name="text"/> whose q-grams all miss <paramref name="other"/>.</summary>
    public static int Longest(ReadOnlySpan<char> text, ReadOnlySpan<char> other)
    {
        if (text.Length < GramLength)
        {
            return 0;
        }

        var count = Math.Max(0, other.Length - GramLength + 1);
        var grams = t_grams is { } buffer && buffer.Length >= count ? buffer : t_grams = new ulong[Math.Max(count, 256)];
        for (var i = 0; i < count; i++)
        {
            grams[i] = ShingleSet.Hash(other.Slice(i, GramLength));
        }

        var sorted = grams.AsSpan(0, count);
        sorted.Sort();
        var (run, longest) = (0, 0);
        for (var i = 0; i + GramLength <= text.Length; i++)
        {
            run = sorted.BinarySearch(ShingleSet.Hash(text.Slice(i, GramLength))) >= 0 ? 0 : run + 1;
            longest = Math.Max(longest, run);
        }

        // A run of r missing grams covers r + GramLength - 1 characters.
        return longest == 0 ? 0 : longest + GramLength - 1;
    }
}
