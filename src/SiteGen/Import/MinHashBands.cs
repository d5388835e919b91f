namespace SiteGen.Import;

/// <summary>
/// MinHash signatures cut into LSH bands: texts that agree on every row of at least one band become
/// candidate pairs, so near duplicates are found without comparing all pairs.
/// </summary>
internal sealed class MinHashBands
{
    private const int HashBudget = 96;

    private readonly ulong[] _multipliers;
    private readonly ulong[] _offsets;

    public int Bands { get; }
    public int Rows { get; }

    /// <summary>Picks the band shape that still finds a pair at the threshold with probability ≥ 99.5%, with as few spurious candidates as possible.</summary>
    public MinHashBands(double threshold)
    {
        var t = Math.Clamp(threshold, 0.05, 1.0);
        Rows = 1;
        for (var rows = 8; rows >= 1; rows--)
        {
            var bands = HashBudget / rows;
            if (1 - Math.Pow(1 - Math.Pow(t, rows), bands) >= 0.995)
            {
                Rows = rows;
                break;
            }
        }
        Bands = HashBudget / Rows;
        var count = Bands * Rows;
        _multipliers = new ulong[count];
        _offsets = new ulong[count];
        // Fixed seeds: the same input must give the same candidates on every machine and every run.
        var state = 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < count; i++)
        {
            state = ShingleSet.Mix(state + 0x9E3779B97F4A7C15UL);
            _multipliers[i] = state | 1;
            state = ShingleSet.Mix(state + 0x9E3779B97F4A7C15UL);
            _offsets[i] = state;
        }
    }

    /// <summary>One 64-bit key per band; two texts share a key only when their signatures agree on that band.</summary>
    public ulong[] BandKeys(ulong[] shingles)
    {
        var count = _multipliers.Length;
        Span<ulong> signature = stackalloc ulong[count];
        signature.Fill(ulong.MaxValue);
        foreach (var x in shingles)
        {
            for (var i = 0; i < count; i++)
            {
                var h = x * _multipliers[i] + _offsets[i];
                if (h < signature[i])
                {
                    signature[i] = h;
                }
            }
        }

        var keys = new ulong[Bands];
        for (var band = 0; band < Bands; band++)
        {
            var key = (ulong)band * 0x9E3779B97F4A7C15UL;
            for (var row = 0; row < Rows; row++)
            {
                key = ShingleSet.Mix(key ^ signature[band * Rows + row]);
            }
            keys[band] = key;
        }
        return keys;
    }
}
