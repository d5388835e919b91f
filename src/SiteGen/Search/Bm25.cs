namespace SiteGen.Search;

/// <summary>
/// Index-time half of the ranking: the BM25 term-frequency part (with length normalization) is
/// computed here and quantized into 0–15 so the reader needs no per-document statistics;
/// search.js multiplies it by the IDF it derives from the posting list length.
/// </summary>
public static class Bm25
{
    public const double K1 = 1.2;
    public const double B = 0.75;
    public const int MaxImpact = 15;
    public const int HeadingWeight = 3;
    public const int TagWeight = 2;

    /// <summary>
    /// The average document length impacts are computed with: the true average rounded to a step of 1/32 of its
    /// power of two (off by at most 1/64, which moves a length normalisation by under 1.2 %), so that adding a few
    /// documents seldom moves it and the other documents' impacts, and so their posting lists, stay as they are.
    /// When it moves, every list is merged again (0.6–0.95 s at 2,000 articles): with steps of 1/256, 4 of 20 rebuilds
    /// that each added one short article did that, with 1/32 none (docs/benchmarks.md).
    /// </summary>
    public static double RoundedAverage(double average)
    {
        if (average <= 1)
        {
            return 1;
        }

        var step = Math.Pow(2, Math.Floor(Math.Log2(average))) / 32;
        return Math.Round(average / step) * step;
    }

    /// <summary>Quantized BM25 saturation of a weighted term frequency; at least 1 whenever the term occurs.</summary>
    public static int Impact(int weightedTf, double docLength, double averageLength)
    {
        if (weightedTf <= 0)
        {
            return 0;
        }

        var norm = K1 * (1 - B + (B * docLength / Math.Max(averageLength, 1)));
        var saturation = weightedTf / (weightedTf + norm);
        return Math.Clamp((int)Math.Round(MaxImpact * saturation), 1, MaxImpact);
    }
}
